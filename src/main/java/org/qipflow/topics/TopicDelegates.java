package org.qipflow.topics;

import java.util.function.LongConsumer;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates named by {@code topic-nomination.bpmn}'s service tasks: each hands the topic to {@link TopicSteps}. */
@Configuration(proxyBeanMethods = false)
class TopicDelegates {

    @Bean
    JavaDelegate sendTopicConfirmationDelegate(TopicSteps steps) {
        return of(steps::sendConfirmation);
    }

    @Bean
    JavaDelegate discardUnconfirmedTopicDelegate(TopicSteps steps) {
        return of(steps::discardUnconfirmed);
    }

    @Bean
    JavaDelegate adoptTopicDelegate(TopicSteps steps) {
        return of(steps::adopt);
    }

    @Bean
    JavaDelegate declineTopicDelegate(TopicSteps steps) {
        return of(steps::decline);
    }

    @Bean
    JavaDelegate askTopicProposerDelegate(TopicSteps steps) {
        return of(steps::ask);
    }

    @Bean
    JavaDelegate closeTopicQuestionDelegate(TopicSteps steps) {
        return of(steps::closeQuestion);
    }

    private static JavaDelegate of(LongConsumer step) {
        return execution -> step.accept(((Number) execution.getVariable(TopicProcess.TOPIC_ID)).longValue());
    }
}
