package org.qipflow.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/** Debian's Chromium, headless, driven by Playwright; Playwright never downloads a browser of its own. */
final class Chromium implements AutoCloseable {

    /** A phone, as a local lead between clinics has (an iPhone 12–15's CSS viewport). */
    static final int PHONE_WIDTH = 390;
    static final int PHONE_HEIGHT = 844;

    private final Playwright playwright;
    private final Browser browser;

    Chromium() throws Exception {
        Files.createDirectories(Path.of(System.getProperty("playwright.driver.tmpdir", "target/playwright")));
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        // Without the background-networking switches Chromium keeps calling Google's servers, which a
        // closed build machine refuses.
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(ChromiumPresent.CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    BrowserContext desktop() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-GB")
                .setTimezoneId("Europe/London").setAcceptDownloads(true));
    }

    BrowserContext phone() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(PHONE_WIDTH, PHONE_HEIGHT)
                .setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true).setLocale("en-GB")
                .setTimezoneId("Europe/London").setAcceptDownloads(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
