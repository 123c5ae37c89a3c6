package org.qipflow.topics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.qipflow.common.PublicAddress;
import org.qipflow.notification.Mail;
import org.qipflow.tasklink.TaskLinks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The emails of a topic's nomination. Keys are stable per step, so a retried step writes its email once.
 */
@Component
class TopicMails {

    private final TaskLinks links;
    private final PublicAddress address;
    private final String coordinators;

    TopicMails(TaskLinks links, PublicAddress address, @Value("${qipflow.mail.coordinators}") String coordinators) {
        this.links = links;
        this.address = address;
        this.coordinators = coordinators;
    }

    Mail confirmAddress(Topic topic) {
        Mail mail = toProposer(topic, "confirm-address", "topic-confirm-address");
        mail.model().put("link", link(topic, TopicLink.CONFIRM_ADDRESS));
        mail.model().put("days", TopicDeadlines.CONFIRMATION_OPEN.toDays());
        return mail;
    }

    /** The latest question; its key carries its number, so a second question is a second email. */
    Mail question(Topic topic) {
        Mail mail = toProposer(topic, "question-" + topic.questionsAsked(), "topic-question");
        mail.model().put("question", topic.question());
        mail.model().put("link", link(topic, TopicLink.ANSWER_QUESTION));
        mail.model().put("days", TopicDeadlines.QUESTION_OPEN.toDays());
        return mail;
    }

    Mail declined(Topic topic, List<TopicScore> scores) {
        Mail mail = toProposer(topic, "declined", "topic-declined");
        mail.model().put("reasons", topic.decisionReasons());
        mail.model().put("criteria", scores.stream().map(s -> {
            Map<String, Object> row = new HashMap<>();
            row.put("label", s.criterion().label());
            row.put("score", s.score().label());
            row.put("note", s.note());
            return row;
        }).toList());
        return mail;
    }

    Mail adopted(Topic topic) {
        Mail mail = toProposer(topic, "adopted", "topic-adopted");
        mail.model().put("programmeCode", topic.programmeCode());
        return mail;
    }

    Mail answered(Topic topic) {
        Map<String, Object> model = model(topic);
        model.put("question", topic.question());
        model.put("answer", topic.answer());
        model.put("link", address.of("/topics/" + topic.id()));
        return new Mail(reference(topic) + ":answer-" + topic.questionsAsked(), reference(topic), coordinators, "topic-answered", model);
    }

    private Mail toProposer(Topic topic, String step, String template) {
        return new Mail(reference(topic) + ":" + step, reference(topic), topic.proposerEmail(), template, model(topic));
    }

    private Map<String, Object> model(Topic topic) {
        Map<String, Object> model = new HashMap<>();
        model.put("proposerName", topic.proposerName());
        model.put("title", topic.title());
        model.put("coordinators", coordinators);
        return model;
    }

    /** A new link for the proposer, issued only if the email that carries it is written. */
    private Mail.Later<String> link(Topic topic, TopicLink purpose) {
        return Mail.later(() -> address.of("/topics/links/" + links.issue(topic.proposerOrganisation(),
                TopicLink.subject(topic.id()), purpose.name(), purpose.validity())));
    }

    static String reference(Topic topic) {
        return "topic:" + topic.id();
    }
}
