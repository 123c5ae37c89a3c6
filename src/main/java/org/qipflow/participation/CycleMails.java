package org.qipflow.participation;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.qipflow.common.Dates;
import org.qipflow.common.UkTime;
import org.qipflow.membership.Organisation;
import org.qipflow.notification.Mail;
import org.qipflow.programmes.Cycle;
import org.springframework.stereotype.Component;

/**
 * The emails of an audit cycle's timeline, from the invitation to the results, each with a fresh
 * single-purpose link where the lead is asked to act (see {@link LeadMailParts}).
 */
@Component
class CycleMails {

    /** The emails that tell a lead the organisation's deadline, after which a reminder has a day's grace. */
    static final List<String> ANNOUNCING_DEADLINE = List.of("submission-open", "submission-reminder", "deadline-changed",
            "dates-changed");

    private final LeadMailParts parts;

    CycleMails(LeadMailParts parts) {
        this.parts = parts;
    }

    /** The invitation to take part, with a second link to the materials themselves that the lead may pass on. */
    Mail materials(Cycle cycle, Organisation organisation, Instant deadline) {
        Mail mail = parts.toLead("materials", cycle, organisation, deadline, "audit-materials",
                parts.link(cycle, organisation, LeadTask.CONFIRM_PARTICIPATION.name()));
        Mail.Later<String> materials = parts.link(cycle, organisation, LeadTask.AUDIT_MATERIALS.name());
        mail.model().put("materialsLink", materials);
        mail.model().put("formLink", Mail.later(() -> materials.get() + "/audit-form.pdf"));
        mail.model().put("templateLink", Mail.later(() -> materials.get() + "/template.xlsx"));
        return mail;
    }

    Mail submissionOpen(Cycle cycle, Organisation organisation, Instant deadline) {
        return parts.toLead("submission-open", cycle, organisation, deadline, "submission-open",
                parts.link(cycle, organisation, LeadTask.SUBMIT_DATA.name()));
    }

    /** One per reminder and deadline: a reminder due again after an extension is a new message. */
    Mail reminder(Cycle cycle, Organisation organisation, Instant deadline, int days, Instant now) {
        Mail mail = parts.toLead("reminder-" + days + "-" + deadline.getEpochSecond(), cycle, organisation, deadline,
                "submission-reminder", parts.link(cycle, organisation, LeadTask.SUBMIT_DATA.name()));
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
            Mail mail = parts.toLead(key, cycle, organisation, deadline, "submission-late",
                    parts.link(cycle, organisation, task.name()));
            mail.model().put("lateSubmissionsEnd", Dates.format(lateSubmissionsEnd.atZone(UkTime.ZONE)));
            return mail;
        }
        Mail mail = parts.toLead(key, cycle, organisation, deadline,
                task == LeadTask.CONFIRM_PARTICIPATION ? "confirmation-reminder" : "submission-reminder",
                parts.link(cycle, organisation, task.name()));
        mail.model().put("timeLeft", timeLeft(now, deadline));
        return mail;
    }

    Mail late(Cycle cycle, Organisation organisation, Instant deadline, Instant lateSubmissionsEnd) {
        Mail mail = parts.toLead("late", cycle, organisation, deadline, "submission-late",
                parts.link(cycle, organisation, LeadTask.SUBMIT_DATA.name()));
        mail.model().put("lateSubmissionsEnd", Dates.format(lateSubmissionsEnd.atZone(UkTime.ZONE)));
        return mail;
    }

    Mail lateNotice(Cycle cycle, Organisation organisation, Instant deadline) {
        return parts.toCoordinators("late-notice", cycle, organisation, deadline, "late-notice", "/cycles/" + cycle.id());
    }

    /** After the cycle's milestones moved; one per cycle version. */
    Mail datesChanged(Cycle cycle, Organisation organisation, Instant deadline) {
        return parts.toLead("rescheduled-" + cycle.version(), cycle, organisation, deadline, "dates-changed", null);
    }

    /** After this organisation's deadline was extended; one per new deadline. The subject names it. */
    Mail deadlineExtended(Cycle cycle, Organisation organisation, Instant deadline) {
        Mail mail = parts.toLead("extended-" + deadline.getEpochSecond(), cycle, organisation, deadline, "deadline-changed",
                null);
        mail.model().put("extended", true);
        return mail;
    }

    /** Confirms a "not taking part" answer; carries the cancellation of the deadline already sent. */
    Mail declined(Cycle cycle, Organisation organisation) {
        return parts.toLead("declined", cycle, organisation, null, "participation-declined", null);
    }

    /** After a closure day moved this organisation's deadline; one per new deadline. The subject names it. */
    Mail deadlineMoved(Cycle cycle, Organisation organisation, Instant deadline) {
        Mail mail = parts.toLead("moved-" + deadline.getEpochSecond(), cycle, organisation, deadline, "deadline-changed",
                null);
        mail.model().put("extended", false);
        return mail;
    }

    Mail results(Cycle cycle, Organisation organisation) {
        Mail mail = parts.toLead("results", cycle, organisation, null, "results-published",
                parts.link(cycle, organisation, LeadTask.VIEW_RESULTS.name()));
        mail.model().put("days", LeadMailParts.LINK_VALIDITY.toDays());
        mail.model().put("myReports", parts.address("/my/reports"));
        return mail;
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
                "link", parts.link(cycle, organisation, task.name()));
    }
}
