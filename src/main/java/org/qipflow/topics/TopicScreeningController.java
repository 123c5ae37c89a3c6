package org.qipflow.topics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.qipflow.common.Choice;
import org.qipflow.common.FormErrors;
import org.qipflow.common.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The coordinator's topic pages: every topic with its points and votes, and the screening of one. */
@Controller
class TopicScreeningController {

    private static final String FLASH = "flash";
    private static final List<Choice> DECISIONS = List.of(
            Choice.of("ADOPT", "Adopt it", "A draft programme is created; attach its audit definition before its baseline"),
            Choice.of("DECLINE", "Decline it", "The proposer is emailed the reasons and every criterion's score and note"),
            Choice.of("ASK", "Ask the proposer for more", "The proposer has 21 days to answer from an emailed link"));

    private final TopicScreening screening;

    TopicScreeningController(TopicScreening screening) {
        this.screening = screening;
    }

    @GetMapping("/topics/review")
    String review(Model model) {
        model.addAttribute("topics", screening.list());
        model.addAttribute("most", CriterionScore.most());
        return "topics/review";
    }

    @GetMapping("/topics/{id:\\d+}")
    String show(@PathVariable long id, Model model) {
        TopicScreening.Screened screened = screening.get(id);
        if (model.getAttribute("form") == null) {
            Map<String, String> form = new HashMap<>();
            screened.scores().values().forEach(s -> {
                form.put(s.criterion().scoreField(), s.score().name());
                form.put(s.criterion().noteField(), s.note());
            });
            form.put("programmeTitle", screened.topic().title());
            model.addAttribute("form", form);
        }
        model.addAttribute("screened", screened);
        model.addAttribute("criteria", Criterion.values());
        model.addAttribute("scoreChoices", CriterionScore.values());
        model.addAttribute("decisions", DECISIONS);
        model.addAttribute("most", CriterionScore.most());
        FormErrors.noneYet(model);
        return "topics/screen";
    }

    /** The screening form's two buttons: keep the scores, or record the decision with them. */
    @PostMapping("/topics/{id:\\d+}")
    String screen(@PathVariable long id, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        boolean deciding = "decide".equals(form.get("action"));
        try {
            if (deciding) {
                screening.decide(id, form);
            } else {
                screening.saveScores(id, form);
            }
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            FormErrors.show(model, e.problems());
            model.addAttribute("form", form);
            return show(id, model);
        }
        redirect.addFlashAttribute(FLASH, deciding ? "The decision is recorded" : "The scores are saved");
        return "redirect:/topics/" + id;
    }

    @PostMapping("/topics/{id:\\d+}/shortlist")
    String shortlist(@PathVariable long id, @RequestParam boolean shortlisted, RedirectAttributes redirect) {
        screening.shortlist(id, shortlisted);
        redirect.addFlashAttribute(FLASH, shortlisted ? "Members can now vote for the topic"
                : "The topic is off the shortlist; the votes cast are kept");
        return "redirect:/topics/" + id;
    }
}
