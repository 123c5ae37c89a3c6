package org.qipflow.home;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.qipflow.common.UkTime;
import org.qipflow.membership.MembershipRenewals;
import org.qipflow.membership.Organisation;
import org.qipflow.membership.OrganisationService;
import org.qipflow.notification.Outbox;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The coordinator's dashboard: what needs attention today, across every programme. */
@Controller
class HomeController {

    static final int MOST_EMAILS = 10;

    private final OrganisationService organisations;
    private final MembershipRenewals renewals;
    private final CyclesNeedingAttention cycles;
    private final Outbox outbox;
    private final EngineIncidents incidents;
    private final Clock clock;

    HomeController(OrganisationService organisations, MembershipRenewals renewals, CyclesNeedingAttention cycles,
            Outbox outbox, EngineIncidents incidents, Clock clock) {
        this.organisations = organisations;
        this.renewals = renewals;
        this.cycles = cycles;
        this.outbox = outbox;
        this.incidents = incidents;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(Model model) {
        Map<String, Organisation> byCode = organisations.list(null).stream()
                .collect(Collectors.toMap(Organisation::code, Function.identity()));
        model.addAttribute("today", LocalDate.now(clock.withZone(UkTime.ZONE)));
        model.addAttribute("counts", organisations.counts());
        model.addAttribute("renewals", renewals.due());
        model.addAttribute("organisationsByCode", byCode);
        CyclesNeedingAttention.Today today = cycles.today();
        model.addAttribute("reviews", today.reviews());
        model.addAttribute("late", today.late());
        model.addAttribute("dueSoon", today.dueSoon());
        model.addAttribute("incidents", incidents.open());
        model.addAttribute("undelivered", outbox.undelivered(MOST_EMAILS));
        model.addAttribute("coming", today.coming());
        model.addAttribute("emailsWaiting", outbox.pending());
        return "home";
    }
}
