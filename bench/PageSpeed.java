import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Opens each dashboard view and reports, in milliseconds from the start of navigation, when it was complete: the
 * view's data on screen, no request in flight, charts drawn. Run by bench/page.sh: URL TOKEN RUNS.
 */
public class PageSpeed {

    private static final List<String[]> VIEWS = List.of(
            new String[] {"Visits (overview)", "#/"},
            new String[] {"Visits, searched", "#/?text=Country%2007"},
            new String[] {"Visits, filtered by country", "#/?country={country}"},
            new String[] {"A visit", "#/visit/5000"},
            new String[] {"Who visits whom", "#/relations"},
            new String[] {"A country", "#/country/{country}"},
            new String[] {"A person", "#/person/42"});

    private static final String COMPLETE = "() => document.querySelector('main .view h1')"
            + " && !document.querySelector('main[aria-busy]')"
            + " && [...document.querySelectorAll('.plot')].every(p => p.querySelector('canvas'))"
            + " && performance.now()";

    public static void main(String[] args) throws Exception {
        String url = args[0], token = args[1];
        int runs = Integer.parseInt(args[2]);
        try (Playwright playwright = Playwright.create()) {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Path.of("/usr/bin/chromium")).setArgs(List.of("--no-sandbox")));
            String country = firstCountry(browser, url, token);
            System.out.printf("%-30s %14s %14s %14s%n", "view", "first (median)", "first (max)", "cached (median)");
            for (String[] view : VIEWS) {
                String hash = view[1].replace("{country}", country);
                List<Long> first = new ArrayList<>(), cached = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    try (BrowserContext context = context(browser, token)) {
                        Page page = context.newPage();
                        first.add(open(page, () -> page.navigate(url + hash)));
                        cached.add(open(page, page::reload));
                    }
                }
                System.out.printf("%-30s %11d ms %11d ms %11d ms%n", view[0], median(first),
                        first.stream().mapToLong(Long::longValue).max().orElseThrow(), median(cached));
            }
            browser.close();
        }
    }

    private static BrowserContext context(Browser browser, String token) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        context.addInitScript("sessionStorage.setItem('attache.token', '" + token + "')");
        return context;
    }

    private static long open(Page page, Runnable navigation) {
        navigation.run();
        // Checked at every frame; the answer is the page's own clock (from navigation start) when it first held.
        return Math.round(((Number) page.waitForFunction(COMPLETE).jsonValue()).doubleValue());
    }

    private static String firstCountry(Browser browser, String url, String token) {
        try (BrowserContext context = context(browser, token)) {
            Page page = context.newPage();
            page.navigate(url + "#/");
            page.waitForFunction(COMPLETE);
            return (String) page.evaluate("() => document.querySelector('select[name=country] option:nth-child(2)').value");
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
