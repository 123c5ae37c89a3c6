package org.qipflow.dissemination;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.qipflow.common.ProcessMessages;
import org.springframework.stereotype.Component;

/**
 * The engine side of {@code processes/report-sharing.bpmn}: one instance per share, business key = share
 * id. The only class of this feature, with {@link ReportSharingDelegates}, that talks to the engine.
 */
@Component
class ReportSharingProcess {

    static final String KEY = "report-sharing";
    static final String SHARE_ID = "shareId";
    static final String ACKNOWLEDGED = "ReportShareAcknowledged";

    private final RuntimeService runtime;
    private final ProcessMessages messages;

    ReportSharingProcess(RuntimeService runtime, ProcessMessages messages) {
        this.runtime = runtime;
        this.messages = messages;
    }

    void start(long shareId) {
        runtime.startProcessInstanceByKey(KEY, String.valueOf(shareId), Map.of(SHARE_ID, shareId));
    }

    /** @return false when the share no longer waits for an acknowledgement */
    boolean acknowledged(long shareId) {
        return messages.deliver(KEY, String.valueOf(shareId), ACKNOWLEDGED);
    }
}
