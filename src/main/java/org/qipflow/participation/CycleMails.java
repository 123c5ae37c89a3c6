package org.qipflow.participation;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
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
 * The emails of an audit cycle, each with a fresh single-purpose link where the lead is asked to act.
 * Message keys are stable per step, so a retried step writes its email once.
 */
@Component
public class CycleMails {

    /** The emails that tell a lead the organisation's deadline, after which a reminder has a day's grace. */
    static final List<String> ANNOUNCING_DEADLINE = List.of("submission-open", "submission-reminder", "deadline-changed",
            "dates-changed");

    /**
     * Links work for 30 days at most, end earlier when their task ends or a newer link for the same task
     * is sent, and can be sent again at any time from the link's page; results stay at My reports.
     */
    static final Duration LINK_VALIDITY = Duration.ofDays(30);

    private final TaskLinks links;
    private final PublicAddress address;
    private final String coordinators;

    CycleMails(TaskLinks links, PublicAddress address, @Value("${qipflow.mail.coordinators}") String coordinators) {
        this.links = links;
        this.address = address;
        this.coordinators = coordinators;
    }

    /** The invitation to take part, with a second link to the materials themselves that the lead may pass on. */
    Mail materials(Cycle cycle, Organisation organisation, Instant deadline) {
        Mail mail = toLead("materials", cycle, organisation, deadline, "audit-materials",
                link(cycle, organisation, LeadTask.CONFIRM_PARTICIPATION, LINK_VALIDITY));
        Mail.Later<String> materials = link(cycle, organisation, LeadTask.AUDIT_MATERIALS, LINK_VALIDITY);
        mail.model().put("materialsLink", materials);
        mail.model().put("formLink", Mail.later(() -> materials.get() + "/audit-form.pdf"));
        mail.model().put("templateLink", Mail.later(() -> materials.get() + "/template.xlsx"));
        return mail;
    }

    Mail submissionOpen(Cycle cycle, Organisation organisation, Instant deadline) {
        return toLead("submission-open", cycle, organisation, deadline, "submission-open",
                link(cycle, organisation, LeadTask.SUBMIT_DATA, LINK_VALIDITY));
    }

    /** One per reminder and deadline: a reminder due again after an extension is a new message. */
    Mail reminder(Cycle cycle, Organisation organisation, Instant deadline, int days, Instant now) {
        Mail mail = toLead("reminder-" + days + "-" + deadline.getEpochSecond(), cycle, organisation, deadline,
                "submission-reminder", link(cycle, organisation, LeadTask.SUBMIT_DATA, LINK_VALIDITY));
        mail.model().put("timeLeft", timeLeft(now, deadline));
        return mail;
    }

    /**
     * The time left as a reminder says it, to the nearest day ("2 days left" for a reminder a little
     * late for its time, two days before), or "less than a day left"; never "0 days".
     */
    static String timeLeft(Instant now, Instant deadline) {
        long hours = Duration.between(now, deadline).toHours();
        if (hours < 24) {
            return "less than a day left";
        }
        long days = (hours + 12) / 24;
        return days == 1 ? "1 day left" : days + " days left";
    }

    /**
     * A reminder the coordinator sends by hand; one per organisation per minute, so a double click
     * sends one. For an organisation that is late it is the late notice again, with the date late
     * submissions end.
     */
    Mail reminderNow(Cycle cycle, Organisation organisation, Instant deadline, LeadTask task, Instant now,
            boolean late, Instant lateSubmissionsEnd) {
        String key = "reminder-now-" + now.getEpochSecond() / 60;
        if (task == LeadTask.SUBMIT_DATA && late) {
            Mail mail = toLead(key, cycle, organisation, deadline, "submission-late",
                    link(cycle, organisation, task, LINK_VALIDITY));
            mail.model().put("lateSubmissionsEnd", Dates.format(lateSubmissionsEnd.atZone(UkTime.ZONE)));
            return mail;
        }
        Mail mail = toLead(key, cycle, organisation, deadline,
                task == LeadTask.CONFIRM_PARTICIPATION ? "confirmation-reminder" : "submission-reminder",
                link(cycle, organisation, task, LINK_VALIDITY));
        mail.model().put("timeLeft", timeLeft(now, deadline));
        return mail;
    }

    Mail late(Cycle cycle, Organisation organisation, Instant deadline, Instant lateSubmissionsEnd) {
        Mail mail = toLead("late", cycle, organisation, deadline, "submission-late",
                link(cycle, organisation, LeadTask.SUBMIT_DATA, LINK_VALIDITY));
        mail.model().put("lateSubmissionsEnd", Dates.format(lateSubmissionsEnd.atZone(UkTime.ZONE)));
        return mail;
    }

    Mail lateNotice(Cycle cycle, Organisation organisation, Instant deadline) {
        Map<String, Object> model = model(cycle, organisation, deadline, address.of("/cycles/" + cycle.id()));
        return new Mail("cycle:" + cycle.id() + ":" + organisation.code() + ":late-notice",
                reference(cycle, organisation), coordinators, "late-notice", model);
    }

