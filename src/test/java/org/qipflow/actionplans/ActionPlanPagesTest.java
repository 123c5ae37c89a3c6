package org.qipflow.actionplans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.qipflow.common.UkTime;
import org.qipflow.notification.Outbox;
import org.qipflow.notification.OutboxMessage;
import org.qipflow.programmes.Cycle;
import org.qipflow.support.AuditProcessFixture;
import org.qipflow.support.LithiumRecords;
import org.qipflow.support.OtherReaders;
import org.qipflow.support.PageText;
import org.qipflow.support.QipflowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The action plan as its people meet it: the lead signed in on the plan's page, the owners from the
 * links in their emails. A round in which the organisation measured serum levels in 4 of 10 records
 * (40%, short of S1).
 */
@QipflowTest
class ActionPlanPagesTest {

    private static final Pattern LINK = Pattern.compile("/action-links/([A-Za-z0-9_-]{43})");

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditProcessFixture audits;
    @Autowired
    Outbox outbox;
    @Autowired
    PlanRepository repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aLeadWritesAPlanWithTwoOwnersOneCompletesItByLinkAndTheOtherIsReassigned() throws Exception {
        Cycle cycle = audits.cycle(AuditProcessFixture.uk(2030, 3, 4, 9));
        for (String title : List.of("Lithium monitoring slides", "Serum level reminder cards")) {
            mvc.perform(post("/api/programmes/" + cycle.programmeCode() + "/interventions")
                    .contentType(MediaType.APPLICATION_JSON).with(httpBasic(QipflowTest.USER, QipflowTest.PASSWORD))
                    .content("{\"title\":\"" + title + "\",\"kind\":\"SLIDE_SET\",\"description\":\"For teams.\","
                            + "\"link\":\"https://www.example.nhs.uk/" + title.length() + "\",\"standards\":[\"S1\"]}"))
                    .andExpect(status().isCreated());
        }
        String code = audits.member("England");
        String other = audits.member("Wales");
        Map<String, String> csv = new LinkedHashMap<>();
        csv.put(code, LithiumRecords.csv(20, 8));
        csv.put(other, LithiumRecords.csv(40, 20));
        audits.publishWith(cycle, csv);
        String plan = "/my/plans/" + cycle.id() + "/" + code;

        MockHttpSession lead = signIn(code.toLowerCase() + "@nhs.example");
        assertThat(PageText.words(page("/my/tasks", lead))).contains("Write and follow your action plan Choose "
                + "interventions and plan an action for each standard fallen short of Not yet started");
        String page = PageText.words(page(plan, lead));
        assertThat(page).contains("Action plan", "Not yet submitted",
                "Lithium monitoring slides (for a standard you fell short of)", "S1: Serum lithium level measured");
        mvc.perform(get("/my/plans/" + cycle.id() + "/" + other).session(lead)).andExpect(status().isForbidden());
        mvc.perform(get("/my/sharing/" + cycle.id() + "/" + other).session(lead)).andExpect(status().isForbidden());

        // two interventions chosen
        List<Long> offered = interventionIds(page(plan, lead));
        assertThat(offered).hasSize(2);
        mvc.perform(post(plan + "/interventions").session(lead).with(csrf())
                .param("interventions", offered.get(0).toString(), offered.get(1).toString()))
                .andExpect(redirectedUrl(plan));

        // a bad action is refused field by field and nothing is stored
        String refused = PageText.words(mvc.perform(post(plan + "/actions").session(lead).with(csrf())
                        .param("standardId", "S1").param("description", "Weekly check").param("ownerName", "Ana")
                        .param("ownerEmail", "ana at nhs").param("dueOn", "31/2/2031").param("measure", "Share measured"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(refused).contains("There is a problem", "Enter an email address in the correct format",
                "'31/2/2031' is not a date: give it like 31/3/2031");
        assertThat(repository.find(repository.id(cycle.id(), code).orElseThrow()).orElseThrow().actions()).isEmpty();

        String due = LocalDate.now().plusDays(30).toString();
        for (String[] owner : List.of(new String[] {"Ana Owner", "ana@nhs.example"},
                new String[] {"Ben Owner", "ben@nhs.example"})) {
            mvc.perform(post(plan + "/actions").session(lead).with(csrf()).param("standardId", "S1")
                    .param("description", "Weekly serum level check by " + owner[0]).param("ownerName", owner[0])
                    .param("ownerEmail", owner[1]).param("dueOn", due).param("measure", "Share of records with a level"))
                    .andExpect(redirectedUrl(plan));
        }
        // the other standards fallen short of, if any, get an action too before the plan can go
        Plan written = repository.find(repository.id(cycle.id(), code).orElseThrow()).orElseThrow();
        mvc.perform(post(plan + "/submission").session(lead).with(csrf())).andExpect(redirectedUrl(plan));
        Plan submitted = repository.find(written.id()).orElseThrow();
        assertThat(submitted.status()).isEqualTo(Plan.Status.IN_PROGRESS);
        assertThat(submitted.interventionIds()).containsExactlyInAnyOrderElementsOf(offered);

        PlanAction ana = submitted.actions().get(0);
        PlanAction ben = submitted.actions().get(1);
        OutboxMessage toAna = mail("plan-action:" + ana.id(), "ana@nhs.example");
        assertThat(toAna.subject()).isEqualTo("An action for you: Trust " + code + ", " + cycle.title());
        assertThat(toAna.textBody()).contains("Weekly serum level check by Ana Owner", "Lead " + code);

        // a week before it is due, three weeks after her link went, Ana is reminded with a fresh link
        jdbc.update("update plan_action_event set taken_at = ? where action_id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofDays(21))), ana.id());
        fireActionTimer(submitted.id(), ana.id(), "Timer_ActionSoonDue");
        OutboxMessage reminder = mail("plan-action:" + ana.id(), "ana@nhs.example");
        assertThat(reminder.template()).isEqualTo("action-reminder");
        mvc.perform(get("/action-links/" + token(toAna))).andExpect(status().isGone());

        // Ana opens the reminder's link on her phone and marks it done
        String anaToken = token(reminder);
        assertThat(PageText.words(mvc.perform(get("/action-links/" + anaToken)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8))).contains("Your action",
                "Weekly serum level check by Ana Owner");
        mvc.perform(post("/action-links/" + anaToken).with(csrf()).param("status", "DONE")
                .param("note", "Checks run every Monday")).andExpect(status().isOk());
        mvc.perform(get("/action-links/" + anaToken)).andExpect(status().isGone());
        assertThat(mail("plan-action:" + ana.id(), code.toLowerCase() + "@nhs.example").subject())
                .contains("Ana Owner has marked the action done");

        // Ben's action is reassigned to Cat: Ben's link ends, Cat gets hers
        String benToken = token(mail("plan-action:" + ben.id(), "ben@nhs.example"));
        mvc.perform(post(plan + "/actions/" + ben.id() + "/owner").session(lead).with(csrf())
                .param("ownerName", "Cat Owner").param("ownerEmail", "cat@nhs.example")).andExpect(redirectedUrl(plan));
        mvc.perform(get("/action-links/" + benToken)).andExpect(status().isGone());
        // Ben's spent link offers a fresh one: it goes to the owner on record, Cat, never to whoever asks
        assertThat(PageText.words(mvc.perform(post("/action-links/" + benToken + "/new-link").with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)))
                .contains("A new link is on its way", "It has been emailed to the action's owner on record.");
        mvc.perform(get("/action-links/" + token(mail("plan-action:" + ben.id(), "cat@nhs.example"))))
                .andExpect(status().isOk());

        // progress on the lead's page, and the plan as it stands in Word, read by python-docx
        assertThat(PageText.words(page(plan, lead))).contains("In progress", "1 of 2 actions done",
                "From Ben Owner to Cat Owner");
        assertThat(PageText.words(page("/my/tasks", lead))).contains("Write and follow your action plan 1 of 2 actions "
                + "done In progress");
        byte[] docx = mvc.perform(get(plan + "/action-plan.docx").session(lead)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray();
        JsonNode rows = OtherReaders.docx(docx).at("/tables/0/rows");
        assertThat(rows.get(1).get(0).asText()).startsWith("S1: ");
        assertThat(rows.get(1).get(1).asText()).isEqualTo("40% (8 of 20)");
        assertThat(rows.get(1).get(3).asText()).isEqualTo("Weekly serum level check by Ana Owner (done)");
        assertThat(rows.get(2).get(4).asText()).isEqualTo("Cat Owner");

        // the lead shares the report with two teams: one at the lead's own email domain, one outside it, confirmed
        String sharing = "/my/sharing/" + cycle.id() + "/" + code;
        assertThat(PageText.words(page(plan.replace("/my/plans/", "/reports/"), lead)))
                .contains("Share this report with your teams");
        mvc.perform(post(sharing).session(lead).with(csrf()).param("team", "Ward 7").param("contactName", "Dee Contact")
                .param("contactEmail", "dee@nhs.example")).andExpect(redirectedUrl(sharing));
        assertThat(PageText.words(mvc.perform(post(sharing).session(lead).with(csrf()).param("team", "Community east")
                .param("contactName", "Eve Contact").param("contactEmail", "eve@trust.example")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))).contains("There is a problem",
                "eve@trust.example is not at nhs.example, your own email domain: tick the box to confirm it belongs to a "
                        + "team of your organisation");
        mvc.perform(post(sharing).session(lead).with(csrf()).param("team", "Community east")
                .param("contactName", "Eve Contact").param("contactEmail", "eve@trust.example").param("confirmed", "yes"))
                .andExpect(redirectedUrl(sharing));

        // Ward 7's contact reads the report from her link and says when and where the team discussed it
        String deeToken = reportToken("dee@nhs.example");
        assertThat(PageText.words(mvc.perform(get("/report-links/" + deeToken)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8))).contains("Results of " + cycle.title(),
                "has shared your organisation's report with Ward 7", "The team has discussed it",
                "Your organisation: 40% (8 of 20 records)");
        LocalDate today = LocalDate.now(UkTime.ZONE);
        String day = today.getDayOfMonth() + "/" + today.getMonthValue() + "/" + today.getYear();
        assertThat(PageText.words(mvc.perform(post("/report-links/" + deeToken).with(csrf()).param("discussedOn", day)
                .param("discussedWhere", "Team meeting")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8))).contains("Thank you", "Ward 7 discussed the report at Team "
                        + "meeting on " + today.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy")));
        assertThat(outbox.latest(50)).anySatisfy(m -> assertThat(m.subject()).isEqualTo("Ward 7 has discussed the report"));
        assertThat(PageText.words(page(sharing, lead))).contains("Ward 7 Dee Contact dee@nhs.example",
                "Discussed at Team meeting on", "Community east Eve Contact eve@trust.example");
        assertThat(PageText.words(page("/my/tasks", lead))).contains("Share the report with your teams Sent to 2 teams, "
                + "1 discussed it In progress");

        // the programme team's view: one submitted plan of two, both interventions chosen in it, Ana's done, the
        // report sent to two teams and discussed by one, named nowhere
        String uptake = PageText.words(mvc.perform(get("/cycles/" + cycle.id() + "/action-plans")
                .with(user("coordinator").roles("COORDINATOR"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(uptake).contains("1 of 2 organisations have submitted a plan.",
                "Lithium monitoring slides Slide set 1 of 1", "Trust " + code + " In progress 2 2 1 1 0 0 0 2 1",
                "Trust " + other + " Not yet submitted 0 0 0 0 0 0 0 0 0")
                .doesNotContain("Ward 7", "Dee Contact", "dee@nhs.example");
        mvc.perform(get("/cycles/" + cycle.id() + "/action-plans").session(lead)).andExpect(status().isForbidden());

        // the re-audit: S1 from 8 of 20 to 14 of 20 here, from 20 of 40 to 30 of 40 at the other organisation
        Cycle reaudit = audits.reaudit(cycle, AuditProcessFixture.uk(2031, 3, 3, 9));
        audits.publishWith(reaudit, Map.of(code, LithiumRecords.csv(20, 14), other, LithiumRecords.csv(40, 30)));
        String own = PageText.words(page("/reports/" + reaudit.id() + "/" + code, lead));
        assertThat(own).contains("5. What was done after the last round",
                "Change interventions used: Lithium monitoring slides; Serum level reminder cards. 1 of 2 actions done.",
                "S1: Serum lithium level measured in the past 3 months 40% (8 of 20) 70% (14 of 20) +30 points "
                        + "Weekly serum level check by Ana Owner (done) Weekly serum level check by Ben Owner (open)",
                "S2: Renal function (eGFR) measured in the past 6 months 100% (20 of 20) 100% (20 of 20) level None",
                "S4: Before lithium was started: renal function, thyroid function and weight or BMI measured – – – None");
        String otherAlias = audits.alias(reaudit.id(), other);
        assertThat(own).contains(otherAlias + " No plan submitted – 50% → 75% 100% → 100% 100% → 100% – → –");
        // the other organisation sees this one by its code in this round, its hidden share hidden
        MockHttpSession otherLead = signIn(other.toLowerCase() + "@nhs.example");
        String theirs = PageText.words(page("/reports/" + reaudit.id() + "/" + other, otherLead));
        assertThat(theirs).contains(audits.alias(reaudit.id(), code) + " Lithium monitoring slides; Serum level "
                + "reminder cards 1 of 2 actions done 40% → * 100% → 100% 100% → 100% – → –",
                "Your organisation submitted no action plan after the last round.")
                .doesNotContain("Weekly serum level check", "8 of 20", "14 of 20", "Trust " + code);
    }

    @Test
    void theUptakeCountsEachActionOnceAndEachInterventionWherePlansWereSubmitted() throws Exception {
        Cycle cycle = audits.cycle(AuditProcessFixture.uk(2030, 5, 6, 9));
        long[] interventions = new long[3];
        for (int i = 0; i < 3; i++) {
            String created = mvc.perform(post("/api/programmes/" + cycle.programmeCode() + "/interventions")
                    .contentType(MediaType.APPLICATION_JSON).with(httpBasic(QipflowTest.USER, QipflowTest.PASSWORD))
                    .content("{\"title\":\"Uptake " + (char) ('A' + i) + "\",\"kind\":\"SERVICE_USER_LEAFLET\","
                            + "\"description\":\"For service users.\",\"link\":\"https://www.example.nhs.uk/u" + i
                            + "\",\"standards\":[\"S1\"]}"))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            interventions[i] = JsonPath.<Number>read(created, "$.id").longValue();
        }
        String first = audits.member("England");
        String second = audits.member("England");
        audits.publishWith(cycle, Map.of(first, LithiumRecords.csv(10, 4), second, LithiumRecords.csv(10, 5)));
        long firstPlan = repository.id(cycle.id(), first).orElseThrow();
        long secondPlan = repository.id(cycle.id(), second).orElseThrow();
        Instant now = java.time.Instant.now();
        LocalDate today = LocalDate.now(UkTime.ZONE);
        // the first: submitted with A and B; actions done, open, overdue, blocked past due and dropped
        repository.chooseInterventions(firstPlan, List.of(interventions[0], interventions[1]));
        for (PlanAction.Status status : PlanAction.Status.values()) {
            long action = repository.insertAction(firstPlan, "S1", "Action " + status, "Owner", "owner@nhs.example",
                    today.plusDays(7), "Share", now);
            repository.actionStatus(action, status, null, null);
        }
        repository.actionStatus(repository.insertAction(firstPlan, "S1", "Late", "Owner", "owner@nhs.example",
                today.minusDays(1), "Share", now), PlanAction.Status.OPEN, null, null);
        repository.actionStatus(repository.insertAction(firstPlan, "S1", "Late and blocked", "Owner",
                "owner@nhs.example", today.minusDays(1), "Share", now), PlanAction.Status.BLOCKED, "No staff", null);
        repository.status(firstPlan, Plan.Status.IN_PROGRESS, now);
        // the second: A chosen, but not yet submitted, so it does not count as uptake
        repository.chooseInterventions(secondPlan, List.of(interventions[0]));

        String json = mvc.perform(get("/api/cycles/" + cycle.id() + "/action-plans")
                .with(httpBasic(QipflowTest.USER, QipflowTest.PASSWORD))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(JsonPath.<Integer>read(json, "$.plans")).isEqualTo(2);
        assertThat(JsonPath.<Integer>read(json, "$.submitted")).isEqualTo(1);
        assertThat(JsonPath.<List<String>>read(json, "$.interventions[*].title"))
                .containsExactly("Uptake A", "Uptake B", "Uptake C");
        assertThat(JsonPath.<List<Integer>>read(json, "$.interventions[*].organisations"))
                .containsExactly(1, 1, 0);
        Map<String, Object> firstRow = JsonPath.<List<Map<String, Object>>>read(json,
                "$.organisations[?(@.organisationCode == '" + first + "')]").get(0);
        assertThat(firstRow).containsEntry("status", "IN_PROGRESS").containsEntry("interventions", 2)
                .containsEntry("actions", 6).containsEntry("done", 1).containsEntry("open", 1)
                .containsEntry("overdue", 1).containsEntry("blocked", 2).containsEntry("dropped", 1)
                .containsEntry("report", Map.of("teams", 0, "acknowledged", 0));
    }

    private void fireActionTimer(long planId, long actionId, String timer) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(ActionPlanProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(planId)).singleResult();
        Job job = management.createJobQuery().processInstanceId(instance.getId()).activityId(timer).timers().list()
                .stream().filter(j -> ((Number) runtime.getVariable(j.getExecutionId(), ActionPlanProcess.ACTION_ID))
                        .longValue() == actionId).findFirst().orElseThrow();
        management.executeJob(job.getId());
    }

    /** The link in the latest report-sharing email to this address. */
    private String reportToken(String recipient) {
        Matcher link = Pattern.compile("/report-links/([A-Za-z0-9_-]{43})").matcher(outbox.latest(50).stream()
                .filter(m -> m.template().equals("report-shared") && m.recipient().equals(recipient)).findFirst()
                .map(outbox::withWorkingLinks).orElseThrow().textBody());
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    private List<Long> interventionIds(String html) {
        Matcher m = Pattern.compile("<input[^>]*name=\"interventions\"[^>]*value=\"(\\d+)\"").matcher(html);
        List<Long> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    private OutboxMessage mail(String reference, String recipient) {
        return outbox.about(List.of(reference)).stream().map(outbox::withWorkingLinks)
                .filter(m -> m.recipient().equalsIgnoreCase(recipient)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("No email to " + recipient + " about " + reference));
    }

    private static String token(OutboxMessage mail) {
        Matcher link = LINK.matcher(mail.textBody());
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    private MockHttpSession signIn(String email) throws Exception {
        mvc.perform(post("/leads/sign-in").param("email", email).with(csrf())).andExpect(status().isOk());
        String text = outbox.latest(500).stream()
                .filter(m -> m.template().equals("lead-sign-in") && m.recipient().equalsIgnoreCase(email))
                .findFirst().map(outbox::withWorkingLinks).orElseThrow().textBody();
        String line = text.lines().filter(l -> l.contains("/leads/sign-in/")).findFirst().orElseThrow().trim();
        return (MockHttpSession) mvc.perform(post(line.substring(line.indexOf("/leads/sign-in/"))).with(csrf()))
                .andExpect(redirectedUrl("/my/tasks")).andReturn().getRequest().getSession(false);
    }

    private String page(String path, MockHttpSession session) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
