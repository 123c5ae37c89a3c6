package org.qipflow.leadaccess;

import java.util.List;

import org.qipflow.calendar.CalendarFeeds;
import org.qipflow.common.PublicAddress;
import org.qipflow.membership.Organisation;
import org.qipflow.membership.OrganisationService;
import org.qipflow.participation.Participant;
import org.qipflow.participation.ParticipationService;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleService;
import org.qipflow.security.LeadPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** "My reports": every cycle the lead's organisations took part in, newest first, with what can be opened. */
@Controller
class MyReportsController {

    private final ParticipationService participation;
    private final CycleService cycles;
    private final OrganisationService organisations;
    private final CalendarFeeds feeds;
    private final PublicAddress address;
    private final LedOrganisations led;

    MyReportsController(ParticipationService participation, CycleService cycles, OrganisationService organisations,
            CalendarFeeds feeds, PublicAddress address, LedOrganisations led) {
        this.led = led;
        this.participation = participation;
        this.cycles = cycles;
        this.organisations = organisations;
        this.feeds = feeds;
        this.address = address;
    }

    /** One organisation's line for one cycle; {@code reportPath} is set once its report can be opened. */
    record Entry(Cycle cycle, String status, String reportPath, String note) {
    }

    record OrganisationReports(Organisation organisation, List<Entry> entries) {
    }

    @GetMapping("/my/reports")
    String reports(@AuthenticationPrincipal LeadPrincipal lead, Model model) {
        model.addAttribute("organisations", led.now(lead).stream()
                .map(code -> new OrganisationReports(organisations.get(code),
                        participation.cyclesOf(code).stream().map(this::entry).toList()))
                .toList());
        return "leads/my-reports";
    }

    /**
     * A new private calendar address for one of the lead's organisations, shown on the page once; any
     * earlier address stops working (which is also how a leaked one is withdrawn).
     */
    @PostMapping("/my/calendar/{code}")
    String calendar(@AuthenticationPrincipal LeadPrincipal lead, @PathVariable String code, Model model) {
        led.check(lead, code);
        String https = address.of(feeds.issue(code, lead.email()));
        model.addAttribute("feedFor", code);
        model.addAttribute("feedHttps", https);
        model.addAttribute("feedWebcal", https.replaceFirst("^https?://", "webcal://"));
        return reports(lead, model);
    }

    private Entry entry(Participant participant) {
        Cycle cycle = cycles.get(participant.cycleId());
        String status = participant.status().label();
        if (!participant.status().submitted()) {
            return new Entry(cycle, status, null, participant.status().open()
                    ? "Results come after submission closes" : "No report: no data submitted");
        }
        if (cycle.publishedAt() == null) {
            return new Entry(cycle, status, null, "Results not published yet");
        }
        return new Entry(cycle, status, "/reports/" + cycle.id() + "/" + participant.organisationCode(), null);
    }
}
