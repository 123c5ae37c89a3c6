package org.qipflow.actionplans;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.qipflow.common.PublicAddress;
import org.qipflow.common.UkTime;
import org.qipflow.notification.Mail;
import org.qipflow.tasklink.TaskLinks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The emails of action plans. Keys are stable per step, action and occasion, so a retried step writes
 * each email once; an owner's link is issued only for an email that is written.
 */
@Component
class ActionPlanMails {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);
    /** An owner's link works until a fortnight after the due date, and never longer than any link may. */
    static final Duration AFTER_DUE = Duration.ofDays(14);

    /** However late an open action is, its owner's link works at least this long. */
    static final Duration SHORTEST = Duration.ofDays(7);

    private final TaskLinks links;
    private final PublicAddress address;
    private final Clock clock;
    private final String coordinators;

    ActionPlanMails(TaskLinks links, PublicAddress address, Clock clock,
            @Value("${qipflow.mail.coordinators}") String coordinators) {
        this.links = links;
        this.address = address;
        this.clock = clock;
        this.coordinators = coordinators;
    }

    /** What a plan's emails say about it: whose, which round, and the lead who wrote it. */
    record About(String organisationCode, String organisationName, String cycleTitle, String leadName,
            String leadEmail, long cycleId) {
    }

    /**
     * The action and a link of the owner's own, to them.
     *
     * @param occasion what makes this email's key its own: "planned", "reassigned-3", "fresh-…", "soon", "overdue"
     */
    Mail toOwner(About about, PlanAction action, String standard, String occasion, String template) {
        Map<String, Object> model = model(about, action, standard);
        model.put("link", Mail.later(() -> address.of("/action-links/" + links.issue(about.organisationCode(),
                ActionLink.subject(action.id()), ActionLink.PURPOSE, lifetime(action.dueOn())))));
        return new Mail(reference(action) + ":" + occasion + ":" + action.ownerEmail().toLowerCase(Locale.UK),
                reference(action), action.ownerEmail(), template, model);
    }

    /** News of an action for the lead: blocked, changed, overdue or done. */
    Mail toLead(About about, PlanAction action, String standard, String occasion, String news) {
        Map<String, Object> model = model(about, action, standard);
        model.put("news", news);
        model.put("planLink", planLink(about));
        return new Mail(reference(action) + ":lead-" + occasion, reference(action), about.leadEmail(), "action-update",
                model);
    }

    /** The plan is still to write. */
    Mail planReminder(About about, long planId, int count) {
        Map<String, Object> model = base(about);
        model.put("planLink", planLink(about));
        return new Mail("action-plan:" + planId + ":reminder-" + count, "action-plan:" + planId, about.leadEmail(),
                "action-plan-reminder", model);
    }

    private Map<String, Object> model(About about, PlanAction action, String standard) {
        Map<String, Object> model = base(about);
        model.put("ownerName", action.ownerName());
        model.put("standard", standard);
        model.put("description", action.description());
        model.put("due", action.dueOn().format(DAY));
        model.put("measure", action.measure());
        return model;
    }

    private Map<String, Object> base(About about) {
        Map<String, Object> model = new HashMap<>();
        model.put("organisationName", about.organisationName());
        model.put("cycleTitle", about.cycleTitle());
        model.put("leadName", about.leadName());
        model.put("leadEmail", about.leadEmail());
        model.put("coordinators", coordinators);
        return model;
    }

    private String planLink(About about) {
        return address.of("/my/plans/" + about.cycleId() + "/" + about.organisationCode());
    }

    /** Until a fortnight after the due date: at least a week, at most as long as any link may live. */
    private Duration lifetime(LocalDate due) {
        Duration untilAfterDue = Duration.between(clock.instant(), due.atStartOfDay(UkTime.ZONE).toInstant().plus(AFTER_DUE));
        return untilAfterDue.compareTo(SHORTEST) < 0 ? SHORTEST : untilAfterDue;
    }

    static String reference(PlanAction action) {
        return "plan-action:" + action.id();
    }
}
