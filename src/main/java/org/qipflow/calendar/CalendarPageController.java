package org.qipflow.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.qipflow.common.PublicAddress;
import org.qipflow.programmes.ProgrammeService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** How to subscribe: the feeds' addresses, as webcal links and for Google, Outlook and Apple Calendar. */
@Controller
class CalendarPageController {

    private final ProgrammeService programmes;
    private final PublicAddress address;
    private final Clock clock;

    CalendarPageController(ProgrammeService programmes, PublicAddress address, Clock clock) {
        this.programmes = programmes;
        this.address = address;
        this.clock = clock;
    }

    /** A feed's two addresses: https to paste into a calendar program, webcal:// to open one directly. */
    record FeedLinks(String name, String https, String webcal) {

        static FeedLinks of(String name, PublicAddress address, String path) {
            String https = address.of(path);
            return new FeedLinks(name, https, https.replaceFirst("^https?://", "webcal://"));
        }
    }

    @GetMapping("/calendar")
    String page(Model model) {
        List<FeedLinks> feeds = new ArrayList<>();
        feeds.add(FeedLinks.of("Every programme", address, "/calendar/programme.ics"));
        programmes.list().forEach(p -> feeds.add(
                FeedLinks.of(p.code() + " " + p.title(), address, "/calendar/programmes/" + p.code() + ".ics")));
        model.addAttribute("feeds", feeds);
        model.addAttribute("year", LocalDate.now(clock.withZone(IcsWriter.LONDON)).getYear());
        return "calendar/subscribe";
    }
}
