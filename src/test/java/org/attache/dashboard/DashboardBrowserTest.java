package org.attache.dashboard;

import static io.restassured.RestAssured.given;
import static org.attache.Fixtures.delegation;
import static org.attache.Fixtures.delegationInput;
import static org.attache.Fixtures.topic;
import static org.attache.GraphQL.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.attache.Chromium;
import org.attache.Fixtures;
import org.attache.security.Roles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;

/**
 * The dashboard in a real browser (the system's Chromium, headless) against the service and PostgreSQL: what an
 * analyst and an editor do with it. With -Dattache-tests.screenshots=DIR each view is also saved as DIR/NAME.png (the
 * pictures of docs/dashboard.md).
 */
@QuarkusTest
class DashboardBrowserTest {

    private static final LocatorAssertions.ContainsTextOptions PATIENTLY = new LocatorAssertions.ContainsTextOptions()
            .setTimeout(15000);

    private static Playwright playwright;
    private static Browser browser;

    @TestHTTPResource("/")
    URL root;

    private BrowserContext context;
    private final List<String> problems = new ArrayList<>();

    @BeforeAll
    static void startBrowser() {
        playwright = Playwright.create();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    static void stopBrowser() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @AfterEach
    void noScriptErrorsNorPolicyViolations() {
        if (context != null) {
            context.close();
        }
        assertEquals(List.of(), problems, "script errors or Content-Security-Policy violations in the page");
    }

    /** A page signed in with this token (null: signed out), as if pasted on the sign-in page earlier in the tab. */
    private Page open(String token, String hash) {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setAcceptDownloads(true));
        if (token != null) {
            context.addInitScript("sessionStorage.setItem('attache.token', '" + token + "')");
        }
        Page page = context.newPage();
        page.onPageError(error -> problems.add(error));
        page.onConsoleMessage(message -> {
            if (message.type().equals("error") && !message.text().contains("status of 4")) {
                problems.add(message.text());
            }
        });
        page.navigate(root + hash);
        return page;
    }

    private static final String SCREENSHOTS = System.getProperty("attache-tests.screenshots");

