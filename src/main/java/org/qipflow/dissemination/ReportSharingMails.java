package org.qipflow.dissemination;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.qipflow.common.PublicAddress;
import org.qipflow.membership.Organisation;
import org.qipflow.membership.OrganisationService;
import org.qipflow.notification.Mail;
import org.qipflow.programmes.CycleService;
import org.qipflow.tasklink.TaskLinks;
import org.springframework.stereotype.Component;

/**
 * The emails of report sharing. Keys are stable per share and occasion, so a retried step writes each
 * email once; a team's link is issued only for an email that is written, and replaces its earlier one.
 */
@Component
class ReportSharingMails {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);

    private final TaskLinks links;
    private final PublicAddress address;
    private final OrganisationService organisations;
    private final CycleService cycles;

    ReportSharingMails(TaskLinks links, PublicAddress address, OrganisationService organisations, CycleService cycles) {
        this.links = links;
        this.address = address;
        this.organisations = organisations;
        this.cycles = cycles;
    }

    /**
     * The report's link, to the team's contact.
     *
     * @param occasion "shared", "reminder" or "fresh-…": what makes this email's key its own
     */
    Mail toTeam(ReportShare share, String occasion, String template) {
        Map<String, Object> model = model(share);
        model.put("link", Mail.later(() -> address.of("/report-links/" + links.issue(share.organisationCode(),
                ReportShareLink.subject(share.id()), ReportShareLink.PURPOSE, TaskLinks.LONGEST))));
        return new Mail(reference(share) + ":" + occasion, reference(share), share.contactEmail(), template, model);
    }

    /** News of a share for the lead: discussed, or not acknowledged after a reminder. */
    Mail toLead(ReportShare share, String occasion, String template) {
        Map<String, Object> model = model(share);
        model.put("sharingLink", address.of("/my/sharing/" + share.cycleId() + "/" + share.organisationCode()));
        if (share.discussedOn() != null) {
            model.put("discussedOn", share.discussedOn().format(DAY));
            model.put("discussedWhere", share.discussedWhere());
        }
        Organisation organisation = organisations.get(share.organisationCode());
        String lead = organisation.localLead() == null ? share.sharedBy() : organisation.localLead().email();
        return new Mail(reference(share) + ":lead-" + occasion, reference(share), lead, template, model);
    }

    private Map<String, Object> model(ReportShare share) {
        Organisation organisation = organisations.get(share.organisationCode());
        Map<String, Object> model = new HashMap<>();
        model.put("organisationName", organisation.name());
        model.put("cycleTitle", cycles.get(share.cycleId()).title());
        model.put("team", share.team());
        model.put("contactName", share.contactName());
        model.put("leadName", organisation.localLead() == null ? "your local lead" : organisation.localLead().name());
        model.put("leadEmail", share.sharedBy());
        return model;
    }

    static String reference(ReportShare share) {
        return "report-share:" + share.id();
    }
}
