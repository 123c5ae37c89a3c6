package org.qipflow.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.Test;
import org.qipflow.auditcycle.CycleTracker;
import org.qipflow.membership.OrganisationService;
import org.qipflow.participation.LeadActions;
import org.qipflow.participation.NeedsAttention;
import org.qipflow.participation.ParticipationService;
import org.qipflow.participation.SubmissionTracker;
import org.qipflow.programmes.Cycle;
import org.qipflow.support.AuditProcessFixture;
import org.qipflow.support.QipflowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/** The coordinator's dashboard answers "what needs my attention today" across programmes. */
@QipflowTest
@WithMockUser(username = "coordinator", roles = "COORDINATOR")
class DashboardTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditProcessFixture fixture;
    @Autowired
    ParticipationService participation;
    @Autowired
    SubmissionTracker submissions;
    @Autowired
    LeadActions leadActions;
    @Autowired
    CycleTracker tracker;
    @Autowired
    OrganisationService organisations;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void lateOrganisationsCloseDeadlinesProblemsAndWhatComesNext() throws Exception {
        Cycle far = fixture.cycle(AuditProcessFixture.uk(2030, 3, 4, 9));
        String late = fixture.member("England");
        participation.join(far.id(), late);
        var instance = fixture.participation(far.id(), late);
        fixture.fire(instance, "Timer_MaterialsDispatch");
        leadActions.confirm(far.id(), late, true, List.of("T01"));
        fixture.fire(instance, "Timer_SubmissionOpens");
        fixture.fire(instance, "Timer_SubmissionDeadline");
        String onTime = fixture.member("Wales");
        participation.join(far.id(), onTime);

        Cycle soon = fixture.cycleClosingIn(2, 6);
        String due = fixture.member("England");
        participation.join(soon.id(), due);

        String waiting = runtime.createExecutionQuery().processInstanceId(fixture.cycleInstance(soon.id()).getId())
                .activityId("Timer_LateSubmissionsEnd").list().get(0).getId();
        Incident incident = runtime.createIncident("analysisCheck", waiting, null, "Analysis failed: disk full");
        // an email the mail server has refused twice, as the relay leaves it
        jdbc.update("""
                insert into outbox_message (message_key, template, recipient, subject, text_body, html_body, status,
                                            attempts, next_attempt_at, last_error, created_at)
                values (?, 'test', 'nobody@nhs.example', 'Undeliverable test', 'text', '<p>html</p>', 'PENDING',
                        2, current_timestamp, 'Connection refused', current_timestamp)
                """, "dashboard-test:" + soon.id());
        try {
            assertThat(submissions.lateOrganisations()).extracting(NeedsAttention::organisationCode).contains(late)
                    .doesNotContain(onTime, due);
            assertThat(submissions.deadlinesWithin(Duration.ofDays(7)))
                    .extracting(NeedsAttention::organisationCode).contains(due).doesNotContain(late, onTime);

            String page = mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            String lateSection = section(page, "id=\"late\"", "id=\"due\"");
            assertThat(lateSection).contains(organisations.get(late).name(), far.title())
                    .doesNotContain(organisations.get(onTime).name());
            assertThat(section(page, "id=\"due\"", "id=\"problems\"")).contains(organisations.get(due).name(),
                    soon.title(), "Invited");
            assertThat(section(page, "id=\"problems\"", "id=\"renewals\"")).contains("Analysis failed: disk full",
                    "/camunda/app/cockpit/default/#/process-instance/", "Undeliverable test", "Connection refused");
            assertThat(section(page, "id=\"coming\"", "Shortcuts")).contains(soon.title(), "Online submission closes");
        } finally {
            runtime.resolveIncident(incident.getId());
            jdbc.update("delete from outbox_message where message_key = ?", "dashboard-test:" + soon.id());
        }
    }

    private static String section(String page, String from, String to) {
        int start = page.indexOf(from);
        assertThat(start).as("section " + from).isNotNegative();
        return page.substring(start, page.indexOf(to, start));
    }
}
