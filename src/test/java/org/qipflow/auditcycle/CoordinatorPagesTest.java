package org.qipflow.auditcycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.qipflow.notification.OutboxMessage;
import org.qipflow.participation.ParticipationService;
import org.qipflow.programmes.Cycle;
import org.qipflow.support.AuditProcessFixture;
import org.qipflow.support.QipflowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/** The coordinator's programme, cycle and outbox pages render and act. */
@QipflowTest
@WithMockUser(username = "coordinator", roles = "COORDINATOR")
class CoordinatorPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    AuditProcessFixture fixture;
    @Autowired
    ParticipationService participation;

    /** Each audit definition offered says under its name which version it is and how many standards it has. */
    @Test
    void eachDefinitionOfferedIsDescribedByItsOwnHint() throws Exception {
        String page = mvc.perform(get("/programmes/new")).andReturn().getResponse().getContentAsString();
        int at = page.indexOf("value=\"lithium-monitoring\"");
        String radio = page.substring(page.lastIndexOf("<input", at), page.indexOf(">", at) + 1);
        String hintId = radio.replaceAll("(?s).*aria-describedby=\"([^\"]+)\".*", "$1");
        assertThat(hintId).endsWith("-item-hint");
        assertThat(page).contains("id=\"" + hintId + "\">lithium-monitoring, version 1 · 4 standards</div>");
    }

    @Test
    void aProgrammeIsAddedAndACycleScheduledFromThePages() throws Exception {
        mvc.perform(get("/programmes/new")).andExpect(status().isOk());
        mvc.perform(post("/programmes/new").with(csrf()).param("code", "").param("title", "T"))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("govuk-error-summary"),
                        containsString("href=\"#code\""), containsString("id=\"code-error\""))));
        mvc.perform(post("/programmes/new").with(csrf()).param("code", "QIP-P1").param("title", "Pages")
                        .param("auditDefinition", "lithium-monitoring"))
                .andExpect(redirectedUrl("/programmes/QIP-P1"));

        mvc.perform(post("/programmes/QIP-P1/cycles").with(csrf()).param("kind", "BASELINE")
                        .param("dataCollectionStart", "1 March"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("href=\"#dataCollectionStart\"")));
        mvc.perform(post("/programmes/QIP-P1/cycles").with(csrf()).param("kind", "BASELINE")
                        .param("dataCollectionStart", "2030-03-04"))
                .andExpect(redirectedUrlPattern("/cycles/*"));

        mvc.perform(get("/programmes/QIP-P1")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Baseline audit (round 1)"),
                        containsString("Mon 29 Apr 2030 17:00"))));
        mvc.perform(get("/programmes")).andExpect(content().string(containsString("QIP-P1")));
    }

    @Test
    void theCyclePageTracksEachOrganisationAndActsOnIt() throws Exception {
        Cycle cycle = fixture.cycle(AuditProcessFixture.uk(2030, 3, 4, 9));
        String org = fixture.member("England");

        mvc.perform(get("/cycles/" + cycle.id())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("No organisation takes part yet"),
                        containsString("Trust " + org), containsString("2030-04-29T17:00"))));
        mvc.perform(post("/cycles/" + cycle.id() + "/participants").with(csrf()))
                .andExpect(content().string(containsString("Select the organisations that take part")));
        mvc.perform(post("/cycles/" + cycle.id() + "/participants").with(csrf()).param("organisationCodes", org))
                .andExpect(redirectedUrl("/cycles/" + cycle.id()));
        fixture.fire(fixture.participation(cycle.id(), org), "Timer_MaterialsDispatch");

        mvc.perform(get("/cycles/" + cycle.id())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Invited"),
                        containsString("Audit materials: " + cycle.title()))));
        mvc.perform(post("/cycles/" + cycle.id() + "/participants/" + org + "/reminder").with(csrf()))
                .andExpect(redirectedUrl("/cycles/" + cycle.id()));
        mvc.perform(get("/cycles/" + cycle.id() + "/participants/" + org + "/extension")).andExpect(status().isOk());
        mvc.perform(post("/cycles/" + cycle.id() + "/participants/" + org + "/extension").with(csrf())
                        .param("deadline", "2030-04-01"))
                .andExpect(content().string(containsString("later than the current deadline")));
        mvc.perform(post("/cycles/" + cycle.id() + "/participants/" + org + "/extension").with(csrf())
                        .param("deadline", "2030-05-13"))
                .andExpect(redirectedUrl("/cycles/" + cycle.id()));
        assertThat(participation.deadline(cycle.id(), org)).isEqualTo(AuditProcessFixture.uk(2030, 5, 13, 17).toInstant());

        mvc.perform(post("/cycles/" + cycle.id() + "/milestones").with(csrf())
                        .param("milestones.reportDue", "next summer"))
                .andExpect(content().string(containsString("href=\"#milestones-reportDue\"")));
        mvc.perform(post("/cycles/" + cycle.id() + "/milestones").with(csrf())
                        .param("milestones.reportDue", "2030-09-02T17:00"))
                .andExpect(redirectedUrl("/cycles/" + cycle.id()));
        mvc.perform(post("/cycles/" + cycle.id() + "/publication").with(csrf()))
                .andExpect(content().string(containsString("not waiting for review")));

        mvc.perform(get("/cycles/" + cycle.id())).andExpect(content().string(allOf(
                containsString("Close submission now"), containsString("1 organisation has not submitted yet"))));
        mvc.perform(post("/cycles/" + cycle.id() + "/submission-closure").with(csrf()))
                .andExpect(redirectedUrl("/cycles/" + cycle.id()));
        mvc.perform(get("/cycles/" + cycle.id())).andExpect(content().string(allOf(
                not(containsString("Close submission now")), containsString("data-qf-refresh"),
                containsString("Closing submission…"))));
        mvc.perform(post("/cycles/" + cycle.id() + "/submission-closure").with(csrf()))
                .andExpect(content().string(containsString("already closed")));
    }

    @Test
    void theOutboxShowsEachEmailAsItsRecipientSeesIt() throws Exception {
        Cycle cycle = fixture.cycle(AuditProcessFixture.uk(2030, 3, 4, 9));
        String org = fixture.member("Wales");
        participation.join(cycle.id(), org);
        fixture.fire(fixture.participation(cycle.id(), org), "Timer_MaterialsDispatch");
        OutboxMessage materials = fixture.mails(cycle.id(), org).get(0);

        mvc.perform(get("/outbox")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("No mail server is configured"),
                        containsString(materials.subject()))));
        mvc.perform(get("/outbox/" + materials.id())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Confirm participation and register teams"),
                        containsString("href=\"http://localhost:" + port + "/tasks/"), containsString("Plain-text version"))));
    }

    @Test
    void theHomePageListsReportsWaitingForReview() throws Exception {
        mvc.perform(get("/")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Reports to review and publish"),
                        containsString("waiting to be sent"))));
    }
}
