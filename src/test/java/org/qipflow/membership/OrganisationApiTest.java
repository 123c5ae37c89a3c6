package org.qipflow.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.qipflow.support.QipflowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@QipflowTest
class OrganisationApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    OrganisationService organisations;

    static String json(String code, String leadName, String leadEmail) {
        return """
                {"code":"%s","name":"Test %s NHS Trust","nation":"England","type":"NHS_TRUST",
                 "localLead":{"name":"%s","email":"%s","jobTitle":"Chief Pharmacist"},"membershipEnds":"2030-12-31"}
                """.formatted(code, code, leadName, leadEmail);
    }

    MockHttpServletRequestBuilder asCoordinator(MockHttpServletRequestBuilder request) {
        return request.with(httpBasic(QipflowTest.USER, QipflowTest.PASSWORD));
    }

    @Test
    void createAnswers201AndTheOrganisationCanBeReadBack() throws Exception {
        mvc.perform(asCoordinator(post("/api/organisations").contentType(MediaType.APPLICATION_JSON)
                        .content(json("ta1", "Ada Lovelace", "ada@nhs.net"))))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/organisations/TA1"))
                .andExpect(jsonPath("$.code").value("TA1"))
                .andExpect(jsonPath("$.active").value(true))
                .andExpect(jsonPath("$.localLead.email").value("ada@nhs.net"));

        mvc.perform(asCoordinator(get("/api/organisations/TA1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Test ta1 NHS Trust"))
                .andExpect(jsonPath("$.nation").value("ENGLAND"))
                .andExpect(jsonPath("$.membershipEnds").value("2030-12-31"));
        mvc.perform(asCoordinator(get("/api/organisations")))
                .andExpect(jsonPath("$[*].code", hasItem("TA1")));
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("TA1").count()).isEqualTo(1);
    }

    @Test
    void aDuplicateCodeAnswers409AndChangesNothing() throws Exception {
        mvc.perform(asCoordinator(post("/api/organisations").contentType(MediaType.APPLICATION_JSON)
                .content(json("TA2", "First Lead", "first@nhs.net")))).andExpect(status().isCreated());

        mvc.perform(asCoordinator(post("/api/organisations").contentType(MediaType.APPLICATION_JSON)
                        .content(json("TA2", "Second Lead", "second@nhs.net"))))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("TA2 already exists")));

        mvc.perform(asCoordinator(get("/api/organisations/TA2")))
                .andExpect(jsonPath("$.localLead.name").value("First Lead"))
                .andExpect(jsonPath("$.localLeadHistory.length()").value(1));
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("TA2").count()).isEqualTo(1);
    }

    @Test
    void invalidInputAnswers400NamingEveryBadField() throws Exception {
        int before = organisations.list(null).size();
        String body = """
                {"code":"TOO-LONG-CODE","name":" ","nation":"Englnd","type":"NHS_TRUST",
                 "localLead":{"name":"A Lead","email":"not-an-email"},"membershipEnds":"2030-06-30"}
                """;

        mvc.perform(asCoordinator(post("/api/organisations").contentType(MediaType.APPLICATION_JSON).content(body)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("code", "name", "nation",
                        "localLead.email", "localLead.jobTitle", "membershipEnds")))
                .andExpect(jsonPath("$.errors[?(@.field == 'nation')].message",
                        hasItem(containsString("England, Scotland, Wales, Northern Ireland, Ireland"))));

        assertThat(organisations.list(null)).hasSize(before);
    }

    @Test
    void unreadableJsonAnswers400AsProblem() throws Exception {
        mvc.perform(asCoordinator(post("/api/organisations").contentType(MediaType.APPLICATION_JSON).content("{\"code\":")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anUnknownCodeAnswers404AsProblem() throws Exception {
        mvc.perform(asCoordinator(get("/api/organisations/ZZZ9")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("No organisation has the code ZZZ9"));
    }

    @Test
    void changingTheLocalLeadKeepsThePreviousOneInTheHistory() throws Exception {
        mvc.perform(asCoordinator(post("/api/organisations").contentType(MediaType.APPLICATION_JSON)
                .content(json("TA3", "Old Lead", "old@nhs.net")))).andExpect(status().isCreated());

        mvc.perform(asCoordinator(put("/api/organisations/TA3").contentType(MediaType.APPLICATION_JSON)
                        .content(json("TA3", "New Lead", "new@nhs.net"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.localLead.name").value("New Lead"))
                .andExpect(jsonPath("$.localLeadHistory.length()").value(2))
                .andExpect(jsonPath("$.localLeadHistory[0].name").value("New Lead"))
                .andExpect(jsonPath("$.localLeadHistory[0].nominatedUntil").doesNotExist())
                .andExpect(jsonPath("$.localLeadHistory[1].name").value("Old Lead"))
                .andExpect(jsonPath("$.localLeadHistory[1].nominatedUntil", not(nullValue())));
    }

    @Test
    void theSamePutTwiceHasOneEffect() throws Exception {
        mvc.perform(asCoordinator(post("/api/organisations").contentType(MediaType.APPLICATION_JSON)
                .content(json("TA4", "Lead", "lead@nhs.net")))).andExpect(status().isCreated());
        String changed = json("TA4", "Other Lead", "other@nhs.net").replace("Test TA4 NHS Trust", "Renamed Trust");

        String first = mvc.perform(asCoordinator(put("/api/organisations/TA4").contentType(MediaType.APPLICATION_JSON)
                .content(changed))).andReturn().getResponse().getContentAsString();
        String second = mvc.perform(asCoordinator(put("/api/organisations/TA4").contentType(MediaType.APPLICATION_JSON)
                .content(changed))).andReturn().getResponse().getContentAsString();

        assertThat(second).isEqualTo(first).contains("\"name\":\"Renamed Trust\"");
        assertThat(first.split("nominatedFrom", -1)).hasSize(4); // current lead + two history rows
    }

    @Test
    void putCannotChangeTheCode() throws Exception {
        mvc.perform(asCoordinator(post("/api/organisations").contentType(MediaType.APPLICATION_JSON)
                .content(json("TA5", "Lead", "lead@nhs.net")))).andExpect(status().isCreated());

        mvc.perform(asCoordinator(put("/api/organisations/TA5").contentType(MediaType.APPLICATION_JSON)
                        .content(json("TA6", "Lead", "lead@nhs.net"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        mvc.perform(asCoordinator(put("/api/organisations/NOPE1").contentType(MediaType.APPLICATION_JSON)
                .content(json("NOPE1", "Lead", "lead@nhs.net")))).andExpect(status().isNotFound());
    }

    @Test
    void deactivatingKeepsTheOrganisationReadableAndEndsItsRenewalProcess() throws Exception {
        mvc.perform(asCoordinator(post("/api/organisations").contentType(MediaType.APPLICATION_JSON)
                .content(json("TA7", "Lead", "lead@nhs.net")))).andExpect(status().isCreated());

        mvc.perform(asCoordinator(put("/api/organisations/TA7").contentType(MediaType.APPLICATION_JSON)
                        .content(json("TA7", "Lead", "lead@nhs.net").replace("}\n", ",\"active\":false}\n"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false))
                .andExpect(jsonPath("$.deactivatedAt").exists());

        mvc.perform(asCoordinator(get("/api/organisations?active=false"))).andExpect(jsonPath("$[*].code", hasItem("TA7")));
        mvc.perform(asCoordinator(get("/api/organisations?active=true")))
                .andExpect(jsonPath("$[*].code", not(hasItem("TA7"))));
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("TA7").count()).isZero();
    }

    @Test
    void csvImportCreatesThenReportsUnchangedOnTheSecondRun() throws Exception {
        String csv = """
                code,name,nation,type,local_lead_name,local_lead_email,local_lead_job_title
                TB1,Import One NHS Trust,England,NHS trust,Lead One,one@nhs.net,Chief Pharmacist
                TB2,Import Two Health Board,Scotland,Health board,Lead Two,two@nhs.net,Lead Pharmacist
                """;

        mvc.perform(asCoordinator(post("/api/organisations/import").contentType("text/csv").content(csv)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2))
                .andExpect(jsonPath("$.unchanged").value(0));
        mvc.perform(asCoordinator(post("/api/organisations/import").contentType("text/csv").content(csv)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.unchanged").value(2));
        mvc.perform(asCoordinator(get("/api/organisations/TB2"))).andExpect(jsonPath("$.nation").value("SCOTLAND"));
    }

    @Test
    void aCsvWithOneBadRowImportsNothingAndAnswers422WithTheRows() throws Exception {
        String csv = """
                code,name,nation,type,local_lead_name,local_lead_email,local_lead_job_title
                TC1,Good Row NHS Trust,England,NHS trust,Lead One,one@nhs.net,Chief Pharmacist
                TC2,Bad Row NHS Trust,Atlantis,NHS trust,Lead Two,two-at-nhs.net,Lead Pharmacist
                """;

        mvc.perform(asCoordinator(post("/api/organisations/import").contentType("text/csv").content(csv)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("nation"))
                .andExpect(jsonPath("$.errors[0].value").value("Atlantis"))
                .andExpect(jsonPath("$.errors[1].column").value("local_lead_email"));

        mvc.perform(asCoordinator(get("/api/organisations/TC1"))).andExpect(status().isNotFound());
    }
}
