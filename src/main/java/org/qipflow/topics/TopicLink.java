package org.qipflow.topics;

import java.time.Duration;
import java.util.Optional;

import org.qipflow.tasklink.TaskLink;

/** What a proposer's emailed link is for: confirming the address once, or answering the team's question. */
enum TopicLink {
    CONFIRM_ADDRESS(TopicDeadlines.CONFIRMATION_OPEN),
    ANSWER_QUESTION(TopicDeadlines.QUESTION_OPEN);

    private static final String SUBJECT = "topic:";

    private final Duration validity;

    TopicLink(Duration validity) {
        this.validity = validity;
    }

    Duration validity() {
        return validity;
    }

    static String subject(long topicId) {
        return SUBJECT + topicId;
    }

    /** The topic a link is about, and what for; empty for a link of another kind. */
    static Optional<Purpose> of(TaskLink link) {
        if (!link.subject().startsWith(SUBJECT)) {
            return Optional.empty();
        }
        for (TopicLink purpose : values()) {
            if (purpose.name().equals(link.purpose())) {
                return Optional.of(new Purpose(Long.parseLong(link.subject().substring(SUBJECT.length())), purpose));
            }
        }
        return Optional.empty();
    }

    record Purpose(long topicId, TopicLink link) {
    }
}
