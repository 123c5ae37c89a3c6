package org.qipflow.home;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Process steps that failed after all their retries (Camunda incidents), for the dashboard. The only
 * place here that asks the engine; Cockpit has the details and the retry button.
 */
@Component
class EngineIncidents {

    static final int MOST = 20;

    record Incident(String process, String businessKey, String step, String message, Instant at, String cockpitPath) {
    }

    private final RuntimeService runtime;

    EngineIncidents(RuntimeService runtime) {
        this.runtime = runtime;
    }

    List<Incident> open() {
        return runtime.createIncidentQuery().orderByIncidentTimestamp().desc().listPage(0, MOST).stream()
                .map(incident -> {
                    ProcessInstance instance = runtime.createProcessInstanceQuery()
                            .processInstanceId(incident.getProcessInstanceId()).singleResult();
                    String definition = incident.getProcessDefinitionId();
                    return new Incident(definition == null ? "" : definition.split(":")[0],
                            instance == null ? "" : instance.getBusinessKey(), incident.getActivityId(),
                            incident.getIncidentMessage(), incident.getIncidentTimestamp().toInstant(),
                            "/camunda/app/cockpit/default/#/process-instance/" + incident.getProcessInstanceId()
                                    + "/runtime");
                }).toList();
    }
}