    /** After the cycle's milestones moved; one per cycle version. */
    Mail datesChanged(Cycle cycle, Organisation organisation, Instant deadline) {
        return toLead("rescheduled-" + cycle.version(), cycle, organisation, deadline, "dates-changed", null);
    }

    /** After this organisation's deadline was extended; one per new deadline. The subject names it. */
    Mail deadlineExtended(Cycle cycle, Organisation organisation, Instant deadline) {
        Mail mail = toLead("extended-" + deadline.getEpochSecond(), cycle, organisation, deadline, "deadline-changed",
                null);
        mail.model().put("extended", true);
        return mail;
    }

    /** Confirms a "not taking part" answer; carries the cancellation of the deadline already sent. */
    Mail declined(Cycle cycle, Organisation organisation) {
        return toLead("declined", cycle, organisation, null, "participation-declined", null);
    }

    /** After a closure day moved this organisation's deadline; one per new deadline. The subject names it. */
    Mail deadlineMoved(Cycle cycle, Organisation organisation, Instant deadline) {
        Mail mail = toLead("moved-" + deadline.getEpochSecond(), cycle, organisation, deadline, "deadline-changed",
                null);
        mail.model().put("extended", false);
        return mail;
    }

    Mail results(Cycle cycle, Organisation organisation) {
        Mail mail = toLead("results", cycle, organisation, null, "results-published",
                link(cycle, organisation, LeadTask.VIEW_RESULTS, LINK_VALIDITY));
        mail.model().put("days", LINK_VALIDITY.toDays());
        mail.model().put("myReports", address.of("/my/reports"));
        return mail;
    }

    /**
     * A coordinator's question about the organisation's data, with a link to answer it.
     *
     * @param record the record it is about, as "team / pseudonym", or null
     */
    public Mail query(Cycle cycle, Organisation organisation, long queryId, String question, String record) {
        Mail mail = toLead("query-" + queryId, cycle, organisation, null, "data-query", Mail.later(() -> address.of(
                "/tasks/" + links.issue(organisation.code(), LeadLink.subject(cycle.id()), LeadLink.queryPurpose(queryId),
                        LINK_VALIDITY))));
        mail.model().put("question", question);
        mail.model().put("record", record);
        return mail;
    }

    /** The lead's answer, for the programme team. */
    public Mail queryAnswered(Cycle cycle, Organisation organisation, long queryId, String question, String answer,
            String record) {
        Map<String, Object> model = model(cycle, organisation, null,
                address.of("/cycles/" + cycle.id() + "/organisations/" + organisation.code()));
        model.put("question", question);
        model.put("answer", answer);
        model.put("record", record);
        return new Mail("cycle:" + cycle.id() + ":" + organisation.code() + ":query-" + queryId + "-answer",
                reference(cycle, organisation), coordinators, "data-query-answered", model);
    }

    /** Fresh links for the open tasks of one organisation, sent to its lead on record, never to the requester. */
    Mail freshLinks(Organisation organisation, List<Map<String, Object>> openTasks, Instant now) {
        Map<String, Object> model = new HashMap<>();
        model.put("leadName", organisation.localLead().name());
        model.put("organisationName", organisation.name());
        model.put("tasks", openTasks);
        return new Mail(freshLinksKey(organisation, now), null, organisation.localLead().email(), "fresh-links", model);
    }

    /** At most one fresh-links email per organisation and lead per hour. */
    static String freshLinksKey(Organisation organisation, Instant now) {
        return "fresh-links:" + organisation.code() + ":" + organisation.localLead().email() + ":"
                + now.getEpochSecond() / 3600;
    }

    /** A new link for one open task, for the "send me a new link" list. */
    Map<String, Object> taskEntry(Cycle cycle, Organisation organisation, LeadTask task) {
        return Map.of("title", cycle.title(), "action", task.action(),
                "link", link(cycle, organisation, task, LINK_VALIDITY));
    }

    private Mail toLead(String step, Cycle cycle, Organisation organisation, Instant deadline, String template,
            Mail.Later<String> link) {
        Map<String, Object> model = model(cycle, organisation, deadline, link);
        return new Mail("cycle:" + cycle.id() + ":" + organisation.code() + ":" + step, reference(cycle, organisation),
                organisation.localLead().email(), template, model);
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

    /** A new link for the task, issued only if the email that carries it is written (see {@link Mail#later}). */
    private Mail.Later<String> link(Cycle cycle, Organisation organisation, LeadTask task, Duration validity) {
        return Mail.later(() -> address.of("/tasks/" + links.issue(organisation.code(), LeadLink.subject(cycle.id()),
                task.name(), validity)));
    }

    private static String reference(Cycle cycle, Organisation organisation) {
        return reference(cycle, organisation.code());
    }

    /** What the emails to and about one organisation in one cycle are filed under. */
    static String reference(Cycle cycle, String organisationCode) {
        return "cycle:" + cycle.id() + ":" + organisationCode;
    }
}
