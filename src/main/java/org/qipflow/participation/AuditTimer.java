package org.qipflow.participation;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every timer of {@code audit-participation.bpmn} and {@code audit-cycle.bpmn}, with the rule for its
 * date: the one table that the timers' expressions ({@code ${auditSchedule.due('Timer_Reminder14', …)}})
 * and the rescheduling code both read. The reminder ladder is the reminders listed here.
 */
public enum AuditTimer {
    MATERIALS_DISPATCH("Timer_MaterialsDispatch", null, 0),
    SUBMISSION_OPENS("Timer_SubmissionOpens", null, 0),
    REMINDER_14("Timer_Reminder14", "Task_SendReminder14", 14),
    REMINDER_7("Timer_Reminder7", "Task_SendReminder7", 7),
    REMINDER_2("Timer_Reminder2", "Task_SendReminder2", 2),
    SUBMISSION_DEADLINE("Timer_SubmissionDeadline", null, 0),
    /** The cycle's own timer: submission closes for everyone a grace period after the last deadline. */
    LATE_SUBMISSIONS_END("Timer_LateSubmissionsEnd", null, 0);

    private final String activityId;
    private final String reminderStepId;
    private final int daysBefore;

    AuditTimer(String activityId, String reminderStepId, int daysBefore) {
        this.activityId = activityId;
        this.reminderStepId = reminderStepId;
        this.daysBefore = daysBefore;
    }

    public String activityId() {
        return activityId;
    }

    /** For a reminder: how many days before the deadline it falls. */
    int daysBefore() {
        return daysBefore;
    }

    boolean reminder() {
        return reminderStepId != null;
    }

    /** The timers of one organisation's participation, which move when its deadline or the milestones move. */
    static List<AuditTimer> participationTimers() {
        return Arrays.stream(values()).filter(t -> t != LATE_SUBMISSIONS_END).toList();
    }

    static AuditTimer byActivityId(String activityId) {
        return Arrays.stream(values()).filter(t -> t.activityId.equals(activityId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No timer " + activityId));
    }

    /** The reminder whose sending step this is. */
    static AuditTimer reminderSentBy(String stepId) {
        return Arrays.stream(values()).filter(t -> stepId.equals(t.reminderStepId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No reminder is sent by " + stepId));
    }

    /** The next reminder on the ladder after this one, if any: when it is already due, this one says nothing new. */
    Optional<AuditTimer> nearerReminder() {
        return Arrays.stream(values()).filter(t -> t.reminder() && t.daysBefore < daysBefore)
                .max(Comparator.comparingInt(AuditTimer::daysBefore));
    }

    /** When this timer falls due for the organisation, by the schedule's rules. */
    Instant due(AuditSchedule schedule, long cycleId, String organisationCode) {
        return switch (this) {
            case MATERIALS_DISPATCH -> schedule.materialsDispatchInstant(cycleId);
            case SUBMISSION_OPENS -> schedule.submissionOpensInstant(cycleId);
            case REMINDER_14, REMINDER_7, REMINDER_2 -> schedule.reminderInstant(cycleId, organisationCode, daysBefore);
            case SUBMISSION_DEADLINE -> schedule.deadlineInstant(cycleId, organisationCode);
            case LATE_SUBMISSIONS_END -> schedule.lateSubmissionsEndInstant(cycleId);
        };
    }
}
