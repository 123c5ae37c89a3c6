package org.qipflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;

/**
 * What every page a journey visits goes through: a screenshot under {@code target/screenshots/{journey}/}
 * and an axe-core check against WCAG 2.2 A and AA, where a serious or critical violation fails the test.
 * It also notes every address the browser went to, so a journey can show that none escaped the check.
 */
final class Looks {

    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    private static final Set<String> FAILING = Set.of("serious", "critical");

    private final String journey;
    private final Set<String> visited = new LinkedHashSet<>();
    private final Set<String> checked = new LinkedHashSet<>();
    private final List<String> refused = new ArrayList<>();
    private int shots;

    Looks(String journey) {
        this.journey = journey;
    }

    /** Follows a page's navigations from now on, and anything its Content-Security-Policy refused. */
    Page watch(Page page) {
        page.onFrameNavigated(frame -> {
            if (frame.parentFrame() == null && frame.url().startsWith("http")) {
                visited.add(path(frame.url()));
            }
        });
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                refused.add(path(page.url()) + ": " + message.text());
            }
        });
        return page;
    }

    /** A screenshot named {@code name}, and the accessibility check. */
    void at(Page page, String name) {
        at(page, name, null);
    }

    /** An email shown in the page as a mail program would: screenshot and axe, but it is no qipflow page. */
    void atEmail(Page page, String name, String docName) {
        look(page, name, docName);
    }

    /**
     * The same, and when the build asks for them ({@code -Ddocs.screenshots=docs/screenshots}) the
     * visible part of the page as {@code docName}.png there, for the README.
     */
    void at(Page page, String name, String docName) {
        look(page, name, docName);
        pageConventions(page, name);
        checked.add(path(page.url()));
    }

    private void look(Page page, String name, String docName) {
        page.waitForLoadState();
        assertThat(refused).as("what the pages' Content-Security-Policy refused").isEmpty();
        shots++;
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target", "screenshots", journey, String.format("%02d-%s.png", shots, name))));
        String docs = System.getProperty("docs.screenshots");
        if (docName != null && docs != null && !docs.isBlank()) {
            // what a visitor sees first, not the whole length, to keep the repository light
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of(docs, docName + ".png")));
        }
        List<Rule> failing = new AxeBuilder(page).withTags(WCAG).analyze().getViolations().stream()
                .filter(rule -> FAILING.contains(rule.getImpact())).toList();
        assertThat(failing).as("serious or critical accessibility problems on %s (%s):%n%s", name, page.url(),
                describe(failing)).isEmpty();
    }

    /**
     * What every qipflow page keeps to beyond axe's rules: a title naming the page and the service, one
     * main heading, every error message reachable from the error summary, every chart described.
     */
    private static void pageConventions(Page page, String name) {
        assertThat(page.title()).as("title of %s", name).endsWith(" – qipflow").isNotEqualTo(" – qipflow");
        assertThat(page.locator("h1").count()).as("main headings on %s", name).isEqualTo(1);
        Object unlinked = page.evaluate("""
                () => [...document.querySelectorAll('.govuk-error-message')]
                  .map(message => message.closest('.govuk-form-group'))
                  .map(group => group && group.querySelector('input, textarea, select'))
                  .filter(field => field && !document.querySelector('.govuk-error-summary a[href="#' + field.id + '"]'))
                  .map(field => field.id)
                """);
        assertThat((List<?>) unlinked).as("fields with an error not linked from the error summary on %s", name)
                .isEmpty();
        Object undescribed = page.evaluate("""
                () => [...document.querySelectorAll('main svg')]
                  .filter(svg => !svg.closest('[aria-hidden="true"]') && svg.getAttribute('aria-hidden') !== 'true')
                  .filter(svg => svg.getAttribute('role') !== 'img'
                    || !(svg.getAttribute('aria-label') || svg.getAttribute('aria-labelledby') || svg.querySelector('title')))
                  .map(svg => svg.outerHTML.slice(0, 80))
                """);
        assertThat((List<?>) undescribed).as("charts without a text alternative on %s", name).isEmpty();
    }

    /** Every address the browser went to was checked. */
    void everyPageChecked() {
        List<String> missed = new ArrayList<>(visited);
        missed.removeAll(checked);
        assertThat(missed).as("pages visited in %s without an accessibility check", journey).isEmpty();
    }

    private static String path(String url) {
        String withoutQuery = url.replaceFirst("[?#].*$", "");
        return withoutQuery.replaceFirst("^https?://[^/]+", "");
    }

    private static String describe(List<Rule> rules) {
        return rules.stream().map(rule -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
    }
}
