package org.qipflow.leadaccess;

import org.qipflow.security.LeadPrincipal;
import org.qipflow.topics.TopicVotes;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Topics to vote on": the shortlisted topics, and one vote per organisation the signed-in lead leads. */
@Controller
class MyTopicsController {

    private final TopicVotes votes;
    private final LedOrganisations led;

    MyTopicsController(TopicVotes votes, LedOrganisations led) {
        this.votes = votes;
        this.led = led;
    }

    @GetMapping("/my/topics")
    String topics(@AuthenticationPrincipal LeadPrincipal lead, Model model) {
        model.addAttribute("organisations", led.now(lead));
        model.addAttribute("topics", votes.shortlist(led.now(lead)));
        return "leads/my-topics";
    }

    @PostMapping("/my/topics/{topicId}/votes/{code}")
    String vote(@AuthenticationPrincipal LeadPrincipal lead, @PathVariable long topicId, @PathVariable String code,
            RedirectAttributes redirect) {
        led.check(lead, code);
        boolean counted = votes.vote(topicId, code, lead.email());
        redirect.addFlashAttribute("flash", counted ? "Your vote for " + code + " is counted"
                : code + " had already voted for this topic; each organisation has one vote");
        return "redirect:/my/topics";
    }
}
