package org.qipflow.topics;

import java.time.Clock;
import java.util.List;

import org.qipflow.notification.Outbox;
import org.qipflow.programmes.ProgrammeService;
import org.qipflow.tasklink.TaskLinks;
import org.springframework.stereotype.Component;

/**
 * What the service tasks of {@code topic-nomination.bpmn} do, each in the transaction of its step:
 * a decision the coordinator recorded on the topic is carried out here, so it and its email commit together.
 */
@Component
class TopicSteps {

    private final TopicRepository topics;
    private final TopicMails mails;
    private final Outbox outbox;
    private final TaskLinks links;
    private final ProgrammeService programmes;
    private final Clock clock;

    TopicSteps(TopicRepository topics, TopicMails mails, Outbox outbox, TaskLinks links, ProgrammeService programmes,
            Clock clock) {
        this.topics = topics;
        this.mails = mails;
        this.outbox = outbox;
        this.links = links;
        this.programmes = programmes;
        this.clock = clock;
    }

    /** {@code Task_SendConfirmation}: the link that confirms the proposer's address. */
    void sendConfirmation(long topicId) {
        outbox.enqueue(mails.confirmAddress(topic(topicId)));
    }

    /** {@code Task_DiscardUnconfirmed}: an address never confirmed leaves nothing behind. */
    void discardUnconfirmed(long topicId) {
        links.revokeSubject(TopicLink.subject(topicId), TopicLink.CONFIRM_ADDRESS.name());
        topics.delete(topicId);
    }

    /** {@code Task_AdoptTopic}: the draft programme, and the news to the proposer. */
    void adopt(long topicId) {
        Topic topic = topic(topicId);
        programmes.createDraft(topic.programmeCode(), topic.programmeTitle());
        topics.decided(topicId, TopicStatus.ADOPTED, clock.instant());
        outbox.enqueue(mails.adopted(topic));
    }

    /** {@code Task_TellDeclined}: the reasons, and how the topic scored on each criterion. */
    void decline(long topicId) {
        Topic topic = topic(topicId);
        topics.decided(topicId, TopicStatus.DECLINED, clock.instant());
        List<TopicScore> scores = List.copyOf(topics.scores(topicId).values());
        outbox.enqueue(mails.declined(topic, scores));
    }

    /** {@code Task_AskProposer}: the question, with a link to answer it. */
    void ask(long topicId) {
        topics.questionAsked(topicId);
        outbox.enqueue(mails.question(topic(topicId)));
    }

    /** {@code Task_CloseQuestion}: unanswered in time, the topic goes back to the coordinator as it is. */
    void closeQuestion(long topicId) {
        links.revokeSubject(TopicLink.subject(topicId), TopicLink.ANSWER_QUESTION.name());
        topics.answer(topicId, null);
    }

    private Topic topic(long topicId) {
        return topics.find(topicId).orElseThrow(() -> new IllegalStateException("No topic " + topicId));
    }
}
