package org.qipflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.qipflow.support.AuditProcessFixture.uk;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qipflow.common.ConflictException;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.UkTime;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleKind;
import org.qipflow.programmes.CycleService;
import org.qipflow.programmes.ProgrammeService;
import org.qipflow.support.QipflowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Every path of processes/qip-programme.bpmn, its timer fired explicitly. Rounds are published as the
 * audit-cycle process publishes them, through {@link CycleService#markPublished}, so that each test
 * reads as the programme's life rather than every round's.
 */
@QipflowTest
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class ProgrammeLifecycleProcessTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    ProgrammeService programmes;
    @Autowired
    CycleService cycles;
    @Autowired
    ProgrammeHistory history;
    @Autowired
    ProgrammeEvents events;

    @BeforeEach
    void bindAssertionsToThisEngine() {
        AbstractAssertions.init(engine);
    }

    @Test
    void aDraftAdoptedFromATopicCanBeClosedBeforeItsBaseline() {
        String code = "QIP-L" + SEQUENCE.incrementAndGet();
        programmes.createDraft(code, "Adopted, then dropped");
        ProcessInstance instance = instance(code);
        assertThat(instance).isWaitingAt(ProgrammeProcess.BASELINE_TASK);
        assertThat(task(code).getName()).isEqualTo("Attach the audit definition and schedule the baseline");
        assertThat(history.of(code).stage()).isEqualTo(ProgrammeStage.DRAFT);
        assertThat(history.of(code).next().summary()).startsWith("Attach the audit definition");

        programmes.close(code);
        programmes.close(code); // twice, one effect

        assertThat(instance).isEnded().hasPassed("End_ClosedAsDraft");
        assertThat(history.of(code).stage()).isEqualTo(ProgrammeStage.CLOSED);
        assertThatThrownBy(() -> programmes.attachDefinition(code, "lithium-monitoring"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("closed");
    }

    @Test
    void baselineInterventionPeriodReauditSupplementaryThenClosedDuringAnInterventionPeriod() {
        String code = programme();
        ProcessInstance instance = instance(code);
        Cycle baseline = cycles.schedule(code, CycleKind.BASELINE, uk(2030, 3, 4, 9), Map.of());
        assertThat(instance).hasPassed(ProgrammeProcess.BASELINE_TASK, "Gateway_RoundRunning")
                .isWaitingAt("Event_RoundsPublished");
        assertThat(history.of(code).stage()).isEqualTo(ProgrammeStage.BASELINE);
        assertThatThrownBy(() -> programmes.close(code)).isInstanceOf(ConflictException.class)
                .hasMessage("Baseline audit (round 1) of " + code + " is still running: close the programme once "
                        + "its reports are published");

        Instant published = publish(baseline);

        assertThat(instance).isWaitingAt("Gateway_InterventionPeriod");
        Job timer = timer(code);
        // six months after the reports were published, in UK time
        assertThat(timer.getDuedate().toInstant())
                .isEqualTo(published.atZone(UkTime.ZONE).plusMonths(6).toInstant().truncatedTo(ChronoUnit.MILLIS));
        assertThat(history.of(code).stage()).isEqualTo(ProgrammeStage.INTERVENTION_PERIOD);

        programmes.setInterventionPeriod(code, "9");
        assertThat(timer(code).getDuedate().toInstant())
                .isEqualTo(published.atZone(UkTime.ZONE).plusMonths(9).toInstant().truncatedTo(ChronoUnit.MILLIS));

        management.executeJob(timer(code).getId());

        assertThat(instance).hasPassed("Timer_InterventionEnds").isWaitingAt(ProgrammeProcess.NEXT_ROUND_TASK);
        assertThat(history.of(code).stage()).isEqualTo(ProgrammeStage.NEXT_ROUND_DUE);

        Cycle reaudit = cycles.schedule(code, CycleKind.REAUDIT, uk(2031, 3, 3, 9), Map.of());

        assertThat(instance).hasPassed("Gateway_NextRoundOrClose").isWaitingAt("Event_RoundsPublished");
        assertThat(history.of(code).stage()).isEqualTo(ProgrammeStage.REAUDIT);

        publish(reaudit);
        assertThat(instance).isWaitingAt("Gateway_InterventionPeriod");

        // scheduled before the intervention period is over: the wait ends there
        Cycle supplementary = cycles.schedule(code, CycleKind.SUPPLEMENTARY, uk(2032, 3, 1, 9), Map.of());

        assertThat(instance).hasPassed("Event_RoundScheduledEarly").isWaitingAt("Event_RoundsPublished");
        assertThat(timers(code)).isZero();
        assertThat(history.of(code).stage()).isEqualTo(ProgrammeStage.SUPPLEMENTARY);

        publish(supplementary);
        programmes.close(code);

        assertThat(instance).hasPassed("Event_ClosedInPeriod").isEnded().hasPassed("End_ClosedInPeriod");
        assertThat(history.of(code).rounds()).extracting(ProgrammeHistory.Round::kind)
                .containsExactly(CycleKind.BASELINE, CycleKind.REAUDIT, CycleKind.SUPPLEMENTARY);
        assertThat(history.of(code).next().proposedMilestones()).isNull();
        assertThatThrownBy(() -> cycles.schedule(code, CycleKind.SUPPLEMENTARY, uk(2033, 3, 7, 9), Map.of()))
                .isInstanceOf(ConflictException.class).hasMessageContaining(code + " was closed on ")
                .hasMessageEndingWith(": it has no more rounds");
    }

    @Test
    void whenTheNextRoundIsDueTheCoordinatorMayCloseTheProgrammeInstead() {
        String code = programme();
        ProcessInstance instance = instance(code);
        publish(cycles.schedule(code, CycleKind.BASELINE, uk(2030, 3, 4, 9), Map.of()));
        management.executeJob(timer(code).getId());
        assertThat(instance).isWaitingAt(ProgrammeProcess.NEXT_ROUND_TASK);
        assertThat(task(code).getName()).isEqualTo("Schedule the next round, or close the programme");

        programmes.close(code);

        assertThat(instance).isEnded().hasPassed("Gateway_NextRoundOrClose", "End_Closed");
    }

    @Test
    void roundsScheduledAheadKeepTheProgrammeWaitingUntilTheLastIsPublished() {
        String code = programme();
        ProcessInstance instance = instance(code);
        Cycle baseline = cycles.schedule(code, CycleKind.BASELINE, uk(2030, 3, 4, 9), Map.of());
        Cycle reaudit = cycles.schedule(code, CycleKind.REAUDIT, uk(2031, 3, 3, 9), Map.of());

        publish(baseline);

        assertThat(instance).isWaitingAt("Event_RoundsPublished");
        assertThat(history.of(code).stage()).isEqualTo(ProgrammeStage.REAUDIT);

        publish(reaudit);

        assertThat(instance).isWaitingAt("Gateway_InterventionPeriod");
    }

    @Test
    void aProgrammeHasOneBaselineFirstAndAnInterventionPeriodOfWholeMonths() {
        String code = programme();
        assertThatThrownBy(() -> cycles.schedule(code, CycleKind.REAUDIT, uk(2030, 3, 4, 9), Map.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field() + ": " + p.message())
                        .containsExactly("kind: Schedule " + code + "'s baseline audit first: re-audits measure change "
                                + "against it"));
        cycles.schedule(code, CycleKind.BASELINE, uk(2030, 3, 4, 9), Map.of());
        assertThatThrownBy(() -> cycles.schedule(code, CycleKind.BASELINE, uk(2031, 3, 3, 9), Map.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field() + ": " + p.message())
                        .containsExactly("kind: " + code + " already has its baseline (baseline audit (round 1)): "
                                + "choose a re-audit or a supplementary audit"));
        for (String bad : new String[] {"0", "37", "six", ""}) {
            assertThatThrownBy(() -> programmes.setInterventionPeriod(code, bad)).as(bad)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                            .extracting(p -> p.field() + ": " + p.message())
                            .containsExactly("interventionMonths: Enter the intervention period as a whole number "
                                    + "of months from 1 to 36, like 6"));
        }
        assertThat(programmes.get(code).interventionMonths()).isEqualTo(6);
    }

    @Test
    void theNextRoundIsProposedOnTheProgrammesRhythmAfterTheInterventionPeriod() {
        String code = programme();
        Instant published = publish(cycles.schedule(code, CycleKind.BASELINE, uk(2020, 3, 2, 9), Map.of()));
        // one round: the first Monday six weeks or more after the intervention period, at 09:00
        assertThat(proposedStart(code)).isEqualTo(published.atZone(UkTime.ZONE).plusMonths(6).plus(ProgrammeRhythm.NOTICE)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)).with(LocalTime.of(9, 0)));
        assertThat(history.of(code).next().interventionEnds()).isEqualTo(published.atZone(UkTime.ZONE).plusMonths(6)
                .toInstant());

        // two rounds a year apart, still to come: the next a year after the second, later than the earliest date
        String later = programme();
        programmes.setInterventionPeriod(later, "1");
        ZonedDateTime first = ZonedDateTime.now(UkTime.ZONE).plusYears(1).with(DayOfWeek.MONDAY).with(LocalTime.of(9, 0));
        ZonedDateTime second = first.plusYears(1).with(DayOfWeek.MONDAY).with(LocalTime.of(9, 0));
        cycles.schedule(later, CycleKind.BASELINE, first, Map.of());
        cycles.schedule(later, CycleKind.REAUDIT, second, Map.of());
        assertThat(proposedStart(later)).isEqualTo(second.plus(Duration.between(first, second))
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)).with(LocalTime.of(9, 0)));
    }

    @Test
    void programmesCreatedBeforeTheProcessGetItAtStartWhereTheirRoundsHaveGot() {
        String draft = programme();
        String running = programme();
        cycles.schedule(running, CycleKind.BASELINE, uk(2030, 3, 4, 9), Map.of());
        String published = programme();
        Instant publishedAt = publish(cycles.schedule(published, CycleKind.BASELINE, uk(2030, 3, 4, 9), Map.of()));
        String closed = programme();
        programmes.close(closed);
        for (String code : new String[] {draft, running, published}) {
            runtime.deleteProcessInstance(instance(code).getId(), "as before the process existed");
        }

        events.startMissing();
        events.startMissing(); // every node runs it at start: one process each, however often

        assertThat(instance(draft)).isWaitingAt(ProgrammeProcess.BASELINE_TASK);
        assertThat(instance(running)).isWaitingAt("Event_RoundsPublished");
        assertThat(instance(published)).isWaitingAt("Gateway_InterventionPeriod");
        assertThat(timer(published).getDuedate().toInstant()).isEqualTo(
                publishedAt.atZone(UkTime.ZONE).plusMonths(6).toInstant().truncatedTo(ChronoUnit.MILLIS));
        assertThat(instance(closed)).isNull();
        assertThat(history.of(closed).stage()).isEqualTo(ProgrammeStage.CLOSED);
    }

    private ZonedDateTime proposedStart(String code) {
        return ZonedDateTime.parse(history.of(code).next().proposedMilestones().get("dataCollectionStart"));
    }

    private String programme() {
        String code = "QIP-L" + SEQUENCE.incrementAndGet();
        programmes.create(code, "Lifecycle " + code, "lithium-monitoring");
        return code;
    }

    private Instant publish(Cycle cycle) {
        cycles.markPublished(cycle.id());
        return cycles.get(cycle.id()).publishedAt();
    }

    private ProcessInstance instance(String code) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(ProgrammeProcess.KEY)
                .processInstanceBusinessKey(code).singleResult();
    }

    private Task task(String code) {
        return tasks.createTaskQuery().processInstanceBusinessKey(code).processDefinitionKey(ProgrammeProcess.KEY)
                .singleResult();
    }

    private Job timer(String code) {
        return management.createJobQuery().processInstanceId(instance(code).getId())
                .activityId(ProgrammeProcess.INTERVENTION_TIMER).singleResult();
    }

    private long timers(String code) {
        return management.createJobQuery().processInstanceId(instance(code).getId()).timers().count();
    }
}
