package org.qipflow.topics;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.qipflow.common.FormErrors;
import org.qipflow.common.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages a proposer's emailed links open. Opening one changes nothing (mail scanners follow links);
 * the button on it confirms the address or sends the answer.
 */
@Controller
class TopicLinkController {

    private final TopicAnswers answers;

    TopicLinkController(TopicAnswers answers) {
        this.answers = answers;
    }

    @GetMapping("/topics/links/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<TopicAnswers.LinkPage> page = answers.page(token);
        if (page.isEmpty() || !page.get().usable()) {
            return gone(page.isPresent(), response);
        }
        model.addAttribute("topic", page.get().topic());
        model.addAttribute("token", token);
        FormErrors.noneYet(model);
        return page.get().confirmsAddress() ? "topics/confirm" : "topics/answer";
    }

    @PostMapping("/topics/links/{token}/confirm")
    String confirm(@PathVariable String token, HttpServletResponse response) {
        return answers.confirm(token) ? "topics/confirmed" : gone(answers.page(token).isPresent(), response);
    }

    @PostMapping("/topics/links/{token}/answer")
    String answer(@PathVariable String token, @RequestParam(required = false) String answer, Model model,
            HttpServletResponse response) {
        try {
            answers.answer(token, answer);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            FormErrors.show(model, e.problems());
            model.addAttribute("answerEntered", answer);
            return show(token, model, response);
        }
        return "topics/answered";
    }

    /** A link never issued, or whose proposal was removed, is 404; one used up or closed is 410. */
    private static String gone(boolean known, HttpServletResponse response) {
        response.setStatus(known ? HttpServletResponse.SC_GONE : HttpServletResponse.SC_NOT_FOUND);
        return "topics/link-gone";
    }
}
