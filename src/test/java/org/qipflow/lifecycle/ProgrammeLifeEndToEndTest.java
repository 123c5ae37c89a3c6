package org.qipflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.qipflow.common.UkTime;
import org.qipflow.notification.Outbox;
import org.qipflow.notification.OutboxMessage;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleService;
import org.qipflow.support.AuditProcessFixture;
import org.qipflow.support.LithiumRecords;
import org.qipflow.support.PageText;
import org.qipflow.support.QipflowTest;
import org.qipflow.topics.Criterion;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A QIP's whole life through its pages and API: a topic proposed on the public page, its address
 * confirmed from the email, screened and adopted; the draft programme given its definition; a baseline
 * and a re-audit run to published reports (collection already over, so every step can run); a supplementary
 * audit joined by an organisation new to the programme; the trend in a report and on the programme's
 * page and API; the programme closed. A second topic is declined and its proposer told why.
 *
 * <pre>
 * S1 (serum lithium measured), records meeting it of 4 per organisation:
 *                      A     B     C     D     all organisations
 *   baseline (1)       2     3     1     –     6/12 = 50%
 *   re-audit (2)       3     4     2     –     9/12 = 75%        +25 points from previous and baseline
 *   supplementary (3)  4     –     –     1     5/8  = 62.5%      -12.5 -> -13 points from previous,
 *                                                                +12.5 -> +13 points from baseline
 * A: 50% -> 75% -> 100%: +25 points from the previous round, +50 points from the baseline.
 * S2 (renal function) is met by every record: 100% in every round, level.
 * </pre>
 */
