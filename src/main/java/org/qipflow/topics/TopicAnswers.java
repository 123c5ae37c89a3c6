package org.qipflow.topics;

import java.time.Clock;
import java.util.Optional;

import org.qipflow.common.ConflictException;
import org.qipflow.common.InvalidInputException;
import org.qipflow.notification.Outbox;
import org.qipflow.tasklink.TaskLink;
import org.qipflow.tasklink.TaskLinks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a proposer does from an emailed link: confirm the address once, or answer the team's question. */
@Service
public class TopicAnswers {

    private final TaskLinks links;
    private final TopicRepository topics;
    private final TopicProcess process;
    private final TopicMails mails;
    private final Outbox outbox;
    private final Clock clock;

    TopicAnswers(TaskLinks links, TopicRepository topics, TopicProcess process, TopicMails mails, Outbox outbox,
            Clock clock) {
        this.links = links;
        this.topics = topics;
        this.process = process;
        this.mails = mails;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What a link's page shows: the topic, what the link is for, and whether it still works. */
    public record LinkPage(Topic topic, boolean confirmsAddress, boolean usable) {
    }

    /** The page of a link; empty for a link never issued for a topic, or for a topic since removed. */
    @Transactional(readOnly = true)
    public Optional<LinkPage> page(String token) {
        return links.find(token).flatMap(link -> TopicLink.of(link).flatMap(purpose -> topics.find(purpose.topicId())
                .map(topic -> new LinkPage(topic, purpose.link() == TopicLink.CONFIRM_ADDRESS,
                        usable(link, purpose, topic)))));
    }

    /**
     * Confirms the proposer's address: the topic goes to screening. The link works once; confirming
     * again changes nothing.
     *
     * @return false when the link no longer confirms anything (used, expired, or the proposal removed)
     */
    @Transactional
    public boolean confirm(String token) {
        Optional<TopicLink.Purpose> purpose = purpose(token, TopicLink.CONFIRM_ADDRESS);
        if (purpose.isEmpty() || topics.findForUpdate(purpose.get().topicId()).isEmpty()
                || !links.useOnce(token, TopicLink.CONFIRM_ADDRESS.name())) {
            return false;
        }
        long topicId = purpose.get().topicId();
        if (!process.addressConfirmed(topicId)) {
            throw new ConflictException("This proposal can no longer be confirmed; propose the topic again");
        }
        topics.confirmed(topicId, clock.instant());
        return true;
    }

    /** The proposer's answer to the team's question; the topic goes back to the coordinator with it. */
    @Transactional
    public void answer(String token, String answer) {
        String text = answer == null ? "" : answer.trim();
        if (text.isEmpty()) {
            throw new InvalidInputException("answer", "Enter your answer to the question");
        }
        if (text.length() > TopicProposal.LONG_TEXT) {
            throw new InvalidInputException("answer", "Shorten your answer to 4,000 characters or fewer; it has "
                    + text.length());
        }
        TopicLink.Purpose purpose = purpose(token, TopicLink.ANSWER_QUESTION).orElseThrow(TopicAnswers::closed);
        Topic topic = topics.findForUpdate(purpose.topicId()).orElseThrow(TopicAnswers::closed);
        TaskLink link = links.find(token).orElseThrow(TopicAnswers::closed);
        if (!usable(link, purpose, topic) || !process.proposerAnswered(topic.id())) {
            throw closed();
        }
        topics.answer(topic.id(), text);
        links.revoke(topic.proposerOrganisation(), TopicLink.subject(topic.id()), TopicLink.ANSWER_QUESTION.name());
        outbox.enqueue(mails.answered(topics.find(topic.id()).orElseThrow()));
    }

    private Optional<TopicLink.Purpose> purpose(String token, TopicLink wanted) {
        return links.find(token).flatMap(TopicLink::of).filter(p -> p.link() == wanted);
    }

    private boolean usable(TaskLink link, TopicLink.Purpose purpose, Topic topic) {
        return link.usableAt(clock.instant()) && (purpose.link() == TopicLink.CONFIRM_ADDRESS
                ? topic.status() == TopicStatus.AWAITING_CONFIRMATION
                : topic.status() == TopicStatus.QUESTION_ASKED);
    }

    private static ConflictException closed() {
        return new ConflictException("This question is closed: it has been answered, or its 21 days have passed. "
                + "The programme team has the topic; email them if you have more to say");
    }
}
