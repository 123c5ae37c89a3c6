package org.qipflow.topics;

import java.time.Duration;

import org.springframework.stereotype.Component;

/**
 * How long a proposer has to confirm the address and to answer a question: the links' lifetimes and
 * the timers of {@code topic-nomination.bpmn} ({@code ${topicDeadlines.confirmationOpen()}}) both read them.
 */
@Component("topicDeadlines")
public class TopicDeadlines {

    static final Duration CONFIRMATION_OPEN = Duration.ofDays(7);
    static final Duration QUESTION_OPEN = Duration.ofDays(21);

    /** As the BPMN timer reads it, an ISO 8601 duration. */
    public String confirmationOpen() {
        return "P" + CONFIRMATION_OPEN.toDays() + "D";
    }

    public String questionOpen() {
        return "P" + QUESTION_OPEN.toDays() + "D";
    }
}