@QipflowTest
class ProgrammeLifeEndToEndTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final RequestPostProcessor COORDINATOR = user("coordinator").roles("COORDINATOR");

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditProcessFixture fixture;
    @Autowired
    Outbox outbox;
    @Autowired
    CycleService cycles;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    ObjectMapper json;

    @Test
    void aTopicBecomesAProgrammeThatRunsItsBaselineReauditAndSupplementaryAuditToTheirReports() throws Exception {
        String a = fixture.member("England");
        String b = fixture.member("Wales");
        String c = fixture.member("Scotland");
        String d = fixture.member("England");
        String code = "QIP-LIFE" + SEQUENCE.incrementAndGet();

        long topic = proposeAndConfirm("Lithium monitoring in primary care " + code, a, "adopt@nhs.example");
        Map<String, String> decision = scores();
        decision.put("decision", "ADOPT");
        decision.put("programmeCode", code);
        decision.put("programmeTitle", "Monitoring of lithium");
        mvc.perform(form(post("/topics/" + topic), decision).with(COORDINATOR)).andExpect(status().is3xxRedirection());
        assertThat(page("/programmes/" + code)).contains("Draft: its baseline is still to be scheduled",
                "Nomination and screening", "scored 16 of 16 against the eight criteria",
                "Attach the audit definition its rounds will use, then schedule the baseline audit.");

        mvc.perform(post("/programmes/" + code + "/definition").with(COORDINATOR).with(csrf())
                .param("auditDefinition", "lithium-monitoring")).andExpect(redirectedUrl("/programmes/" + code));
        mvc.perform(post("/programmes/" + code + "/cycles").with(COORDINATOR).with(csrf()).param("kind", "BASELINE")
                .param("dataCollectionStart", weeksAgo(7))).andExpect(redirectedUrlPattern("/cycles/*"));
        Cycle baseline = cycles.cyclesOf(code).get(0);
        fixture.publishWith(baseline, Map.of(a, LithiumRecords.csv(4, 2), b, LithiumRecords.csv(4, 3), c, LithiumRecords.csv(4, 1)));

        // the intervention period is over when its timer fires: the coordinator is asked for the next round
        assertThat(history(code).get("stage").asText()).isEqualTo("INTERVENTION_PERIOD");
        fireInterventionTimer(code);
        JsonNode due = history(code);
        assertThat(due.get("stage").asText()).isEqualTo("NEXT_ROUND_DUE");
        assertThat(due.at("/next/proposedMilestones/dataCollectionStart").asText()).matches(".*T09:00(Z|\\+01:00)");
        assertThat(page("/programmes/" + code)).contains("Next round due", "Next round (proposed)",
                "Tentative until the round is scheduled.");

        String created = mvc.perform(post("/api/programmes/" + code + "/cycles").with(COORDINATOR)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"REAUDIT\",\"dataCollectionStart\":\"" + weeksAgo(6) + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        Cycle reaudit = cycles.get(json.readTree(created).get("id").asLong());
        fixture.publishWith(reaudit, Map.of(a, LithiumRecords.csv(4, 3), b, LithiumRecords.csv(4, 4), c, LithiumRecords.csv(4, 2)));

        // scheduled before the intervention period is over; open to an organisation new to the programme
        mvc.perform(post("/programmes/" + code + "/cycles").with(COORDINATOR).with(csrf()).param("kind", "SUPPLEMENTARY")
                .param("dataCollectionStart", weeksAgo(5))).andExpect(redirectedUrlPattern("/cycles/*"));
        Cycle supplementary = cycles.cyclesOf(code).get(2);
        Map<String, String> last = new LinkedHashMap<>();
        last.put(a, LithiumRecords.csv(4, 4));
        last.put(d, LithiumRecords.csv(4, 1));
        String reportLink = fixture.publishWith(supplementary, last).get(a);

        String report = PageText.words(mvc.perform(get(reportLink)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(report).contains("Baseline audit (round 1) 50% – – ", "Re-audit (round 2) 75% +25 points +25 points ",
                "Supplementary audit (round 3), this report 100% +25 points +50 points ",
                "Change in this round: yours +25 points from the previous round and +50 points from the baseline");

        JsonNode life = history(code);
        assertThat(life.get("stage").asText()).isEqualTo("INTERVENTION_PERIOD");
        assertThat(life.at("/nomination/points").asInt()).isEqualTo(16);
        assertThat(life.at("/nomination/topicId").asLong()).isEqualTo(topic);
        List<String> rounds = new ArrayList<>();
        for (JsonNode round : life.get("rounds")) {
            JsonNode s1 = round.get("results").get(0);
            JsonNode s2 = round.get("results").get(1);
            rounds.add(round.get("kind").asText() + " " + round.get("organisations").asInt() + " took part, "
                    + round.get("submitted").asInt() + " submitted, " + round.get("newToProgramme").asInt() + " new; "
                    + s1.get("standardId").asText() + " " + s1.get("numerator").asInt() + "/" + s1.get("denominator").asInt()
                    + " " + s1.get("percent").asText() + " " + s1.get("changeFromPrevious").asText() + ", "
                    + s1.get("changeFromBaseline").asText() + "; S2 " + s2.get("percent").asText() + " "
                    + s2.get("changeFromPrevious").asText());
        }
        assertThat(rounds).containsExactly(
                "BASELINE 3 took part, 3 submitted, 0 new; S1 6/12 50% –, –; S2 100% –",
                "REAUDIT 3 took part, 3 submitted, 0 new; S1 9/12 75% +25 points, +25 points; S2 100% level",
                "SUPPLEMENTARY 2 took part, 2 submitted, 1 new; S1 5/8 63% -13 points, +13 points; S2 100% level");
        assertThat(life.at("/rounds/2/results/0/pointsFromPrevious").asLong()).isEqualTo(-13);
        assertThat(PageText.words(page("/programmes/" + code))).contains(
                "S1: Serum lithium level measured in the past 3 months 63% (5 of 8) -13 points +13 points",
                "2 organisations, 2 submitted; 1 new to the programme");

        mvc.perform(post("/programmes/" + code + "/closure").with(COORDINATOR).with(csrf()))
                .andExpect(redirectedUrl("/programmes/" + code));
        assertThat(history(code).get("stage").asText()).isEqualTo("CLOSED");
        assertThat(page("/programmes/" + code)).contains("Closed on ").doesNotContain("Schedule the next round");
    }

    @Test
    void aDeclinedTopicsProposerIsToldWhy() throws Exception {
        long topic = proposeAndConfirm("Antipsychotic polypharmacy in older adults " + SEQUENCE.incrementAndGet(),
                fixture.member("England"), "decline@nhs.example");
        Map<String, String> decision = scores();
        decision.put("decision", "DECLINE");
        decision.put("reasons", "The national audit of dementia already covers this prescribing.");
        mvc.perform(form(post("/topics/" + topic), decision).with(COORDINATOR)).andExpect(status().is3xxRedirection());

        OutboxMessage told = mails(topic).stream().filter(m -> m.template().equals("topic-declined")).findFirst()
                .orElseThrow();
        assertThat(told.recipient()).isEqualTo("decline@nhs.example");
        assertThat(told.textBody()).contains("The national audit of dementia already covers this prescribing.",
                Criterion.values()[0].label());
    }

    /**
     * A data-collection start that long ago: materials sent and collection over, submission still open
     * for organisations to join and submit; the rounds' closing timers are then fired, as their dates
     * would.
     */
    private static String weeksAgo(int weeks) {
        return LocalDate.now(UkTime.ZONE).minusWeeks(weeks).toString();
    }

    /** Proposed from the public page, the address confirmed from the emailed link; the topic's id. */
    private long proposeAndConfirm(String title, String organisation, String email) throws Exception {
        mvc.perform(post("/topics/propose").with(csrf()).param("title", title)
                .param("problem", "Monitoring is missed after discharge.").param("niceGuidance", "CG185")
                .param("whyNow", "Shared care is growing.").param("proposerName", "Sam Proposer")
                .param("proposerOrganisation", organisation).param("proposerEmail", email).param("website", ""))
                .andExpect(redirectedUrl("/topics/propose"));
        long id = awaitingConfirmation(title);
        String body = mails(id).stream().filter(m -> m.template().equals("topic-confirm-address")).findFirst()
                .orElseThrow().textBody();
        String link = body.substring(body.indexOf("/topics/links/"), body.indexOf("/topics/links/") + 14 + 43);
        mvc.perform(post(link + "/confirm").with(csrf())).andExpect(status().isOk());
        return id;
    }

    /** A topic waiting for its address is not in the screening list yet: found by its email instead. */
    private long awaitingConfirmation(String title) {
        return outbox.latest(50).stream().filter(m -> m.template().equals("topic-confirm-address")
                        && m.textBody().contains(title)).findFirst()
                .map(m -> Long.parseLong(m.reference().substring("topic:".length()))).orElseThrow();
    }

    private List<OutboxMessage> mails(long topicId) {
        return outbox.about(List.of("topic:" + topicId)).stream().map(outbox::withWorkingLinks).toList();
    }

    /** Every criterion met, each with a note. */
    private static Map<String, String> scores() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("action", "decide");
        for (Criterion criterion : Criterion.values()) {
            form.put(criterion.scoreField(), "MET");
            form.put(criterion.noteField(), "Clear case: " + criterion.label());
        }
        return form;
    }

    private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, Map<String, String> form) {
        form.forEach(request::param);
        return request.with(csrf());
    }

    private void fireInterventionTimer(String code) {
        String instance = runtime.createProcessInstanceQuery().processDefinitionKey(ProgrammeProcess.KEY)
                .processInstanceBusinessKey(code).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(instance)
                .activityId(ProgrammeProcess.INTERVENTION_TIMER).singleResult().getId());
    }

    private JsonNode history(String code) throws Exception {
        return json.readTree(mvc.perform(get("/api/programmes/" + code).with(COORDINATOR)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(COORDINATOR)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

}
