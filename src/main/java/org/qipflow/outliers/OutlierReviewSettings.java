package org.qipflow.outliers;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The windows of an outlier review, in working days of the organisation's nation, and where a copy of
 * each confirmed alarm's letter goes. The defaults follow the stages of HQIP's outlier guidance (see
 * {@code docs/outliers.md}); a programme team with its own published policy sets its own.
 *
 * @param responseWorkingDays       for the organisation to check its data and respond, from notification
 * @param decisionWorkingDays       for the programme team to confirm or withdraw, from the response
 * @param acknowledgementWorkingDays for the chief executive to acknowledge an alarm's letter
 * @param regulatorEmail            the regulator's address for copies of alarm letters; blank sends none
 */
@Validated
@ConfigurationProperties("qipflow.outliers")
record OutlierReviewSettings(
        @DefaultValue("25") @Min(value = 1, message = "qipflow.outliers.response-working-days must be 1 to 60")
        @Max(value = 60, message = "qipflow.outliers.response-working-days must be 1 to 60") int responseWorkingDays,
        @DefaultValue("30") @Min(value = 1, message = "qipflow.outliers.decision-working-days must be 1 to 60")
        @Max(value = 60, message = "qipflow.outliers.decision-working-days must be 1 to 60") int decisionWorkingDays,
        @DefaultValue("10") @Min(value = 1, message = "qipflow.outliers.acknowledgement-working-days must be 1 to 60")
        @Max(value = 60, message = "qipflow.outliers.acknowledgement-working-days must be 1 to 60")
        int acknowledgementWorkingDays,
        @DefaultValue("") @Email(message = "qipflow.outliers.regulator-email must be an email address, or blank")
        String regulatorEmail) {

    public boolean copiesRegulator() {
        return !regulatorEmail.isBlank();
    }
}
