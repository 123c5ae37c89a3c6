package org.qipflow.leadaccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qipflow.notification.OutboxMessage;
import org.qipflow.participation.FreshLinkRequests;
import org.qipflow.participation.FreshLinks;
import org.qipflow.participation.LeadActions;
import org.qipflow.participation.LeadLink;
import org.qipflow.participation.LeadTask;
import org.qipflow.participation.LeadTasks;
import org.qipflow.participation.ParticipantStatus;
import org.qipflow.participation.ParticipationService;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleKind;
import org.qipflow.programmes.CycleService;
import org.qipflow.support.AuditProcessFixture;
import org.qipflow.support.QipflowTest;
import org.qipflow.tasklink.TaskLinks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** Local leads' pages, reached without an account from the links in their emails. */
@QipflowTest
class LeadTaskPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditProcessFixture fixture;
    @Autowired
    ParticipationService participation;
    @Autowired
    LeadTasks leadTasks;
    @Autowired
    FreshLinkRequests freshLinks;
    @Autowired
    LeadActions leadActions;
    @Autowired
    TaskLinks links;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    CycleService cycles;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    Cycle cycle;
    String org;
    String confirmPath;

    @BeforeEach
    void materialsSent() {
        cycle = fixture.cycle(AuditProcessFixture.uk(2030, 3, 4, 9));
        org = fixture.member("Northern Ireland");
        participation.join(cycle.id(), org);
        fixture.fire(fixture.participation(cycle.id(), org), "Timer_MaterialsDispatch");
        String link = fixture.mails(cycle.id(), org).get(0).textBody().lines()
                .filter(l -> l.contains("/tasks/")).findFirst().orElseThrow().trim();
        confirmPath = link.substring(link.indexOf("/tasks/"));
    }

    @Test
    void aReauditsConfirmationProposesTheTeamsOfTheOrganisationsLastRound() throws Exception {
        mvc.perform(get(confirmPath)).andExpect(content().string(allOf(
                not(containsString("registered in the last round")), containsString("></textarea>"))));
        leadActions.confirm(cycle.id(), org, true, List.of("T01, WARD-3"));
        Cycle reaudit = cycles.schedule(cycle.programmeCode(), CycleKind.REAUDIT, AuditProcessFixture.uk(2031, 3, 3, 9),
                Map.of());
        participation.join(reaudit.id(), org);
        fixture.fire(fixture.participation(reaudit.id(), org), "Timer_MaterialsDispatch");
        String link = fixture.mails(reaudit.id(), org).get(0).textBody().lines()
                .filter(l -> l.contains("/tasks/")).findFirst().orElseThrow().trim();

        mvc.perform(get(link.substring(link.indexOf("/tasks/")))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("registered in the last round"),
                        containsString(">T01, WARD-3</textarea>"))));
    }

    /** Thymeleaf adds the form's CSRF token from th:action; a second, hand-written one would be sent twice. */
    @Test
    void theConfirmationFormCarriesItsCsrfTokenOnce() throws Exception {
        String page = mvc.perform(get(confirmPath)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        String form = page.substring(page.indexOf("/confirm\""), page.indexOf("</form>", page.indexOf("/confirm\"")));
        assertThat(form.split("name=\"_csrf\"", -1)).hasSize(2);
    }

    @Test
    void openingTheLinkShowsTheTaskAndChangesNothing() throws Exception {
        mvc.perform(get(confirmPath)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Is your organisation taking part?"),
                        containsString(cycle.title()), containsString("Trust " + org))));
        mvc.perform(get(confirmPath)).andExpect(status().isOk());

        assertThat(participation.participant(cycle.id(), org).status()).isEqualTo(ParticipantStatus.INVITED);
        assertThat(leadTasks.isOpen(cycle.id(), org, LeadTask.CONFIRM_PARTICIPATION)).isTrue();
    }

    @Test
    void aPostWithoutTheFormsTokenIsRefused() throws Exception {
        mvc.perform(post(confirmPath + "/confirm").param("takingPart", "true").param("teams", "T01"))
                .andExpect(status().isForbidden());
        assertThat(participation.participant(cycle.id(), org).status()).isEqualTo(ParticipantStatus.INVITED);
    }

    @Test
    void aMissingAnswerIsShownInTheErrorSummary() throws Exception {
        mvc.perform(post(confirmPath + "/confirm").with(csrf()).param("teams", "T01"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("govuk-error-summary"),
                        containsString("href=\"#takingPart\""), containsString("Say whether your organisation is taking part"))));
        mvc.perform(post(confirmPath + "/confirm").with(csrf()).param("takingPart", "true").param("teams", "Ward 7"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("href=\"#teams\""), containsString("not a team code"))));
    }

    @Test
    void confirmingUsesUpTheLinkAndASecondPostChangesNothing() throws Exception {
        mvc.perform(post(confirmPath + "/confirm").with(csrf()).param("takingPart", "true").param("teams", "T01\nT02"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("T01, T02")));

        mvc.perform(post(confirmPath + "/confirm").with(csrf()).param("takingPart", "false"))
                .andExpect(status().isGone()).andExpect(content().string(containsString("This link has been used")));
        mvc.perform(get(confirmPath)).andExpect(status().isGone());
        assertThat(participation.participant(cycle.id(), org).status()).isEqualTo(ParticipantStatus.CONFIRMED);
    }

    @Test
    void anUnknownMistypedOrTruncatedLinkAsksForTheOrganisationAndSaysWhatWasSent() throws Exception {
        String ask = "Email fresh links to our local lead";
        String mistyped = confirmPath.substring(0, confirmPath.length() - 1) + (confirmPath.endsWith("A") ? "B" : "A");
        for (String path : List.of("/tasks/" + "x".repeat(43), "/tasks/short", confirmPath.substring(0, 30),
                mistyped, mistyped + "/records/new")) {
            mvc.perform(get(path)).andExpect(status().isNotFound())
                    .andExpect(content().string(allOf(containsString("Link not recognised"), containsString(ask))));
        }
        mvc.perform(get("/tasks/")).andExpect(status().isOk()).andExpect(content().string(containsString(ask)));
        mvc.perform(get(confirmPath + ").")).andExpect(redirectedUrl(confirmPath));   // punctuation after the link
        mvc.perform(post("/tasks/" + "x".repeat(43) + "/new-link").with(csrf()))
                .andExpect(content().string(allOf(containsString(ask), not(containsString("Check your email")))));

        mvc.perform(post("/tasks/new-link").with(csrf()).param("organisationCode", "NOPE7"))
                .andExpect(status().isBadRequest()).andExpect(content().string(allOf(
                        containsString("No member organisation has the code NOPE7"), containsString("href=\"#organisationCode\""),
                        not(containsString("Check your email")))));
        assertThat(freshLinksTo(org)).isEmpty();

        mvc.perform(post("/tasks/new-link").with(csrf()).param("organisationCode", org.toLowerCase()))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("Check your email"),
                        containsString("We have emailed fresh links"))));
        assertThat(freshLinksTo(org)).singleElement().satisfies(m -> assertThat(m.textBody()).contains("/tasks/", cycle.title()));
        mvc.perform(post("/tasks/new-link").with(csrf()).param("organisationCode", org))
                .andExpect(content().string(containsString("less than an hour ago")));
        assertThat(freshLinksTo(org)).hasSize(1);

        String idle = fixture.member("England");                                      // a member with nothing open
        mvc.perform(post("/tasks/new-link").with(csrf()).param("organisationCode", idle))
                .andExpect(content().string(allOf(containsString("We have not sent an email"),
                        not(containsString("Check your email")))));
        assertThat(fixture.outboxLatest()).noneMatch(m -> m.recipient().startsWith(idle.toLowerCase()));
    }

    @Test
    void aDownloadThroughALinkThatNoLongerWorksShowsTheLinksPage() throws Exception {
        mvc.perform(get("/tasks/" + "x".repeat(43) + "/results.pdf")).andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/tasks/" + "x".repeat(43)));
        // a confirmation link cannot fetch results, though it opens the audit materials
        mvc.perform(get(confirmPath + "/results.pdf")).andExpect(redirectedUrl(confirmPath));
        mvc.perform(get(confirmPath + "/template.xlsx")).andExpect(status().isOk());
    }

    @Test
    void aPreviousLeadsLinkStopsWorkingWhenTheLeadChanges() throws Exception {
        fixture.changeLead(org, org.toLowerCase() + "@nhs.example");     // the same person, a corrected name
        mvc.perform(get(confirmPath)).andExpect(status().isOk());

        fixture.changeLead(org, "successor@nhs.example");

        mvc.perform(get(confirmPath)).andExpect(status().isGone())
                .andExpect(content().string(containsString("This link has been used")));
        mvc.perform(post(confirmPath + "/confirm").with(csrf()).param("takingPart", "true").param("teams", "T01"))
                .andExpect(status().isGone());
        assertThat(participation.participant(cycle.id(), org).status()).isEqualTo(ParticipantStatus.INVITED);
    }

    private List<OutboxMessage> freshLinksTo(String organisationCode) {
        return fixture.outboxLatest().stream().filter(m -> m.template().equals("fresh-links")
                && m.recipient().equals(organisationCode.toLowerCase() + "@nhs.example")).toList();
    }

    @Test
    void anExpiredLinkSaysSoAndCanSendFreshOnes() throws Exception {
        String token = transactions.execute(status -> links.issue(org, LeadLink.subject(cycle.id()),
                LeadTask.CONFIRM_PARTICIPATION.name(), Duration.ofSeconds(-1)));

        mvc.perform(get("/tasks/" + token)).andExpect(status().isGone())
                .andExpect(content().string(containsString("This link has expired")));
        mvc.perform(post("/tasks/" + token + "/confirm").with(csrf()).param("takingPart", "true").param("teams", "T01"))
                .andExpect(status().isGone());
        mvc.perform(post("/tasks/" + token + "/new-link").with(csrf()))
                .andExpect(content().string(containsString("We have emailed fresh links")));
        assertThat(participation.participant(cycle.id(), org).status()).isEqualTo(ParticipantStatus.INVITED);
        assertThat(freshLinksTo(org)).as("fresh links went to the lead on record").hasSize(1);

        mvc.perform(post("/tasks/" + token + "/new-link").with(csrf()));
        assertThat(freshLinksTo(org)).as("at most one such email an hour").hasSize(1);
    }

    @Test
    void theDatabaseHoldsNoWorkingLinkAndOnlyTheLatestLinkForATaskWorks() throws Exception {
        mvc.perform(post("/leads/sign-in").with(csrf()).param("email", org.toLowerCase() + "@nhs.example"))
                .andExpect(status().isOk());
        List<String> stored = jdbc.queryForList("select text_body || html_body from outbox_message", String.class);
        assertThat(stored).isNotEmpty().noneMatch(body -> body.matches(
                "(?s).*/(tasks|leads/sign-in|topics/links|outlier-links)/[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-]).*"));
        assertThat(stored).anyMatch(body -> body.contains("/tasks/~")).anyMatch(body -> body.contains("/leads/sign-in/~"));
        assertThat(jdbc.queryForObject("select max(datediff('SECOND', created_at, expires_at)) from task_link",
                Long.class)).as("no link lives longer than 30 days")
                .isLessThanOrEqualTo(Duration.ofDays(30).toSeconds());

        mvc.perform(get(confirmPath)).andExpect(status().isOk());
        mvc.perform(post("/tasks/new-link").with(csrf()).param("organisationCode", org)).andExpect(status().isOk());
        String fresh = freshLinksTo(org).get(0).textBody().lines().filter(l -> l.contains("/tasks/")).findFirst()
                .orElseThrow().trim();
        mvc.perform(get(confirmPath)).andExpect(status().isGone())
                .andExpect(content().string(containsString("A newer link has been sent")));
        mvc.perform(post(confirmPath + "/confirm").with(csrf()).param("takingPart", "true").param("teams", "T01"))
                .andExpect(status().isGone());
        mvc.perform(get(fresh.substring(fresh.indexOf("/tasks/")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Is your organisation taking part?")));
        assertThat(participation.participant(cycle.id(), org).status()).isEqualTo(ParticipantStatus.INVITED);
    }

    @Test
    void aSignInLinkOpenedAsATaskLinkIsNotRecognised() throws Exception {
        String token = transactions.execute(status -> links.issue(org, "lead:" + org.toLowerCase() + "@nhs.example",
                "SIGN_IN", Duration.ofMinutes(30)));
        mvc.perform(get("/tasks/" + token)).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Link not recognised")));
        mvc.perform(post("/tasks/" + token + "/confirm").with(csrf()).param("takingPart", "false"))
                .andExpect(status().isNotFound());
        assertThat(participation.participant(cycle.id(), org).status()).isEqualTo(ParticipantStatus.INVITED);
    }

    @Test
    void twoIdenticalNewLinkRequestsAtOnceSendOneEmailAndBothGetAnAnswer() throws Exception {
        // the first request's transaction is still open when the second arrives: neither has seen the
        // other's email, and the second waits on the first's row until it commits
        CountDownLatch firstWrote = new CountDownLatch(1);
        CompletableFuture<org.springframework.mock.web.MockHttpServletResponse> second =
                new CompletableFuture<>();
        Thread other = new Thread(() -> {
            try {
                firstWrote.await();
                second.complete(mvc.perform(post("/tasks/new-link").with(csrf()).param("organisationCode", org))
                        .andReturn().getResponse());
            } catch (Exception e) {
                second.completeExceptionally(e);
            }
        });
        other.start();
        FreshLinks first = transactions.execute(status -> {
            FreshLinks outcome = freshLinks.send(org);
            firstWrote.countDown();
            sleep(700);
            return outcome;
        });

        var answer = second.get(30, TimeUnit.SECONDS);
        assertThat(first).isEqualTo(FreshLinks.SENT);
        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(answer.getContentAsString()).contains("less than an hour ago");
        assertThat(freshLinksTo(org)).hasSize(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
