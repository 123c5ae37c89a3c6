package org.qipflow.auditcycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.qipflow.common.UkTime;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.Milestone;
import org.qipflow.support.AuditProcessFixture;
import org.qipflow.support.QipflowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@QipflowTest
class CycleApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditProcessFixture fixture;

    ResultActions call(MockHttpServletRequestBuilder request, String json) throws Exception {
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request.with(httpBasic(QipflowTest.USER, QipflowTest.PASSWORD)));
    }

    @Test
    void aProgrammeAndItsCycleAreCreatedWithEveryMilestone() throws Exception {
        call(post("/api/programmes"), "{\"code\":\"qip-a1\",\"title\":\"Lithium\",\"auditDefinition\":\"lithium-monitoring\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.code").value("QIP-A1"));
        call(post("/api/programmes"), "{\"code\":\"QIP-A1\",\"title\":\"Again\",\"auditDefinition\":\"lithium-monitoring\"}")
                .andExpect(status().isConflict());

        call(post("/api/programmes/QIP-A1/cycles"), """
                {"kind":"BASELINE","dataCollectionStart":"2030-03-04T09:00","milestones":{"reportDue":"2030-09-02"}}""")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/cycles/")))
                .andExpect(jsonPath("$.number").value(1))
                .andExpect(jsonPath("$.definitionVersion").value(1))
                .andExpect(jsonPath("$.milestones.materialsDispatch").value("2030-02-04T09:00Z"))
                .andExpect(jsonPath("$.milestones.dataCollectionEnd").value("2030-04-01T09:00+01:00"))
                .andExpect(jsonPath("$.milestones.submissionCloses").value("2030-04-29T17:00+01:00"))
                .andExpect(jsonPath("$.milestones.reportDue").value("2030-09-02T17:00+01:00"));
        call(get("/api/programmes"), null).andExpect(jsonPath("$[*].code", hasItem("QIP-A1")));
    }

    @Test
    void badProgrammesAndCyclesAreRefusedNamingEachField() throws Exception {
        call(post("/api/programmes"), "{\"code\":\"!\",\"title\":\"\",\"auditDefinition\":\"Bad Id\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasSize(3)));
        call(post("/api/programmes"), "{\"code\":\"QIP-A2\",\"title\":\"T\",\"auditDefinition\":\"high-dose-antipsychotics\"}")
                .andExpect(status().isCreated());

        call(post("/api/programmes/QIP-A2/cycles"), "{\"kind\":\"PILOT\",\"dataCollectionStart\":\"2030-03-04\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kind"));
        call(post("/api/programmes/QIP-A2/cycles"), "{\"kind\":\"BASELINE\",\"dataCollectionStart\":\"4/3/2030\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("dataCollectionStart"));
        call(post("/api/programmes/QIP-A2/cycles"),
                "{\"kind\":\"BASELINE\",\"dataCollectionStart\":\"2030-03-04\",\"milestones\":{\"closing\":\"2030-05-01\"}}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("milestones.closing"));
        call(post("/api/programmes/QIP-A2/cycles"), """
                {"kind":"BASELINE","dataCollectionStart":"2030-03-04","milestones":{"submissionCloses":"2030-03-10"}}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("milestones.submissionCloses")));
        call(post("/api/programmes/NOPE/cycles"), "{\"kind\":\"BASELINE\",\"dataCollectionStart\":\"2030-03-04\"}")
                .andExpect(status().isNotFound());
    }

    @Test
    void joiningIsIdempotentAndTheCycleShowsEachParticipant() throws Exception {
        Cycle cycle = fixture.cycle(AuditProcessFixture.uk(2030, 3, 4, 9));
        String org = fixture.member("Scotland");

        call(post("/api/cycles/" + cycle.id() + "/participants"), "{\"organisationCode\":\"" + org + "\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("INVITED"));
        call(post("/api/cycles/" + cycle.id() + "/participants"), "{\"organisationCode\":\"" + org + "\"}")
                .andExpect(status().isOk());
        call(post("/api/cycles/" + cycle.id() + "/participants"), "{\"organisationCode\":\"NOPE9\"}")
                .andExpect(status().isNotFound());
        call(post("/api/cycles/" + cycle.id() + "/participants"), "{}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("organisationCode"));

        call(get("/api/cycles/" + cycle.id()), null)
                .andExpect(jsonPath("$.participants", hasSize(1)))
                .andExpect(jsonPath("$.participants[0].organisationCode").value(org))
                // 29 April 2030 is a working day in Scotland too
                .andExpect(jsonPath("$.participants[0].deadline").value("2030-04-29T16:00:00Z"))
                .andExpect(jsonPath("$.lateSubmissionsEnd").value("2030-05-06T16:00:00Z"));
        call(get("/api/cycles/999999"), null).andExpect(status().isNotFound());
    }

    @Test
    void onlyMilestonesStillAheadCanMove() throws Exception {
        Cycle running = fixture.cycle(Instant.now().minus(10, ChronoUnit.DAYS).atZone(UkTime.ZONE));

        call(patch("/api/cycles/" + running.id() + "/milestones"), "{\"materialsDispatch\":\"2030-01-01T09:00\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("milestones.materialsDispatch"))
                .andExpect(jsonPath("$.errors[0].message", containsString("has already happened")));
        String later = running.milestones().get(Milestone.REPORT_DUE).plusWeeks(2)
                .toLocalDateTime().toString();
        call(patch("/api/cycles/" + running.id() + "/milestones"), "{\"reportDue\":\"" + later + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.milestones.reportDue", containsString(later.substring(0, 16))));
    }

    @Test
    void remindersExtensionsAndPublicationAnswerWhatTheyCan() throws Exception {
        Cycle cycle = fixture.cycle(AuditProcessFixture.uk(2030, 3, 4, 9));
        String org = fixture.member("Wales");
        call(post("/api/cycles/" + cycle.id() + "/participants"), "{\"organisationCode\":\"" + org + "\"}");

        call(post("/api/cycles/" + cycle.id() + "/participants/" + org + "/reminder"), null)
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("nothing to do")));
        fixture.fire(fixture.participation(cycle.id(), org), "Timer_MaterialsDispatch");
        call(post("/api/cycles/" + cycle.id() + "/participants/" + org + "/reminder"), null)
                .andExpect(status().isAccepted());
        assertThat(fixture.templates(cycle.id(), org)).contains("confirmation-reminder");

        call(post("/api/cycles/" + cycle.id() + "/participants/" + org + "/extension"), "{\"deadline\":\"2030-05-10\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.deadline").value("2030-05-10T16:00:00Z"))
                .andExpect(jsonPath("$.deadlineExtended").value(true));
        call(post("/api/cycles/" + cycle.id() + "/participants/" + org + "/extension"), "{\"deadline\":\"2030-05-01\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("deadline"));

        call(post("/api/cycles/" + cycle.id() + "/publication"), null).andExpect(status().isConflict());

        call(post("/api/cycles/" + cycle.id() + "/submission-closure"), null).andExpect(status().isOk());
        call(post("/api/cycles/" + cycle.id() + "/submission-closure"), null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("already closed")));
    }
}
