package org.qipflow.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test in a real browser: Debian's Chromium at {@link ChromiumPresent#CHROMIUM}, driven by Playwright.
 * Runs in {@code ./mvnw verify} when Chromium is installed; reported as skipped, with the reason, when not.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("browser")
@ExtendWith(ChromiumPresent.class)
public @interface BrowserTest {
}
