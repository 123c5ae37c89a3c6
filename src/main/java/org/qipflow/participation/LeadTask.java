package org.qipflow.participation;

import java.util.List;

/**
 * What a local lead is asked to do, the user tasks of {@code audit-participation.bpmn} behind it (the
 * one place that names them), and the purpose of its email links.
 */
public enum LeadTask {
    CONFIRM_PARTICIPATION(List.of("Task_ConfirmParticipation")),
    /** On time, then, once the deadline has passed, late. */
    SUBMIT_DATA(List.of("Task_SubmitAuditData", "Task_SubmitLateData")),
    /** Not a task: reading the organisation's results once they are published. */
    VIEW_RESULTS(List.of()),
    /** Not a task: answering a coordinator's question about the data (see {@link LeadLink#queryPurpose}). */
    ANSWER_QUERY(List.of()),
    /**
     * Not a task: the audit form, its instructions and the data templates, for the clinicians who collect
     * the data. The link shows nothing of the organisation's records, so the lead may pass it on.
     */
    AUDIT_MATERIALS(List.of());

    private final List<String> taskIds;

    LeadTask(List<String> taskIds) {
        this.taskIds = taskIds;
    }

    List<String> taskIds() {
        return taskIds;
    }

    /** The user task open until the deadline, whose due date is the deadline. */
    String onTimeTaskId() {
        return taskIds.get(0);
    }

    /** What the lead's task list and emails call it. */
    public String action() {
        return this == CONFIRM_PARTICIPATION ? "Confirm participation and register teams" : "Submit audit data";
    }
}
