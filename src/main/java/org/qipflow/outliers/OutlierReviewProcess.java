package org.qipflow.outliers;

import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.qipflow.common.ConflictException;
import org.qipflow.common.ProcessMessages;
import org.springframework.stereotype.Component;

/**
 * The engine side of {@code processes/outlier-review.bpmn}: one instance per review, business key =
 * review id. The only class of this feature, with {@link OutlierReviewDelegates}, that talks to the engine.
 */
@Component
class OutlierReviewProcess {

    static final String KEY = "outlier-review";
    static final String REVIEW_ID = "reviewId";
    static final String DECISION = "decision";
    static final String DECISION_TASK = "Task_DecideOutlier";
    static final String RESPONDED = "OutlierResponse";
    static final String ACKNOWLEDGED = "OutlierLetterAcknowledged";

    /** What the programme team decided; the BPMN's gateway reads the name. */
    enum Decision { WITHDRAW, CONFIRM_ALERT, CONFIRM_ALARM }

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ProcessMessages messages;

    OutlierReviewProcess(RuntimeService runtime, TaskService tasks, ProcessMessages messages) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.messages = messages;
    }

    void start(long reviewId) {
        runtime.startProcessInstanceByKey(KEY, String.valueOf(reviewId), Map.of(REVIEW_ID, reviewId));
    }

    /** @return false when the review no longer waits for the organisation (it responded, or its window passed) */
    boolean responded(long reviewId) {
        return messages.deliver(KEY, String.valueOf(reviewId), RESPONDED);
    }

    /** @return false when no letter waits for acknowledgement */
    boolean acknowledged(long reviewId) {
        return messages.deliver(KEY, String.valueOf(reviewId), ACKNOWLEDGED);
    }

    /** Completes the decision task; the caller holds the review's lock, so a decision is taken once. */
    void decide(long reviewId, Decision decision) {
        Task task = decisionTask(reviewId).orElseThrow(() -> new ConflictException(
                "Review " + reviewId + " is not waiting for a decision; it may already have been made"));
        tasks.complete(task.getId(), Map.of(DECISION, decision.name()));
    }

    private Optional<Task> decisionTask(long reviewId) {
        return Optional.ofNullable(tasks.createTaskQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(String.valueOf(reviewId)).taskDefinitionKey(DECISION_TASK).singleResult());
    }
}
