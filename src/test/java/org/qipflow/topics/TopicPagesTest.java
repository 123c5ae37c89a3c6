package org.qipflow.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.qipflow.security.LeadPrincipal;
import org.qipflow.support.QipflowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Proposing a topic on the public page, the proposer's links, the coordinator's screening and members' votes. */
@QipflowTest
class TopicPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TopicFixture fixture;
    @Autowired
    TopicScreening screening;

    @Test
    void aProposalWithProblemsNamesEachFieldAndStoresNothing() throws Exception {
        mvc.perform(get("/topics/propose")).andExpect(status().isOk());
        TopicProposal bad = new TopicProposal(" ", "A problem", "", "Now", "Pat", "NOPE", "not-an-address", "");
        String page = mvc.perform(propose(bad)).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("<title>Error: Propose a topic", "href=\"#title\"", "href=\"#niceGuidance\"",
                "href=\"#proposerOrganisation\"", "Choose your organisation from the list", "href=\"#proposerEmail\"", ">A problem</textarea>");
        assertThat(page).doesNotContain("href=\"#problem\"", "href=\"#whyNow\"");
        assertThat(fixture.topics.withStatus(List.of(TopicStatus.AWAITING_CONFIRMATION)))
                .noneMatch(t -> t.proposerEmail().equals("not-an-address"));
    }

    @Test
    void aProposalIsConfirmedFromItsLinkAndListedPubliclyWithoutItsProposer() throws Exception {
        TopicProposal proposal = fixture.proposal("pat.proposer@nhs.example");
        mvc.perform(propose(proposal)).andExpect(redirectedUrl("/topics/propose"));
        Topic topic = fixture.topics.withStatus(List.of(TopicStatus.AWAITING_CONFIRMATION)).stream()
                .filter(t -> t.title().equals(proposal.title())).findFirst().orElseThrow();
        String link = "/topics/links/" + fixture.token(topic.id(), "topic-confirm-address");
        assertThat(mvc.perform(get("/topics")).andReturn().getResponse().getContentAsString())
                .doesNotContain(proposal.title());

        mvc.perform(get(link)).andExpect(status().isOk());          // a mail scanner opening it confirms nothing
        assertThat(fixture.get(topic.id()).status()).isEqualTo(TopicStatus.AWAITING_CONFIRMATION);
        mvc.perform(post(link + "/confirm")).andExpect(status().isForbidden());   // no CSRF token
        mvc.perform(post(link + "/confirm").with(csrf())).andExpect(status().isOk());
        mvc.perform(post(link + "/confirm").with(csrf())).andExpect(status().isGone());
        mvc.perform(get(link)).andExpect(status().isGone());
        mvc.perform(get("/topics/links/" + "x".repeat(43))).andExpect(status().isNotFound());

        String list = mvc.perform(get("/topics")).andReturn().getResponse().getContentAsString();
        assertThat(list).contains(proposal.title(), "Under consideration")
                .doesNotContain("Pat Proposer", "pat.proposer@nhs.example");
    }

    @Test
    void aProgramFillingTheHiddenFieldIsToldToCheckItsEmailAndNothingIsStoredOrSent() throws Exception {
        TopicProposal spam = fixture.proposal("bot@spam.example");
        TopicProposal withHoneypot = new TopicProposal(spam.title(), spam.problem(), spam.niceGuidance(), spam.whyNow(),
                spam.proposerName(), spam.proposerOrganisation(), spam.proposerEmail(), "http://spam.example");
        mvc.perform(propose(withHoneypot)).andExpect(redirectedUrl("/topics/propose"));
        assertThat(fixture.topics.proposedSince("bot@spam.example", Instant.EPOCH)).isZero();
    }

    @Test
    void oneAddressProposesAtMostThreeTopicsADay() throws Exception {
        for (int i = 0; i < TopicProposals.MOST_PER_ADDRESS; i++) {
            mvc.perform(propose(fixture.proposal("keen@nhs.example"))).andExpect(redirectedUrl("/topics/propose"));
        }
        String page = mvc.perform(propose(fixture.proposal("KEEN@nhs.example"))).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("href=\"#proposerEmail\"", "has proposed 3 topics in the past day");
    }

    @Test
    void theScreeningPagesNeedACoordinatorAndNameEachProblemOfADecision() throws Exception {
        Topic topic = confirmed("screened@nhs.example");
        mvc.perform(get("/topics/review").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/topics/" + topic.id()).accept(MediaType.TEXT_HTML))
                .andExpect(redirectedUrlPattern("**/login"));
        RequestPostProcessor coordinator = user("coordinator").roles("COORDINATOR");

        String review = mvc.perform(get("/topics/review").with(coordinator)).andReturn().getResponse()
                .getContentAsString();
        assertThat(review).contains(topic.title(), "0 of 16 (0 of 8 scored)");

        String page = mvc.perform(post("/topics/" + topic.id()).with(coordinator).with(csrf())
                        .param("action", "decide").param("decision", "ADOPT").param("score.NICE_GUIDANCE", "MET")
                        .param("programmeCode", "").param("programmeTitle", topic.title()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("href=\"#programmeCode\"", "href=\"#score-COST_VOLUME_RISK\"",
                "Score &quot;High cost, volume or risk&quot; before deciding");
        assertThat(input(page, "score-NICE_GUIDANCE-3")).contains("value=\"MET\"", "checked");

        mvc.perform(post("/topics/" + topic.id()).with(coordinator).with(csrf()).param("action", "save")
                .param("score.NICE_GUIDANCE", "MET").param("note.NICE_GUIDANCE", "NG181 applies"))
                .andExpect(redirectedUrl("/topics/" + topic.id()));
        assertThat(mvc.perform(get("/topics/review").with(coordinator)).andReturn().getResponse().getContentAsString())
                .contains("2 of 16 (1 of 8 scored)");
    }

    @Test
    void aTopicDeclinedFromItsPageShowsEveryScoreAndTheReasons() throws Exception {
        Topic topic = confirmed("declined.page@nhs.example");
        RequestPostProcessor coordinator = user("coordinator").roles("COORDINATOR");
        MockHttpServletRequestBuilder decline = post("/topics/" + topic.id()).with(coordinator).with(csrf())
                .param("action", "decide").param("decision", "DECLINE").param("reasons", "Covered nationally.");
        for (Criterion c : Criterion.values()) {
            decline.param(c.scoreField(), c == Criterion.VARIATION ? "NOT_MET" : "PARTLY_MET")
                    .param(c.noteField(), c == Criterion.VARIATION ? "Everyone meets it" : "");
        }
        mvc.perform(decline).andExpect(redirectedUrl("/topics/" + topic.id()));
        assertThat(page(get("/topics/" + topic.id()).with(coordinator))).contains("Declined",
                "Not met. Everyone meets it", "Partly met", "Reasons given: Covered nationally.")
                .doesNotContain("Not scored", "Record the decision");
    }

    @Test
    void eachMemberOrganisationVotesOnceForAShortlistedTopic() throws Exception {
        Topic topic = confirmed("votes@nhs.example");
        String voter = topic.proposerOrganisation();
        RequestPostProcessor lead = lead(voter.toLowerCase() + "@nhs.example", voter);
        assertThat(page(get("/my/topics").with(lead))).doesNotContain(topic.title());

        mvc.perform(post("/topics/" + topic.id() + "/shortlist").with(user("coordinator").roles("COORDINATOR"))
                .with(csrf()).param("shortlisted", "true")).andExpect(redirectedUrl("/topics/" + topic.id()));
        String shortlist = page(get("/my/topics").with(lead));
        assertThat(shortlist).contains(topic.title(), "Vote for this topic for " + voter)
                .doesNotContain("votes@nhs.example", "Pat Proposer");

        String vote = "/my/topics/" + topic.id() + "/votes/" + voter;
        mvc.perform(post(vote).with(lead).with(csrf())).andExpect(redirectedUrl("/my/topics"));
        mvc.perform(post(vote).with(lead).with(csrf())).andExpect(redirectedUrl("/my/topics"));
        assertThat(screening.get(topic.id()).votes()).isEqualTo(1);
        assertThat(page(get("/my/topics").with(lead))).contains(voter + " has voted");

        String other = fixture.proposal("x@nhs.example").proposerOrganisation();
        mvc.perform(post("/my/topics/" + topic.id() + "/votes/" + other).with(lead).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(screening.get(topic.id()).votes()).isEqualTo(1);
    }

    /** Proposed, and confirmed through the link's page as the proposer would. */
    private Topic confirmed(String email) throws Exception {
        Topic topic = fixture.propose(fixture.proposal(email));
        mvc.perform(post("/topics/links/" + fixture.token(topic.id(), "topic-confirm-address") + "/confirm")
                .with(csrf())).andExpect(status().isOk());
        return fixture.get(topic.id());
    }

    private MockHttpServletRequestBuilder propose(TopicProposal p) {
        return post("/topics/propose").with(csrf()).param("title", p.title()).param("problem", p.problem())
                .param("niceGuidance", p.niceGuidance()).param("whyNow", p.whyNow())
                .param("proposerName", p.proposerName()).param("proposerOrganisation", p.proposerOrganisation())
                .param("proposerEmail", p.proposerEmail()).param("website", p.website());
    }

    private static RequestPostProcessor lead(String email, String code) {
        return authentication(new UsernamePasswordAuthenticationToken(new LeadPrincipal(email, Set.of(code)), null,
                List.of(new SimpleGrantedAuthority("ROLE_LEAD"))));
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String input(String page, String id) {
        int at = page.indexOf("id=\"" + id + "\"");
        return page.substring(page.lastIndexOf("<input", at), page.indexOf(">", at) + 1);
    }
}
