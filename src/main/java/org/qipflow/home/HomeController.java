package org.qipflow.home;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.qipflow.auditcycle.CycleTracker;
import org.qipflow.common.UkTime;
import org.qipflow.membership.MembershipRenewals;
import org.qipflow.membership.Organisation;
import org.qipflow.membership.OrganisationService;
import org.qipflow.notification.Outbox;
import org.qipflow.participation.SubmissionTracker;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The coordinator's dashboard: what needs attention today, across every programme. */
@Controller
class HomeController {

    /** How far ahead a deadline counts as close. */
    static final Duration DEADLINES_AHEAD = Duration.ofDays(7);
    static final int MOST_EMAILS = 10;

    private final OrganisationService organisations;
    private final MembershipRenewals renewals;
    private final CycleTracker tracker;
    private final SubmissionTracker submissions;
    private final Outbox outbox;
    private final EngineIncidents incidents;
    private final ComingMilestones milestones;
    private final Clock clock;

    /** The dashboard gathers one list from each feature, so it reads more of them than a page usually does. */
    HomeController(OrganisationService organisations, MembershipRenewals renewals, CycleTracker tracker,
            SubmissionTracker submissions, Outbox outbox, EngineIncidents incidents, ComingMilestones milestones,
            Clock clock) {
        this.submissions = submissions;
        this.organisations = organisations;
        this.renewals = renewals;
        this.tracker = tracker;
        this.outbox = outbox;
        this.incidents = incidents;
        this.milestones = milestones;
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
        model.addAttribute("reviews", tracker.cyclesAwaitingReview());
        model.addAttribute("late", submissions.lateOrganisations());
        model.addAttribute("dueSoon", submissions.deadlinesWithin(DEADLINES_AHEAD));
        model.addAttribute("incidents", incidents.open());
        model.addAttribute("undelivered", outbox.undelivered(MOST_EMAILS));
        model.addAttribute("coming", milestones.next());
        model.addAttribute("emailsWaiting", outbox.pending());
        return "home";
    }
}
