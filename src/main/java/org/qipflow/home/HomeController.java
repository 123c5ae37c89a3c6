package org.qipflow.home;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.qipflow.auditcycle.CycleTracker;
import org.qipflow.membership.Organisation;
import org.qipflow.membership.OrganisationService;
import org.qipflow.notification.Outbox;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final OrganisationService organisations;
    private final CycleTracker tracker;
    private final Outbox outbox;

    HomeController(OrganisationService organisations, CycleTracker tracker, Outbox outbox) {
        this.organisations = organisations;
        this.tracker = tracker;
        this.outbox = outbox;
    }

    @GetMapping("/")
    String home(Model model) {
        Map<String, Organisation> byCode = organisations.list(null).stream()
                .collect(Collectors.toMap(Organisation::code, Function.identity()));
        model.addAttribute("counts", organisations.counts());
        model.addAttribute("renewals", organisations.renewalsDue());
        model.addAttribute("organisationsByCode", byCode);
        model.addAttribute("reviews", tracker.cyclesAwaitingReview());
        model.addAttribute("emailsWaiting", outbox.pending());
        return "home";
    }
}
