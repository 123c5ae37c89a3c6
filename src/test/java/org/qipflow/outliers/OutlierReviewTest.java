package org.qipflow.outliers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qipflow.auditcycle.CycleTracker;
import org.qipflow.programmes.Cycle;
import org.qipflow.support.AuditProcessFixture;
import org.qipflow.support.LithiumRecords;
import org.qipflow.support.PageText;
import org.qipflow.support.QipflowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A round's outliers, flagged by the real analysis of uploaded records. Three organisations with ten
 * records each meet S1 1, 9 and 8 times: 18 of 30 nationally, p = 0.6, one standard deviation
 * √(0.6·0.4/10) = 0.1549, so the first lies (0.1 − 0.6)/0.1549 = −3.23 SD out: an alarm, below. S2 is
 * met by every record: no spread, no limits.
 */
@QipflowTest
class OutlierReviewTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditProcessFixture fixture;
    @Autowired
    CycleTracker tracker;

    @Test
    void anAnalysedRoundsOutliersArePagedAndServedAndFollowThePolicyUntilPublished() throws Exception {
        Cycle cycle = fixture.cycle(AuditProcessFixture.uk(2030, 3, 4, 9));
        String programme = cycle.programmeCode();
        api(put("/api/programmes/" + programme + "/outlier-policy"), "{\"indicators\":[\"S9\",\"S1\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("indicators"))
                .andExpect(jsonPath("$.errors[0].message").value("lithium-monitoring has no standard S9: choose among "
                        + "S1, S2, S3, S4"));
        api(put("/api/programmes/" + programme + "/outlier-policy"),
                "{\"indicators\":[\"S1\",\"S2\"],\"allowForOverdispersion\":true}").andExpect(status().isOk())
                .andExpect(jsonPath("$.indicators", contains("S1", "S2")))
                .andExpect(jsonPath("$.allowForOverdispersion").value(true));

        String low = fixture.member("England");
        String high = fixture.member("Wales");
        String usual = fixture.member("Scotland");
        Map<String, String> csv = new LinkedHashMap<>();
        csv.put(low, LithiumRecords.csv(10, 1));
        csv.put(high, LithiumRecords.csv(10, 9));
        csv.put(usual, LithiumRecords.csv(10, 8));
        var round = fixture.analyseWith(cycle, csv);

        api(get("/api/cycles/" + cycle.id() + "/outliers"), null).andExpect(status().isOk())
                .andExpect(jsonPath("$.analysed").value(true))
                .andExpect(jsonPath("$.indicators[0].standardId").value("S1"))
                .andExpect(jsonPath("$.indicators[0].nationalNumerator").value(18))
                .andExpect(jsonPath("$.indicators[0].nationalDenominator").value(30))
                .andExpect(jsonPath("$.indicators[0].organisations").value(3))
                .andExpect(jsonPath("$.indicators[0].phi").doesNotExist())
                .andExpect(jsonPath("$.indicators[0].overdispersed").value(false))
                .andExpect(jsonPath("$.indicators[0].outliers[*].organisationCode", contains(low)))
                .andExpect(jsonPath("$.indicators[0].outliers[0].level").value("ALARM"))
                .andExpect(jsonPath("$.indicators[0].outliers[0].direction").value("BELOW"))
                .andExpect(jsonPath("$.indicators[0].outliers[0].z", closeTo(-0.5 / Math.sqrt(0.024), 1e-9)))
                .andExpect(jsonPath("$.indicators[1].standardId").value("S2"))
                .andExpect(jsonPath("$.indicators[1].outliers").isEmpty())
                .andExpect(jsonPath("$.indicators[1].limits").value("No limits: every record or none meets the "
                        + "standard nationally, so no organisation is an outlier."));

        String page = PageText.words(page("/cycles/" + cycle.id() + "/outliers"));
        assertThat(page).contains("S1: Serum lithium level measured in the past 3 months",
                "All organisations: 60% (18 of 30), over 3 organisations. Binomial limits around the national share; "
                        + "too few organisations to estimate over-dispersion.",
                "Trust " + low + " 10% (1 of 10) -3.23 Alarm: below", "No organisation is beyond the limits.");

        // only the programme team sees outliers
        mvc.perform(get("/cycles/" + cycle.id() + "/outliers").with(user(low).roles("LEAD")))
                .andExpect(status().isForbidden());

        // a changed policy flags the round again while it waits for review
        mvc.perform(post("/programmes/" + programme + "/outlier-policy").with(user("coordinator").roles("COORDINATOR"))
                .with(csrf()).param("indicators", "S2")).andExpect(redirectedUrl("/programmes/" + programme));
        api(get("/api/cycles/" + cycle.id() + "/outliers"), null)
                .andExpect(jsonPath("$.policy.indicators", contains("S2")))
                .andExpect(jsonPath("$.policy.allowForOverdispersion").value(false))
                .andExpect(jsonPath("$.indicators[*].standardId", contains("S2")));

        // once published, the round keeps the flags its reports went out with
        tracker.publish(cycle.id());
        fixture.runDueJobs(round);
        api(put("/api/programmes/" + programme + "/outlier-policy"), "{\"indicators\":[\"S1\"]}")
                .andExpect(status().isOk());
        api(get("/api/cycles/" + cycle.id() + "/outliers"), null)
                .andExpect(jsonPath("$.published").value(true))
                .andExpect(jsonPath("$.indicators[*].standardId", contains("S2")));
    }

    @Test
    void thePolicyFormNamesTheStandardsAndRefusesWhatItCannotUse() throws Exception {
        Cycle cycle = fixture.cycle(AuditProcessFixture.uk(2030, 3, 4, 9));
        String form = PageText.words(page("/programmes/" + cycle.programmeCode() + "/outlier-policy"));
        assertThat(form).contains("Outlier policy", "S4: Before lithium was started", "Allow for over-dispersion");

        String refused = mvc.perform(post("/programmes/" + cycle.programmeCode() + "/outlier-policy")
                        .with(user("coordinator").roles("COORDINATOR")).with(csrf()).param("indicators", "S7"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("<title>Error: Outlier policy");
        assertThat(PageText.words(refused)).contains("lithium-monitoring has no standard S7");
    }

    private ResultActions api(MockHttpServletRequestBuilder request, String json) throws Exception {
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request.with(httpBasic(QipflowTest.USER, QipflowTest.PASSWORD)));
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user("coordinator").roles("COORDINATOR"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

}
