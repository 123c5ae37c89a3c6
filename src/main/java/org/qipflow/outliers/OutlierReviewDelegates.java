package org.qipflow.outliers;

import java.util.function.LongConsumer;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates named by {@code outlier-review.bpmn}'s service tasks: each hands the review to {@link OutlierReviewSteps}. */
@Configuration(proxyBeanMethods = false)
class OutlierReviewDelegates {

    @Bean
    JavaDelegate notifyOutlierOrganisationDelegate(OutlierReviewSteps steps) {
        return of(steps::notifyOrganisation);
    }

    @Bean
    JavaDelegate escalateOutlierResponseDelegate(OutlierReviewSteps steps) {
        return of(steps::escalateResponse);
    }

    @Bean
    JavaDelegate escalateOutlierDecisionDelegate(OutlierReviewSteps steps) {
        return of(steps::escalateDecision);
    }

    @Bean
    JavaDelegate tellOutlierWithdrawnDelegate(OutlierReviewSteps steps) {
        return of(steps::tellWithdrawn);
    }

    @Bean
    JavaDelegate tellOutlierAlertConfirmedDelegate(OutlierReviewSteps steps) {
        return of(steps::tellAlertConfirmed);
    }

    @Bean
    JavaDelegate sendOutlierAlarmLetterDelegate(OutlierReviewSteps steps) {
        return of(steps::sendAlarmLetter);
    }

    @Bean
    JavaDelegate escalateOutlierAcknowledgementDelegate(OutlierReviewSteps steps) {
        return of(steps::escalateAcknowledgement);
    }

    private static JavaDelegate of(LongConsumer step) {
        return execution -> step.accept(((Number) execution.getVariable(OutlierReviewProcess.REVIEW_ID)).longValue());
    }
}
