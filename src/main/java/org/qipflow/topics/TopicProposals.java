package org.qipflow.topics;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.qipflow.common.InvalidInputException;
import org.qipflow.membership.Organisation;
import org.qipflow.membership.OrganisationService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Topics proposed on the public page, and the public list of what became of them. */
@Service
public class TopicProposals {

    /** How many topics one address may propose in a day: enough for anyone, too few to flood screening. */
    static final int MOST_PER_ADDRESS = 3;
    static final Duration PER = Duration.ofDays(1);

    private final TopicRepository topics;
    private final OrganisationService organisations;
    private final TopicProcess process;
    private final Clock clock;

    TopicProposals(TopicRepository topics, OrganisationService organisations, TopicProcess process, Clock clock) {
        this.topics = topics;
        this.organisations = organisations;
        this.process = process;
        this.clock = clock;
    }

    /**
     * Stores the proposal and starts its nomination, which first emails the proposer a link to confirm
     * the address. A proposal that filled the field people never see is dropped without a word.
     */
    @Transactional
    public void propose(TopicProposal proposal) {
        if (!proposal.fromAPerson()) {
            return;
        }
        TopicProposal checked = proposal.checked(
                code -> organisations.find(code).filter(Organisation::active).isPresent());
        if (topics.proposedSince(checked.proposerEmail(), clock.instant().minus(PER)) >= MOST_PER_ADDRESS) {
            throw new InvalidInputException("proposerEmail", "This address has proposed " + MOST_PER_ADDRESS
                    + " topics in the past day, as many as one address may. Propose this one tomorrow, or email it "
                    + "to the programme team");
        }
        long id = topics.insert(checked, clock.instant());
        process.start(id);
    }

    /** Topics adopted and under consideration, oldest first; never who proposed them. */
    @Transactional(readOnly = true)
    public List<PublicTopic> published() {
        return topics.withStatus(List.of(TopicStatus.SCREENING, TopicStatus.QUESTION_ASKED, TopicStatus.ADOPTED))
                .stream().map(PublicTopic::of).toList();
    }

    /** What anyone may see of a topic: what it is about and where it stands. */
    public record PublicTopic(String title, String problem, String niceGuidance, TopicStatus status,
            String programmeCode) {

        static PublicTopic of(Topic topic) {
            return new PublicTopic(topic.title(), topic.problem(), topic.niceGuidance(), topic.status(),
                    topic.programmeCode());
        }
    }
}
