package org.qipflow.outliers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The review windows as settings: HQIP's stages by default, and a value out of range stops the start, named. */
class OutlierReviewSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(OutlierReviewSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void theDefaultsAreHqipsStagesAndCopyNoOne() {
        runner.run(context -> {
            OutlierReviewSettings settings = context.getBean(OutlierReviewSettings.class);
            assertThat(settings.responseWorkingDays()).isEqualTo(25);
            assertThat(settings.decisionWorkingDays()).isEqualTo(30);
            assertThat(settings.acknowledgementWorkingDays()).isEqualTo(10);
            assertThat(settings.copiesRegulator()).isFalse();
        });
    }

    @Test
    void aWindowOutOfRangeOrAMalformedAddressStopsTheStartNamingTheSetting() {
        runner.withPropertyValues("qipflow.outliers.response-working-days=0").run(context -> assertThat(context)
                .hasFailed().getFailure().rootCause().hasMessageContaining("qipflow.outliers.response-working-days must be 1 to 60"));
        runner.withPropertyValues("qipflow.outliers.regulator-email=not an address").run(context -> assertThat(context)
                .hasFailed().getFailure().rootCause().hasMessageContaining("qipflow.outliers.regulator-email must be an "
                        + "email address"));
    }
}
