package org.qipflow.calendar;

import java.security.Principal;

import org.qipflow.common.PublicAddress;
import org.qipflow.membership.Organisation;
import org.qipflow.membership.OrganisationService;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Coordinators issue an organisation's private feed address (ending any earlier one) or stop it. */
@Controller
class FeedLinkController {

    private final CalendarFeeds feeds;
    private final OrganisationService organisations;
    private final PublicAddress address;

    FeedLinkController(CalendarFeeds feeds, OrganisationService organisations, PublicAddress address) {
        this.feeds = feeds;
        this.organisations = organisations;
        this.address = address;
    }

    @PostMapping("/organisations/{code}/calendar-feed")
    String issue(@PathVariable String code, Principal coordinator, RedirectAttributes redirect) {
        Organisation organisation = organisations.get(code);
        String link = address.of(feeds.issue(organisation.code(), coordinator.getName()));
        redirect.addFlashAttribute("flash", "New calendar feed for " + organisation.name() + " (shown once; any "
                + "earlier address has stopped working): " + link);
        return "redirect:/organisations/" + organisation.code();
    }

    @PostMapping("/organisations/{code}/calendar-feed/revocation")
    String revoke(@PathVariable String code, RedirectAttributes redirect) {
        Organisation organisation = organisations.get(code);
        feeds.revoke(organisation.code());
        redirect.addFlashAttribute("flash", organisation.name() + "'s calendar feed address has stopped working");
        return "redirect:/organisations/" + organisation.code();
    }
}