    private static void screenshot(Page page, String name) {
        page.waitForFunction("() => !document.querySelector('main[aria-busy]')");
        page.waitForTimeout(800); // charts draw, and animate, after the first frame
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of(SCREENSHOTS, name + ".png")).setFullPage(true));
    }

    private static void assertText(Locator locator, String text) {
        PlaywrightAssertions.assertThat(locator).containsText(text, PATIENTLY);
    }

    @Test
    void theOverviewFiltersAndPagesKnownVisitsAndKeepsItsPlace() {
        String topic = topic();
        for (int day = 1; day <= 27; day++) {
            Map<String, Object> input = delegationInput(day <= 4 ? "TUR" : "KAZ", "AZE", String.format("2023-03-%02d", day));
            input.put("title", "Overview visit " + day);
            input.put("topics", List.of(topic));
            delegation(input);
        }
        Page page = open(token(Roles.VIEWER), "#/?topic=" + topic);
        Locator totals = page.locator("#totals");
        assertText(totals, "27 visits · showing 1–25");
        assertEquals(25, page.locator("main tbody tr").count());
        assertText(page.locator("main tbody tr").first(), "Overview visit 27"); // newest first

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next →")).click();
        assertText(totals, "showing 26–27");
        assertEquals(List.of("Overview visit 2", "Overview visit 1"),
                page.locator("main tbody tr td:nth-child(4)").allInnerTexts());
        page.reload(); // the place is in the address
        assertText(totals, "showing 26–27");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("← Previous")).click();
        assertText(totals, "showing 1–25");

        page.locator("select[name=country]").selectOption("TUR");
        page.locator("select[name=order]").selectOption("START_DATE_ASC");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();
        assertText(totals, "4 visits");
        assertEquals(List.of("Overview visit 1", "Overview visit 2", "Overview visit 3", "Overview visit 4"),
                page.locator("main tbody tr td:nth-child(4)").allInnerTexts());
    }

    @Test
    void theSearchFindsTheSeedVisitByCountryHonourAndAward() {
        Map<String, String> seed = Fixtures.seedVisit();
        String link = "main tbody tr a[href='#/visit/" + seed.get("visit") + "']";
        // Typed into the search box and applied, the words go into the address (what they find is checked below).
        Page page = open(token(Roles.VIEWER), "#/?from=2024-04-25&to=2024-04-25");
        assertText(page.locator("#totals"), "visit");
        page.getByLabel("Search").fill("Kazakhstan wreath");
        page.getByLabel("Search").press("Enter");
        PlaywrightAssertions.assertThat(page).hasURL(Pattern.compile("text=Kazakhstan\\+wreath"));
        assertText(page.locator("#totals"), "visit");
        assertEquals(1, page.locator(link).count());
        context.close();
        context = null;
        for (String typed : List.of("Kazakh medal", "Kamaletdinov", "guard of honour", "Peruvian wreath")) {
            page = open(token(Roles.VIEWER), "#/?from=2024-04-25&to=2024-04-25&text=" + typed.replace(' ', '+'));
            assertText(page.locator("#totals"), "visit"); // the view is drawn ("visits" or "No visit matches.")
            // The seed visit has no Peruvian side: the last search must not find it, or the others prove nothing.
            assertEquals(typed.startsWith("Peruvian") ? 0 : 1, page.locator(link).count(), typed);
            context.close();
            context = null;
        }
    }

    @Test
    void aVisitShowsEveryFactOfTheSeedRelease() {
        Map<String, String> seed = Fixtures.seedVisit();
        Page page = open(token(Roles.ADMIN), "#/visit/" + seed.get("visit"));
        Locator main = page.locator("main");
        assertText(main.locator("h1"), "Kazakhstan");
        for (String fact : List.of("Lieutenant General Sultan Kamaletdinov", "First Deputy Minister of Defense",
                "Colonel General Zakir Hasanov", "Minister of Defense of the Republic of Azerbaijan", "Karim Valiyev",
                "Alley of Honor, Baku", "Alley of Shehids, Baku", "Flowers, Wreath",
                "Book of honour, Guard of honour, National anthems",
                "General Staff of the Azerbaijan Army", "For contribution in the development of international cooperation",
                "Colonel Zaur Karimov", "News.Az", "Military-technical cooperation")) {
            assertText(main, fact);
        }
        // Admins see the change history; the agenda is in the order it happened.
        assertText(page.locator("#history"), "Change history");
        List<String> kinds = page.locator("ol.agenda .kind").allInnerTexts();
        assertEquals(List.of("Wreath laying", "Wreath laying", "Welcome ceremony", "Meeting", "Meeting"), kinds);

        Page viewer = open(token(Roles.VIEWER), "#/visit/" + seed.get("visit"));
        assertText(viewer.locator("main h1"), "Kazakhstan");
        assertEquals(0, viewer.locator("#history").count(), "viewers do not see the change history");

        // The head of delegation's page lists the visit they led.
        viewer.locator("dl.facts a[href^='#/person/']").first().click();
        assertText(viewer.locator("main h1"), "Lieutenant General Sultan Kamaletdinov");
        assertText(viewer.locator("main tbody"), "Led");
    }

    @Test
    void atPhoneWidthNothingSpillsSideways() {
        Fixtures.seedVisit();
        for (String hash : List.of("#/", "#/relations", "#/country/KAZ")) {
            Page page = open(token(Roles.VIEWER), hash);
            page.setViewportSize(390, 844);
            assertText(page.locator("main h1"), "");
            page.waitForFunction("() => !document.querySelector('main[aria-busy]')");
            // Wide tables scroll inside their own box; the page itself never does.
            assertEquals(Boolean.TRUE, page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"), hash);
            if (hash.equals("#/")) {
            }
            context.close();
            context = null;
        }
    }

    @Test
    void aChangeMadeThroughTheApiAppearsWithoutAReload() {
        String topic = topic();
        Page page = open(token(Roles.VIEWER), "#/?topic=" + topic);
        assertText(page.locator("#totals"), "No visit matches.");
        assertText(page.locator("#live"), "live");

        Map<String, Object> input = delegationInput("KAZ", "AZE", "2024-09-09");
        input.put("title", "A visit recorded while the page is open");
        input.put("topics", List.of(topic));
        delegation(input);

        assertText(page.locator("#toasts"), "Visit new: A visit recorded while the page is open");
        assertText(page.locator("main tbody"), "A visit recorded while the page is open");
        assertText(page.locator("#totals"), "1 visit");
    }

    @Test
    void viewersSeeNoEditControlsAndEditorsDo() {
        Page viewer = open(token(Roles.VIEWER), "#/");
        assertText(viewer.locator("#session"), "viewer");
        assertFalse(viewer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import")).isVisible());
        viewer.navigate(root + "#/import");
        assertText(viewer.locator("main"), "This page is for editors");
        assertEquals(0, viewer.locator("textarea[name=text]").count());

        Page editor = open(token(Roles.EDITOR), "#/");
        assertText(editor.locator("#session"), "editor");
        // Editors may list drafts, which have no order by date.
        editor.locator("select[name=status]").selectOption("DRAFT");
        assertEquals(Boolean.TRUE,
                editor.locator("select[name=order] option[value=START_DATE_ASC]").evaluate("o => o.disabled"));
        editor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import")).click();
        PlaywrightAssertions.assertThat(editor.locator("textarea[name=text]")).isVisible();
    }

    @Test
    void anEditorImportsCorrectsAndPublishesARelease() throws IOException {
        String marker = topic(); // a word of its own, so the text is new to the service
        String text = Files.readString(Path.of("src/test/resources/releases/128-aze-kaz-hasanov-kosanov-medal-plan.txt"))
                + "\n\nReference " + marker + ".";
        Page page = open(token(Roles.EDITOR), "#/import");
        page.getByLabel("Press release").fill(text);
        page.getByLabel("Published on").fill("2025-10-31");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Draft a visit from it")).click();

        assertText(page.locator("main h2#drafted"), "What was drafted");
        assertTrue(page.locator(".release mark").count() > 5, "the drafted facts are marked in the text");
        Locator title = page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true));
        title.fill("Corrected title " + marker);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save corrections")).click();
        PlaywrightAssertions.assertThat(page.locator("main h1")).hasText("Corrected title " + marker);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish")).click();
        PlaywrightAssertions.assertThat(page.locator("main h1")).hasText("Corrected title " + marker);
        PlaywrightAssertions.assertThat(page).hasURL(Pattern.compile("#/visit/\\d+$"));
        assertText(page.locator("dl.facts"), "Completed");
    }

    @Test
    void anEditorMergesADuplicateAndAnAdminDeletesOnlyAPersonNothingReferences() {
        String tag = Fixtures.unique("Mergeov").replace("-", "");
        String kept = Fixtures.person("Anar " + tag, "AZE");
        String duplicate = Fixtures.person("A. " + tag, "AZE");
        Map<String, Object> visit = delegationInput("AZE", "GEO", "2024-03-05");
        visit.put("headId", duplicate);
        delegation(visit);

        Page editor = open(token(Roles.EDITOR), "#/person/" + kept);
        editor.onDialog(dialog -> dialog.accept());
        assertText(editor.locator("main h1"), "Anar " + tag);
        assertEquals(0, editor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete this person")).count(),
                "deleting is for admins");
        editor.getByLabel("Find a duplicate of this person").fill(tag);
        editor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find")).click();
        assertText(editor.locator("ul.candidates"), "A. " + tag);
        editor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Merge into Anar " + tag)).click();
        // The visit the duplicate led is now the kept person's, and the duplicate is gone.
        assertText(editor.locator("section[aria-labelledby=visits]"), "Visits (1)");
        editor.navigate(root + "#/person/" + duplicate);
        assertText(editor.locator("main h1"), "Person not found");

        Page admin = open(token(Roles.ADMIN), "#/person/" + kept);
        admin.onDialog(dialog -> dialog.accept());
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete this person")).click();
        assertText(admin.locator("section[aria-labelledby=record] [role=alert]"), "CONFLICT");
        String nobody = Fixtures.person("Unreferenced " + tag, "AZE");
        admin.navigate(root + "#/person/" + nobody);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete this person")).click();
        PlaywrightAssertions.assertThat(admin).hasURL(Pattern.compile("#/$"));
    }

    @Test
    void anExpiredTokenLeadsToSignInAndADevTokenSignsBackIn() {
        String expired = Jwt.subject("test-viewer").upn("test-viewer").groups(Roles.VIEWER)
                .issuedAt(System.currentTimeMillis() / 1000 - 7200).expiresAt(System.currentTimeMillis() / 1000 - 3600).sign();
        Page page = open(expired, "#/");
        assertText(page.locator("main h1"), "Sign in");
        assertText(page.locator("main"), "expired");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("editor")).click();
        assertText(page.locator("#session"), "dev-editor · editor");
        assertText(page.locator("main h1"), "Visits");
    }

    @Test
    void whoVisitsWhomHasItsNumbersOneClickAway() {
        Fixtures.seedVisit();
        Page page = open(token(Roles.VIEWER), "#/relations");
        assertText(page.locator("main h1"), "Who visits whom");
        PlaywrightAssertions.assertThat(page.locator("figure canvas").first()).isVisible();
        page.locator("figure summary").first().click();
        assertText(page.locator("figure table").first(), "Kazakhstan");

        // A pair's cooperation per period, chart and numbers, in the same view.
        page.locator("figure table a", new Page.LocatorOptions().setHasText("Cooperation")).first().click();
        assertText(page.locator("main figure").first(), "cooperation per period");
        page.locator("main figure").first().locator("summary").click();
        PlaywrightAssertions.assertThat(page.locator("main figure").first().locator("tbody tr").first()).isVisible();
        PlaywrightAssertions.assertThat(page).hasURL(Pattern.compile("counterpart=[A-Z]{3}"));

        Locator matrix = page.locator("main figure").nth(1); // the pair's figure comes first now
        matrix.locator("summary").click();
        matrix.locator("table a[href='#/country/KAZ']").first().click();
        assertText(page.locator("main h1"), "Kazakhstan");
        assertText(page.locator("main"), "Visits made or hosted");
    }

    @Test
    void theFilteredListExportsAsCsv() throws IOException {
        String topic = topic();
        for (String title : List.of("First, with a comma", "=SUM(1) looks like a formula")) {
            Map<String, Object> input = delegationInput("KAZ", "AZE", "2022-05-0" + (title.length() % 9 + 1));
            input.put("title", title);
            input.put("topics", List.of(topic));
            delegation(input);
        }
        Page page = open(token(Roles.VIEWER), "#/?topic=" + topic);
        assertText(page.locator("#totals"), "2 visits");
        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Export CSV")).click());
        List<String> lines = Files.readAllLines(download.path());
        assertEquals(3, lines.size(), lines::toString);
        assertTrue(lines.get(0).startsWith("id,title,kind,status,start"));
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"First, with a comma\"")), lines::toString);
        assertTrue(lines.stream().anyMatch(l -> l.contains(",'=SUM(1) looks like a formula,")), lines::toString);
    }

    /**
     * The pictures of docs/dashboard.md, only when asked for (-Dattache-tests.screenshots=DIR): every view on realistic data,
     * the corpus's releases imported and published through the API as an editor would.
     */
    @Test
    void screenshotsOfEveryView() throws IOException {
        Assumptions.assumeTrue(SCREENSHOTS != null, "screenshots only with -Dattache-tests.screenshots=DIR");
        Map<String, String> seed = Fixtures.seedVisit();
        List<Path> releases;
        try (var files = Files.list(Path.of("src/test/resources/releases"))) {
            releases = files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
        String draft = null;
        for (Path release : releases) {
            Map<String, Object> input = new java.util.HashMap<>(io.restassured.path.json.JsonPath.from(
                    Files.readString(Path.of(release.toString().replace(".txt", ".json")))).getMap("input"));
            input.put("text", Files.readString(release));
            var imported = org.attache.GraphQL.run("import-press-release", "input", input);
            String id = imported.getString("data.importPressRelease.id");
            if (id == null) {
                continue;
            }
            if (release.getFileName().toString().startsWith("128-")) {
                draft = id; // left as a draft, for the import screen
            } else if ("DRAFT".equals(imported.getString("data.importPressRelease.status"))) {
                org.attache.GraphQL.run("publish-import", "id", id, "expectedVersion",
                        imported.getInt("data.importPressRelease.version"));
            }
        }
        String head = org.attache.GraphQL.ok("delegation", "id", seed.get("visit")).getString("data.delegation.head.id");
        Map<String, String> views = new java.util.LinkedHashMap<>();
        views.put("overview", "#/");
        views.put("relations", "#/relations");
        views.put("visit", "#/visit/" + seed.get("visit"));
        views.put("person", "#/person/" + head);
        views.put("country", "#/country/KAZ");
        views.put("import", "#/import/" + draft);
        for (var view : views.entrySet()) {
            Page page = open(token(Roles.ADMIN), view.getValue());
            assertText(page.locator("main h1"), "");
            screenshot(page, view.getKey());
            context.close();
            context = null;
        }
        Page phone = open(token(Roles.VIEWER), "#/?country=AZE");
        phone.setViewportSize(390, 844);
        screenshot(phone, "phone");
        context.close();
        context = null;
        Page signIn = open(null, "#/sign-in");
        assertText(signIn.locator("main"), "Dev mode");
        screenshot(signIn, "sign-in");
    }

    @Test
    void thePageIsServedWithAStrictPolicyAndFingerprintedAssets() {
        var response = given().get(root + "");
        response.then().statusCode(200);
        String policy = response.header("Content-Security-Policy");
        assertTrue(policy.contains("script-src 'self'") && !policy.contains("unsafe-eval"), policy);
        String html = response.asString();
        assertFalse(Pattern.compile("<script(?![^>]*\\ssrc=)").matcher(html).find(), "no inline script");
        var bundle = Pattern.compile("/static/bundle/app-[A-Z0-9]+\\.js").matcher(html);
        assertTrue(bundle.find(), html);
        String cache = given().get(root + bundle.group().substring(1)).then().statusCode(200).extract().header("Cache-Control");
        assertTrue(cache.contains("immutable"), cache);
    }
}
