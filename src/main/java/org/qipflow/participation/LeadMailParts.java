package org.qipflow.participation;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.qipflow.common.Dates;
import org.qipflow.common.PublicAddress;
import org.qipflow.common.UkTime;
import org.qipflow.membership.Organisation;
import org.qipflow.notification.Mail;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.Milestone;
import org.qipflow.tasklink.TaskLinks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What every email to or about one organisation in one cycle is made of: a key stable per step, so a
 * retried step writes its email once; the reference it is filed under; the lead's and the cycle's
 * details; and, where the lead is asked to act, a fresh single-purpose link.
 */
@Component
public class LeadMailParts {

    /**
     * Links work for 30 days at most, end earlier when their task ends or a newer link for the same task
     * is sent, and can be sent again at any time from the link's page; results stay at My reports.
     */
    static final Duration LINK_VALIDITY = TaskLinks.LONGEST;

    private final TaskLinks links;
    private final PublicAddress address;
    private final String coordinators;

    LeadMailParts(TaskLinks links, PublicAddress address,
            @Value("${qipflow.mail.coordinators}") String coordinators) {
        this.links = links;
        this.address = address;
        this.coordinators = coordinators;
    }

    /** An email to the organisation's lead about this step of the cycle. */
    public Mail toLead(String step, Cycle cycle, Organisation organisation, Instant deadline, String template,
            Mail.Later<String> link) {
        return new Mail(key(cycle, organisation, step), reference(cycle, organisation.code()),
                organisation.localLead().email(), template, model(cycle, organisation, deadline, link));
    }

    /** An email to the programme team about the organisation, linking to the page named. */
    public Mail toCoordinators(String step, Cycle cycle, Organisation organisation, Instant deadline, String template,
            String page) {
        return new Mail(key(cycle, organisation, step), reference(cycle, organisation.code()), coordinators, template,
                model(cycle, organisation, deadline, address.of(page)));
    }

    /**
     * A new link for one purpose in the cycle (a {@link LeadTask}'s name, or a query to answer), issued
     * only if the email that carries it is written (see {@link Mail#later}).
     */
    public Mail.Later<String> link(Cycle cycle, Organisation organisation, String purpose) {
        return Mail.later(() -> address.of("/tasks/" + links.issue(organisation.code(), LeadLink.subject(cycle.id()),
                purpose, LINK_VALIDITY)));
    }

    String address(String path) {
        return address.of(path);
    }

    /** What the emails to and about one organisation in one cycle are filed under. */
    static String reference(Cycle cycle, String organisationCode) {
        return "cycle:" + cycle.id() + ":" + organisationCode;
    }

    private static String key(Cycle cycle, Organisation organisation, String step) {
        return reference(cycle, organisation.code()) + ":" + step;
    }

    private Map<String, Object> model(Cycle cycle, Organisation organisation, Instant deadline, Object link) {
        Map<String, Object> model = new HashMap<>();
        model.put("leadName", organisation.localLead().name());
        model.put("organisationName", organisation.name());
        model.put("organisationCode", organisation.code());
        model.put("cycleTitle", cycle.title());
        model.put("programmeTitle", cycle.programmeTitle());
        model.put("milestones", Arrays.stream(Milestone.values())
                .map(m -> Map.of("label", m.label(), "date", Dates.format(cycle.milestones().get(m)))).toList());
        model.put("deadline", deadline == null ? null : Dates.format(deadline.atZone(UkTime.ZONE)));
        model.put("link", link);
        model.put("coordinators", coordinators);
        return model;
    }
}
