package org.qipflow.auditcycle;

import java.util.List;

/** What a local lead is asked to do, the user tasks behind it, and the purpose of its email links. */
enum LeadTask {
    CONFIRM_PARTICIPATION(List.of("Task_ConfirmParticipation")),
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
}
