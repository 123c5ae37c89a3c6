package org.qipflow.dissemination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qipflow.common.FieldProblem;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.UkTime;
import org.qipflow.notification.Outbox;
import org.qipflow.notification.OutboxMessage;
import org.qipflow.programmes.Cycle;
import org.qipflow.support.AuditProcessFixture;
import org.qipflow.support.LithiumRecords;
import org.qipflow.support.QipflowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestExecutionListeners;

/** Every path of processes/report-sharing.bpmn, timers fired explicitly, with the real delegates and emails. */
@QipflowTest
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class ReportSharingProcessTest {

    private static final Pattern LINK = Pattern.compile("/report-links/([A-Za-z0-9_-]{43})");

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    AuditProcessFixture audits;
    @Autowired
    ReportSharing sharing;
    @Autowired
    ReportShareRepository repository;
    @Autowired
    ReportReach reach;
    @Autowired
    Outbox outbox;

    @BeforeEach
    void bindAssertionsToThisEngine() {
        AbstractAssertions.init(engine);
    }

    private record Published(Cycle cycle, String code, String lead) {
    }

    private Published published() {
        Cycle cycle = audits.cycle(AuditProcessFixture.uk(2030, 3, 4, 9));
        String code = audits.member("England");
        Map<String, String> csv = new LinkedHashMap<>();
        csv.put(code, LithiumRecords.csv(10, 4));
        audits.publishWith(cycle, csv);
        return new Published(cycle, code, code.toLowerCase() + "@nhs.example");
    }

    @Test
    void aTeamReadsTheReportFromItsLinkAndSaysWhenAndWhereItWasDiscussed() {
        Published round = published();
        // an address outside the lead's domain needs the lead's word; a bad one is refused by field
        assertThatThrownBy(() -> sharing.share(round.cycle().id(), round.code(), round.lead(), " ", "Ana",
                "ana at nhs", false)).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("team", "contactEmail"));
        assertThatThrownBy(() -> sharing.share(round.cycle().id(), round.code(), round.lead(), "Ward 7", "Ana",
                "ana@trust.example", false)).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message())
                                .isEqualTo("ana@trust.example is not at nhs.example, your own email domain: tick the "
                                        + "box to confirm it belongs to a team of your organisation")));
        assertThat(repository.of(round.cycle().id(), round.code())).isEmpty();

        ReportSharing.Shared shared = sharing.share(round.cycle().id(), round.code(), round.lead(), "Ward 7",
                "Ana Contact", "Ana@NHS.example", false);
        assertThat(shared.sent()).isTrue();
        assertThat(shared.share().outsideDomain()).isFalse();
        // the same address again: nothing sent again
        assertThat(sharing.share(round.cycle().id(), round.code(), round.lead(), "Ward 7", "Ana Contact",
                "ana@nhs.example", false).sent()).isFalse();
        ReportShare outside = sharing.share(round.cycle().id(), round.code(), round.lead(), "Community team east",
                "Ben Contact", "ben@trust.example", true).share();
        assertThat(outside.outsideDomain()).isTrue();

        ProcessInstance instance = instance(shared.share().id());
        assertThat(instance).hasPassed("Task_SendReportLink").isWaitingAt("Task_AwaitAcknowledgement");
        OutboxMessage mail = mails(shared.share()).get(0);
        assertThat(mail.template()).isEqualTo("report-shared");
        assertThat(mail.recipient()).isEqualTo("ana@nhs.example");
        String token = token(shared.share());
        ReportSharing.LinkPage page = sharing.linkPage(token).orElseThrow();
        assertThat(page.usable()).isTrue();
        assertThat(page.report().standards().get(0).own().records()).isEqualTo("4 of 10");

        // a bad answer names the field and stores nothing
        String tomorrow = LocalDate.now(UkTime.ZONE).plusDays(1).toString();
        assertThatThrownBy(() -> sharing.acknowledge(token, "31/2/2031", " ")).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.problems()).extracting(FieldProblem::message)
                        .containsExactly("'31/2/2031' is not a date: give it like 31/3/2031",
                                "Say where the team discussed the report, like team meeting or ward huddle"));
        assertThatThrownBy(() -> sharing.acknowledge(token, tomorrow, "Team meeting"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cannot be after today");
        assertThat(repository.find(shared.share().id()).orElseThrow().acknowledged()).isFalse();

        LocalDate today = LocalDate.now(UkTime.ZONE);
        ReportShare acknowledged = sharing.acknowledge(token, today.getDayOfMonth() + "/" + today.getMonthValue() + "/"
                + today.getYear(), "Team meeting");
        assertThat(acknowledged.discussedOn()).isEqualTo(today);
        assertThat(instance).hasPassed("End_Acknowledged").isEnded();
        assertThat(mails(shared.share())).extracting(OutboxMessage::template)
                .containsExactly("report-shared", "report-share-acknowledged");
        assertThat(mails(shared.share()).get(1).recipient()).isEqualTo(round.lead());
        // sent twice, one effect
        sharing.acknowledge(token, "1/1/2031", "Elsewhere");
        assertThat(repository.find(shared.share().id()).orElseThrow().discussedWhere()).isEqualTo("Team meeting");
        assertThat(mails(shared.share())).hasSize(2);

        assertThat(reach.of(round.cycle().id())).containsEntry(round.code(), new ReportReach.Reach(2, 1));
    }

    @Test
    void aTeamThatHasNotAnsweredInTwoWeeksIsRemindedWithAFreshLinkAndAnswersThen() {
        Published round = published();
        ReportShare share = sharing.share(round.cycle().id(), round.code(), round.lead(), "Ward 7", "Ana Contact",
                "ana@nhs.example", false).share();
        String first = token(share);
        ProcessInstance instance = instance(share.id());

        fire(instance, "Timer_NotAcknowledged");
        assertThat(instance).hasPassed("Task_RemindTeam").isWaitingAt("Task_AwaitAfterReminder");
        assertThat(mails(share)).extracting(OutboxMessage::template).containsExactly("report-shared",
                "report-share-reminder");
        assertThat(repository.find(share.id()).orElseThrow().status()).isEqualTo("Reminded");
        // the reminder's link replaces the first, whose page offers a fresh one to the contact on record
        assertThat(sharing.linkPage(first).orElseThrow().usable()).isFalse();
        assertThat(sharing.sendFreshLink(first)).isTrue();
        assertThat(sharing.sendFreshLink(first)).isFalse();
        String fresh = token(share);

        sharing.acknowledge(fresh, LocalDate.now(UkTime.ZONE).toString(), "Ward huddle");
        assertThat(instance).hasPassed("End_AcknowledgedAfterReminder").isEnded();
    }

    @Test
    void aTeamThatStillHasNotAnsweredTwoWeeksAfterTheReminderIsReportedToTheLead() {
        Published round = published();
        ReportShare share = sharing.share(round.cycle().id(), round.code(), round.lead(), "Ward 7", "Ana Contact",
                "ana@nhs.example", false).share();
        ProcessInstance instance = instance(share.id());
        fire(instance, "Timer_NotAcknowledged");
        fire(instance, "Timer_StillNotAcknowledged");
        assertThat(instance).hasPassed("Task_TellLead", "End_NotAcknowledged").isEnded();
        OutboxMessage toLead = mails(share).get(2);
        assertThat(toLead.template()).isEqualTo("report-share-unacknowledged");
        assertThat(toLead.recipient()).isEqualTo(round.lead());
        assertThat(repository.find(share.id()).orElseThrow().status()).isEqualTo("Not acknowledged");
        assertThat(reach.of(round.cycle().id())).containsEntry(round.code(), new ReportReach.Reach(1, 0));
    }

    private ProcessInstance instance(long shareId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(ReportSharingProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(shareId)).singleResult();
    }

    private void fire(ProcessInstance instance, String activityId) {
        management.executeJob(management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                .timers().singleResult().getId());
    }

    private List<OutboxMessage> mails(ReportShare share) {
        return outbox.about(List.of(ReportSharingMails.reference(share))).stream().map(outbox::withWorkingLinks)
                .toList();
    }

    /** The link of the latest email to the team's contact. */
    private String token(ReportShare share) {
        List<OutboxMessage> toTeam = mails(share).stream().filter(m -> m.recipient().equals(share.contactEmail()))
                .toList();
        Matcher link = LINK.matcher(toTeam.get(toTeam.size() - 1).textBody());
        assertThat(link.find()).isTrue();
        return link.group(1);
    }
}
