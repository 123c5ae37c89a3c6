package org.qipflow.browser;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips browser tests, saying why, on a machine without Chromium. */
class ChromiumPresent implements ExecutionCondition {

    /** Debian's Chromium; {@code -Dchromium.path=…} points elsewhere. */
    static final Path CHROMIUM = Path.of(System.getProperty("chromium.path", "/usr/bin/chromium"));

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return Files.isExecutable(CHROMIUM)
                ? ConditionEvaluationResult.enabled("Chromium found at " + CHROMIUM)
                : ConditionEvaluationResult.disabled("Chromium not found at " + CHROMIUM
                        + ": install it with 'apt-get install -y chromium' (.ci/run does) to run the browser tests");
    }
}
