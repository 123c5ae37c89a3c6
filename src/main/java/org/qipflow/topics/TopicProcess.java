package org.qipflow.topics;

import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.task.Task;
import org.qipflow.common.ConflictException;
import org.qipflow.common.ProcessMessages;
import org.springframework.stereotype.Component;

/**
 * The engine side of {@code processes/topic-nomination.bpmn}: one instance per proposed topic,
 * business key = topic id. The only class of this feature, with {@link TopicDelegates}, that talks
 * to the engine.
 */
@Component
class TopicProcess {

    static final String KEY = "topic-nomination";
    static final String TOPIC_ID = "topicId";
    static final String DECISION = "decision";
    static final String SCREENING_TASK = "Task_ScreenTopic";
    static final String ADDRESS_CONFIRMED = "AddressConfirmed";
    static final String PROPOSER_ANSWERED = "ProposerAnswered";

    /** What the coordinator decided in the screening task; the BPMN's gateway reads the name. */
    enum Decision { ADOPT, DECLINE, ASK }

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ProcessMessages messages;

    TopicProcess(RuntimeService runtime, TaskService tasks, ProcessMessages messages) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.messages = messages;
    }

    void start(long topicId) {
        runtime.startProcessInstanceByKey(KEY, String.valueOf(topicId), Map.of(TOPIC_ID, topicId));
    }

    /** @return false when the topic no longer waits for its address (confirmed already, or discarded) */
    boolean addressConfirmed(long topicId) {
        return messages.deliver(KEY, String.valueOf(topicId), ADDRESS_CONFIRMED);
    }

    /** @return false when the question is no longer open (answered already, or closed by its timer) */
    boolean proposerAnswered(long topicId) {
        return messages.deliver(KEY, String.valueOf(topicId), PROPOSER_ANSWERED);
    }

    /** Whether the topic waits in the coordinator's screening task. */
    boolean inScreening(long topicId) {
        return screeningTask(topicId).isPresent();
    }

    /** Completes the screening task with the decision; a decision sent twice is refused, not applied twice. */
    void decide(long topicId, Decision decision) {
        Task task = screeningTask(topicId).orElseThrow(() -> alreadyDecided(topicId));
        try {
            tasks.complete(task.getId(), Map.of(DECISION, decision.name()));
        } catch (OptimisticLockingException | NotFoundException e) {
            throw alreadyDecided(topicId);
        }
    }

    private Optional<Task> screeningTask(long topicId) {
        return Optional.ofNullable(tasks.createTaskQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(String.valueOf(topicId)).taskDefinitionKey(SCREENING_TASK).singleResult());
    }

    private static ConflictException alreadyDecided(long topicId) {
        return new ConflictException("Topic " + topicId + " is not waiting for a decision; it may already have been made");
    }
}
