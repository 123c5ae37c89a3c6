package org.qipflow.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.qipflow.support.QipflowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

@QipflowTest
@WithMockUser(username = "coordinator", roles = "COORDINATOR")
class OrganisationPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganisationService organisations;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    @Test
    void addingAnOrganisationRedirectsToItsPage() throws Exception {
        mvc.perform(post("/organisations/new").with(csrf())
                        .param("code", "pg1").param("name", "Pages One NHS Trust").param("nation", "ENGLAND")
                        .param("type", "NHS_TRUST").param("leadName", "Lead One").param("leadEmail", "one@nhs.net")
                        .param("leadJobTitle", "Chief Pharmacist").param("membershipEnds", ""))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/organisations/PG1"))
                .andExpect(flash().attribute("flash", "Pages One NHS Trust (PG1) has been added"));

        mvc.perform(get("/organisations/PG1"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Pages One NHS Trust"), containsString("one@nhs.net"),
                        containsString("Local leads over time"))));
    }

    @Test
    void aFormWithErrorsShowsAnErrorSummaryLinkedToEachField() throws Exception {
        mvc.perform(post("/organisations/new").with(csrf()).param("code", "P").param("name", "")
                        .param("leadEmail", "nope"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<title>Error: Add an organisation"),
                        containsString("govuk-error-summary"),
                        containsString("href=\"#code\""),
                        containsString("href=\"#nation\""),
                        containsString("href=\"#localLead-email\""),
                        containsString("id=\"localLead-email-error\""),
                        containsString("value=\"nope\""))));
        assertThat(organisations.list(null)).noneMatch(o -> o.code().equals("P"));
    }

    /** Every field comes from one fragment: the one at fault is marked and read out with its message, hint first. */
    @Test
    void aFieldAtFaultIsMarkedAndDescribedByItsHintAndMessage() throws Exception {
        String page = mvc.perform(post("/organisations/new").with(csrf()).param("code", "P").param("leadEmail", "nope"))
                .andReturn().getResponse().getContentAsString();
        assertThat(input(page, "localLead-email")).contains("class=\"govuk-input govuk-input--error\"",
                "name=\"leadEmail\"", "type=\"email\"", "aria-describedby=\"localLead-email-error\"");
        assertThat(input(page, "code")).contains("aria-describedby=\"code-hint code-error\"",
                "autocapitalize=\"characters\"").doesNotContain("readonly");
        assertThat(input(page, "membershipEnds")).as("may be left empty, so not at fault").contains(
                "class=\"govuk-input govuk-input--width-10\"", "aria-describedby=\"membershipEnds-hint\"");
        assertThat(page).contains("for=\"localLead-email\">Email address</label>",
                "id=\"localLead-email-error\" class=\"govuk-error-message\"");
    }

    private static String input(String page, String id) {
        int at = page.indexOf("id=\"" + id + "\"", page.indexOf("<form"));
        return page.substring(page.lastIndexOf("<input", at), page.indexOf(">", at) + 1);
    }

    @Test
    void editingWithAStaleVersionDoesNotOverwriteSomeoneElsesChange() throws Exception {
        organisations.create(new OrganisationInput("PG2", "Pages Two", "Wales", "HEALTH_BOARD", "Lead", "l@nhs.net",
                "Pharmacist", ""));
        int version = organisations.get("PG2").version();
        organisations.update("PG2", new OrganisationInput("PG2", "Renamed by someone else", "Wales", "HEALTH_BOARD",
                "Lead", "l@nhs.net", "Pharmacist", ""), version);

        mvc.perform(post("/organisations/PG2/edit").with(csrf()).param("code", "PG2").param("name", "My edit")
                        .param("nation", "WALES").param("type", "HEALTH_BOARD").param("leadName", "Lead")
                        .param("leadEmail", "l@nhs.net").param("leadJobTitle", "Pharmacist")
                        .param("version", String.valueOf(version)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone else changed")));
        assertThat(organisations.get("PG2").name()).isEqualTo("Renamed by someone else");
    }

    @Test
    void aCsvUploadWithAnErrorListsTheRowsAndImportsNothing() throws Exception {
        String csv = "code,name,nation,type,local_lead_name,local_lead_email,local_lead_job_title\n"
                + "PG3,Good,England,NHS trust,Lead,lead@nhs.net,Pharmacist\n"
                + "PG4,Bad,England,NHS trust,Lead,lead@nhs.net,\n";

        mvc.perform(multipart("/organisations/import").file(new MockMultipartFile("file", "members.csv", "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("members.csv was not imported"),
                        containsString("href=\"#file\""), containsString("local_lead_job_title"),
                        containsString("Enter the local lead&#39;s job title"))));

        mvc.perform(get("/organisations/PG3")).andExpect(status().isNotFound());
    }

    @Test
    void aGoodCsvUploadReportsWhatItDid() throws Exception {
        String csv = "code,name,nation,type,local_lead_name,local_lead_email,local_lead_job_title\n"
                + "PG5,Good,England,NHS trust,Lead,lead@nhs.net,Pharmacist\n";

        mvc.perform(multipart("/organisations/import").file(new MockMultipartFile("file", "members.csv", "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8))).with(csrf()))
                .andExpect(redirectedUrl("/organisations?status=all"))
                .andExpect(flash().attribute("flash", "Imported 1 organisations: 1 added, 0 updated, 0 unchanged"));
    }

    @Test
    void deactivateAndReactivateFromTheOrganisationPage() throws Exception {
        organisations.create(new OrganisationInput("PG6", "Pages Six", "Ireland", "INDEPENDENT", "Lead", "l@hse.ie",
                "Pharmacist", ""));

        mvc.perform(post("/organisations/PG6/deactivate").with(csrf())).andExpect(redirectedUrl("/organisations/PG6"));
        assertThat(organisations.get("PG6").active()).isFalse();
        mvc.perform(get("/organisations?status=inactive")).andExpect(content().string(containsString("Pages Six")));

        mvc.perform(post("/organisations/PG6/reactivate").with(csrf())).andExpect(redirectedUrl("/organisations/PG6"));
        assertThat(organisations.get("PG6").active()).isTrue();
    }

    @Test
    void theRenewalDecisionIsAskedForOnItsPageAndAMissingAnswerIsNamed() throws Exception {
        organisations.create(new OrganisationInput("PG9", "Pages Nine", "England", "NHS_TRUST", "Lead", "l9@nhs.net",
                "Pharmacist", "2030-12-31"));
        ProcessInstance renewal = runtime.createProcessInstanceQuery().processInstanceBusinessKey("PG9")
                .processDefinitionKey(MembershipRenewalProcess.PROCESS_KEY).singleResult();
        management.executeJob(management.createJobQuery().processInstanceId(renewal.getId()).singleResult().getId());

        mvc.perform(get("/organisations/PG9/renewal")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<title>Renewal for Pages Nine"),
                        not(containsString("govuk-error-summary")), containsString("govuk-fieldset__legend--m"),
                        containsString("aria-describedby=\"decision-hint\""), containsString("id=\"decision-2\""))));
        mvc.perform(post("/organisations/PG9/renewal").with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<title>Error: Renewal for Pages Nine"),
                        containsString("href=\"#decision\""), containsString("aria-describedby=\"decision-hint decision-error\""),
                        containsString("Select what happens to this membership"))));
        mvc.perform(post("/organisations/PG9/renewal").with(csrf()).param("decision", "RENEW_ONE_YEAR"))
                .andExpect(status().isFound());
        assertThat(organisations.get("PG9").membershipEnds()).hasToString("2031-12-31");
    }

    @Test
    void theHomePageAndTheEmptyFormsRender() throws Exception {
        mvc.perform(get("/")).andExpect(status().isOk()).andExpect(content().string(containsString("Memberships to renew")));
        mvc.perform(get("/organisations/new")).andExpect(status().isOk());
        mvc.perform(get("/organisations/import")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<title>Import organisations"),
                        not(containsString("govuk-error-summary")), containsString("class=\"govuk-file-upload\""))));
        mvc.perform(get("/organisations/import/template.csv")).andExpect(status().isOk())
                .andExpect(content().string(containsString("code,name,nation,type,local_lead_name")));
        mvc.perform(get("/organisations/NOSUCH")).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("No organisation has the code NOSUCH")));
    }
}
