package org.qipflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.qipflow.common.UkTime;
import org.qipflow.membership.OrganisationInput;
import org.qipflow.membership.OrganisationService;
import org.qipflow.notification.Outbox;
import org.qipflow.participation.ParticipationService;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleKind;
import org.qipflow.programmes.CycleService;
import org.qipflow.programmes.ProgrammeService;
import org.qipflow.support.QipflowTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Launching and dispatching a cycle for 100 organisations (100 participation instances, 100 emails
 * in the outbox), against a floor measured in the same run: the bare engine starting 100 processes
 * with one user task. Run with {@code ./mvnw verify -Pbench}; figures go to target/bench/.
 */
@Tag("bench")
@QipflowTest
class AuditCycleBenchmark {

    static final int ORGANISATIONS = 100;
    static final int WARM_UPS = 2;
    static final int ROUNDS = 7;

    @Autowired
    ProgrammeService programmes;
    @Autowired
    CycleService cycles;
    @Autowired
    OrganisationService organisations;
    @Autowired
    ParticipationService participation;
    @Autowired
    Outbox outbox;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    RepositoryService repository;

    @Test
    void launchAndDispatchACycleForOneHundredOrganisations() throws IOException {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < ORGANISATIONS; i++) {
            String code = String.format("B%03d", i);
            organisations.create(new OrganisationInput(code, "Bench Trust " + code, "England", "NHS trust",
                    "Lead " + code, "lead" + i + "@nhs.example", "Chief Pharmacist", "2030-12-31"));
            members.add(code);
        }
        programmes.create("QIP-BENCH", "Benchmark programme", "lithium-monitoring");
        repository.createDeployment().addModelInstance("floor.bpmn", floorModel()).deploy();

        List<Long> cycleMillis = new ArrayList<>();
        List<Long> floorMillis = new ArrayList<>();
        for (int round = 0; round < WARM_UPS + ROUNDS; round++) {
            long floor = timeFloor();
            long cycle = timeCycle(members);
            if (round >= WARM_UPS) {
                floorMillis.add(floor);
                cycleMillis.add(cycle);
            }
        }
        BenchmarkFigures.ofMillis("audit cycle launched and dispatched for " + ORGANISATIONS + " organisations",
                cycleMillis, floorMillis).write("audit-cycle");
    }

    /** Schedules a cycle whose dispatch date has passed, adds 100 organisations and runs every due job. */
    private long timeCycle(List<String> members) {
        long pendingBefore = outbox.pending();
        long start = System.nanoTime();
        Cycle cycle = cycles.schedule("QIP-BENCH", CycleKind.BASELINE,
                Instant.now().plus(7, ChronoUnit.DAYS).atZone(UkTime.ZONE), Map.of());
        for (String member : members) {
            participation.join(cycle.id(), member);
        }
        List<String> instances = runtime.createProcessInstanceQuery().processDefinitionKey("audit-participation")
                .variableValueEquals("cycleId", cycle.id()).list().stream().map(i -> i.getId()).toList();
        for (int pass = 0; pass < 5; pass++) {
            for (String instance : instances) {
                for (Job job : management.createJobQuery().processInstanceId(instance).executable().list()) {
                    management.executeJob(job.getId());
                }
            }
        }
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        assertThat(instances).hasSize(ORGANISATIONS);
        assertThat(outbox.pending() - pendingBefore).as("one materials email per organisation").isEqualTo(ORGANISATIONS);
        return elapsed;
    }

    private long timeFloor() {
        long start = System.nanoTime();
        for (int i = 0; i < ORGANISATIONS; i++) {
            runtime.startProcessInstanceByKey("bench-floor", "floor-" + i);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static BpmnModelInstance floorModel() {
        return Bpmn.createExecutableProcess("bench-floor").camundaHistoryTimeToLive(1)
                .startEvent().userTask("Task_Floor").endEvent().done();
    }
}
