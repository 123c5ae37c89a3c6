package org.qipflow.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
import org.qipflow.common.UkTime;
import org.qipflow.support.QipflowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestExecutionListeners;

/** Every path of processes/membership-renewal.bpmn, timers fired explicitly, with the real delegates. */
@QipflowTest
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class MembershipRenewalProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    OrganisationService organisations;
    @Autowired
    MembershipRenewals renewals;

    @BeforeEach
    void bindAssertionsToThisEngine() {
        AbstractAssertions.init(engine);
    }

    static OrganisationInput member(String code, String membershipEnds) {
        return new OrganisationInput(code, "Renewal " + code + " NHS Trust", "England", "NHS trust", "A Lead",
                "lead@nhs.net", "Chief Pharmacist", membershipEnds);
    }

    ProcessInstance instance(String code) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(MembershipRenewalProcess.PROCESS_KEY)
                .processInstanceBusinessKey(code).singleResult();
    }

    Job timer(ProcessInstance instance, String activity) {
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(activity).singleResult();
    }

    static Date ukTime(int year, int month, int day, int hour) {
        return Date.from(LocalDateTime.of(year, month, day, hour, 0).atZone(UkTime.ZONE).toInstant());
    }

    ProcessInstance fireRenewalTimer(String code) {
        ProcessInstance instance = instance(code);
        management.executeJob(timer(instance, MembershipRenewalProcess.TIMER).getId());
        return instance;
    }

    @Test
    void aNewMemberWithoutAnEndDateIsNeverDueForRenewalOnItsFirstDay() {
        organisations.create(member("RFIRST", null));

        Date due = timer(instance("RFIRST"), MembershipRenewalProcess.TIMER).getDuedate();
        assertThat(due).as("the renewal decision falls due later, not at once").isAfter(new Date());
        assertThat(renewals.due("RFIRST")).isEmpty();
    }

    @Test
    void aFirstTermRunsToTheEndOfTheYearOrOfTheNextOnceThisYearsRenewalIsDue() {
        MembershipRenewalSchedule schedule = new MembershipRenewalSchedule(null, Period.ofWeeks(8));
        // 8 weeks before 31 December 2026 is 5 November 2026
        assertThat(schedule.firstTermEnds(LocalDate.of(2026, 3, 1)))
                .isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(schedule.firstTermEnds(LocalDate.of(2026, 11, 4)))
                .isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(schedule.firstTermEnds(LocalDate.of(2026, 11, 5)))
                .isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(schedule.firstTermEnds(LocalDate.of(2026, 12, 1)))
                .isEqualTo(LocalDate.of(2027, 12, 31));
    }

    @Test
    void renewingExtendsTheMembershipAndWaitsForTheNextTerm() {
        organisations.create(member("PR1", "2030-12-31"));
        ProcessInstance instance = instance("PR1");
        assertThat(instance).isWaitingAt(MembershipRenewalProcess.TIMER);
        assertThat(timer(instance, MembershipRenewalProcess.TIMER).getDuedate()).isEqualTo(ukTime(2030, 11, 5, 9));

        fireRenewalTimer("PR1");
        assertThat(instance).isWaitingAt(MembershipRenewalProcess.TASK);
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(tasks.getIdentityLinksForTask(task.getId())).anySatisfy(
                link -> assertThat(link.getGroupId()).isEqualTo("coordinators"));
        assertThat(task.getDueDate()).isEqualTo(ukTime(2031, 1, 1, 0));
        assertThat(renewals.due()).extracting(RenewalDue::organisationCode).contains("PR1");

        renewals.decide("PR1", RenewalDecision.RENEW_THREE_YEARS);

        assertThat(instance).hasPassed("Task_ExtendMembership").isWaitingAt(MembershipRenewalProcess.TIMER);
        assertThat(organisations.get("PR1").membershipEnds()).hasToString("2033-12-31");
        assertThat(timer(instance, MembershipRenewalProcess.TIMER).getDuedate()).isEqualTo(ukTime(2033, 11, 5, 9));
        assertThat(renewals.due()).extracting(RenewalDue::organisationCode).doesNotContain("PR1");
    }

    @Test
    void aMembershipNotRenewedEndsOnTheFirstOfJanuaryAndDeactivatesTheOrganisation() {
        organisations.create(member("PR2", "2030-12-31"));
        ProcessInstance instance = fireRenewalTimer("PR2");

        renewals.decide("PR2", RenewalDecision.END_MEMBERSHIP);

        assertThat(instance).isWaitingAt("Timer_MembershipEnds");
        assertThat(timer(instance, "Timer_MembershipEnds").getDuedate()).isEqualTo(ukTime(2031, 1, 1, 0));
        assertThat(organisations.get("PR2").active()).isTrue();

        management.executeJob(timer(instance, "Timer_MembershipEnds").getId());

        assertThat(instance).hasPassed("Task_EndMembership", "End_MembershipEnded").isEnded();
        assertThat(organisations.get("PR2").active()).isFalse();
    }

    @Test
    void deactivatingWhileWaitingForTheNoticeWithdrawsTheRenewal() {
        organisations.create(member("PR3", "2030-12-31"));
        ProcessInstance instance = instance("PR3");

        organisations.deactivate("PR3");

        assertThat(instance).hasPassed("Start_OrganisationDeactivated", "End_Withdrawn").isEnded();
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void deactivatingWhileTheDecisionIsOpenWithdrawsTheTask() {
        organisations.create(member("PR4", "2030-12-31"));
        ProcessInstance instance = fireRenewalTimer("PR4");

        organisations.deactivate("PR4");

        assertThat(instance).hasPassed("End_Withdrawn").isEnded();
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThatThrownBy(() -> renewals.decide("PR4", RenewalDecision.RENEW_ONE_YEAR))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aDecisionSentTwiceIsAppliedOnce() {
        organisations.create(member("PR5", "2030-12-31"));
        fireRenewalTimer("PR5");

        renewals.decide("PR5", RenewalDecision.RENEW_ONE_YEAR);

        assertThatThrownBy(() -> renewals.decide("PR5", RenewalDecision.RENEW_ONE_YEAR))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already");
        assertThat(organisations.get("PR5").membershipEnds()).hasToString("2031-12-31");
    }

    @Test
    void changingTheMembershipEndMovesTheWaitingTimer() {
        organisations.create(member("PR6", "2030-12-31"));
        Organisation created = organisations.get("PR6");

        organisations.update("PR6", member("PR6", "2032-12-31"), created.version());

        ProcessInstance instance = instance("PR6");
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).list()).singleElement()
                .satisfies(job -> assertThat(job.getDuedate()).isEqualTo(ukTime(2032, 11, 5, 9)));
    }

    @Test
    void extendingAMembershipThatWasToEndStartsANewRenewalRound() {
        organisations.create(member("PR8", "2030-12-31"));
        ProcessInstance instance = fireRenewalTimer("PR8");
        renewals.decide("PR8", RenewalDecision.END_MEMBERSHIP);
        assertThat(instance).isWaitingAt("Timer_MembershipEnds");

        organisations.update("PR8", member("PR8", "2033-12-31"), null);

        assertThat(instance).isWaitingAt(MembershipRenewalProcess.TIMER);
        assertThat(timer(instance, MembershipRenewalProcess.TIMER).getDuedate()).isEqualTo(ukTime(2033, 11, 5, 9));
        assertThat(timer(instance, "Timer_MembershipEnds")).isNull();
        assertThat(organisations.get("PR8").active()).isTrue();
    }

    @Test
    void changingTheMembershipEndMovesAnOpenDecisionsDueDate() {
        organisations.create(member("PR9", "2030-12-31"));
        ProcessInstance instance = fireRenewalTimer("PR9");

        organisations.update("PR9", member("PR9", "2031-12-31"), null);

        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getDueDate())
                .isEqualTo(ukTime(2032, 1, 1, 0));
    }

    @Test
    void twoCoordinatorsDecidingAtOnceApplyOneDecision() throws Exception {
        organisations.create(member("PRA", "2030-12-31"));
        fireRenewalTimer("PRA");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = pool.invokeAll(List.of(
                    () -> decide("PRA", RenewalDecision.RENEW_ONE_YEAR),
                    () -> decide("PRA", RenewalDecision.RENEW_THREE_YEARS)));
            List<String> outcomes = new ArrayList<>();
            for (Future<String> result : results) {
                outcomes.add(result.get());
            }
            assertThat(outcomes).containsExactlyInAnyOrder("done", "conflict");
        } finally {
            pool.shutdown();
        }
        assertThat(organisations.get("PRA").membershipEnds().getYear()).isIn(2031, 2033);
    }

    private String decide(String code, RenewalDecision decision) {
        try {
            renewals.decide(code, decision);
            return "done";
        } catch (ConflictException e) {
            return "conflict";
        }
    }

    @Test
    void reactivatingStartsANewRenewalCycle() {
        organisations.create(member("PR7", "2030-12-31"));
        organisations.deactivate("PR7");
        assertThat(instance("PR7")).isNull();

        organisations.reactivate("PR7");

        assertThat(instance("PR7")).isWaitingAt(MembershipRenewalProcess.TIMER);
        assertThat(organisations.deactivate("PR7").active()).isFalse();
        assertThat(organisations.deactivate("PR7").active()).isFalse();
    }
}
