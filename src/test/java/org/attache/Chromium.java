package org.attache;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * The system's Chromium for browser tests (Playwright's own downloads do not work here). Where it is missing the
 * tests are skipped, except where ATTACHE_REQUIRE_BROWSER is set (CI): there its absence fails them.
 */
public final class Chromium {

    private static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("ATTACHE_CHROMIUM", "/usr/bin/chromium"));

    private Chromium() {
    }

    /** Chromium, headless, driven by this Playwright; skips the calling tests when there is none and none is required. */
    public static Browser launch(Playwright playwright) {
        boolean present = Files.isExecutable(EXECUTABLE);
        if (System.getenv("ATTACHE_REQUIRE_BROWSER") != null) {
            assertTrue(present, "No browser at " + EXECUTABLE + ": apt-get install -y chromium");
        }
        Assumptions.assumeTrue(present,
                "No browser at " + EXECUTABLE + " (apt-get install -y chromium): browser tests skipped");
        return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE)
                .setArgs(List.of("--no-sandbox")));
    }
}
