package org.qipflow.common;

import java.util.Objects;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.springframework.stereotype.Component;

/**
 * Delivers a BPMN message to the execution waiting for it, looked up first. Correlating a message
 * nothing waits for throws inside the engine's command, which marks the surrounding Spring transaction
 * rollback-only even when the caller catches it; a message no longer awaited (answered already, its
 * window passed) must change nothing and fail nothing.
 */
@Component
public class ProcessMessages {

    private final RuntimeService runtime;

    ProcessMessages(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** @return whether an instance of the process with this business key waited for the message */
    public boolean deliver(String processKey, String businessKey, String message) {
        return deliver(processKey, businessKey, message, null, null);
    }

    /**
     * The same, to the one waiting execution that sees {@code variable} = {@code value} (e.g. the part
     * of a multi-instance subprocess for one item).
     */
    public boolean deliver(String processKey, String businessKey, String message, String variable, Object value) {
        for (Execution waiting : runtime.createExecutionQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(businessKey).messageEventSubscriptionName(message).list()) {
            if (variable == null || same(runtime.getVariable(waiting.getId(), variable), value)) {
                runtime.messageEventReceived(message, waiting.getId());
                return true;
            }
        }
        return false;
    }

    private static boolean same(Object stored, Object wanted) {
        if (stored instanceof Number a && wanted instanceof Number b) {
            return a.longValue() == b.longValue();
        }
        return Objects.equals(stored, wanted);
    }
}
