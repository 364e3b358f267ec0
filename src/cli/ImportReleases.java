import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads a folder of press releases (.txt files) or a JSON Lines file into Attaché through its public GraphQL API
 * (importPressReleases), with a progress display and a summary: imported, already there, failed with the reason.
 * Idempotent (the service returns an import already made) and resumable (--report keeps what was done; a second run
 * with the same report skips it). Needs only a JDK:
 *
 *   java src/cli/ImportReleases.java releases/ --url http://localhost:8080/graphql --token "$TOKEN" --report done.tsv
 *   java src/cli/ImportReleases.java releases.jsonl --token "$TOKEN"
 *
 * A .txt file may have a sidecar NAME.json holding sourceUrl, outlet, publishedOn and title (at its top level or
 * under "input"); --outlet and --published-on apply to files without them. JSON Lines: one object per line with
 * text, sourceUrl, outlet, publishedOn and title. --parallel sets the calls in flight at once (default: one per core, at
 * least 2). Exit status: 0 all done, 1 some failed, 2 nothing could be sent.
 */
public final class ImportReleases {

    /** As the service allows per call (ImportApi.MAX_BATCH), and well under its request size limit. */
    private static final int MAX_BATCH = 50;
    private static final int MAX_BATCH_BYTES = 400_000;
    private static final String MUTATION = "mutation Import($inputs: [PressReleaseInput!]!) { importPressReleases(inputs: $inputs)"
            + " { alreadyImported error { code message field } pressReleaseImport { id status warnings } } }";

    record Release(String key, Map<String, Object> input, String problem) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final PrintStream out = System.out;
    private final PrintStream progress = System.err;
    private String url = "http://localhost:8080/graphql";
    private String token = System.getenv("ATTACHE_TOKEN");
    private String outlet;
    private String publishedOn;
    private Path report;
    private int parallel = Math.max(2, Runtime.getRuntime().availableProcessors());
    private int sent;
    private int imported;
    private int already;
    private int skipped;
    private final List<String> failures = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        System.exit(new ImportReleases().run(args));
    }

    int run(String[] args) throws Exception {
        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--token" -> token = args[++i];
                case "--outlet" -> outlet = args[++i];
                case "--published-on" -> publishedOn = args[++i];
                case "--report" -> report = Path.of(args[++i]);
                case "--parallel" -> parallel = Math.max(1, Integer.parseInt(args[++i]));
                case "-h", "--help" -> {
                    out.println("usage: java src/cli/ImportReleases.java FOLDER|FILE.jsonl... [--url URL] [--token TOKEN]"
                            + " [--outlet NAME] [--published-on YYYY-MM-DD] [--report FILE] [--parallel CALLS]");
                    return 0;
                }
                default -> sources.add(Path.of(args[i]));
            }
        }
        if (sources.isEmpty() || token == null) {
            progress.println("Give a folder or .jsonl file, and an editor's token (--token or ATTACHE_TOKEN); --help says more.");
            return 2;
        }
        List<Release> releases = new ArrayList<>();
        for (Path source : sources) {
            releases.addAll(read(source));
        }
        Set<String> done = done();
        List<Release> pending = new ArrayList<>();
        for (Release release : releases) {
            if (done.contains(release.key())) {
                skipped++;
            } else if (release.problem() != null) {
                fail(release.key(), release.problem());
            } else {
                pending.add(release);
            }
        }
        List<List<Release>> batches = new ArrayList<>();
        List<Release> batch = new ArrayList<>();
        int bytes = 0;
        for (Release release : pending) {
            int size = ((String) release.input().get("text")).length() * 2 + 200;
            if (!batch.isEmpty() && (batch.size() == MAX_BATCH || bytes + size > MAX_BATCH_BYTES)) {
                batches.add(batch);
                batch = new ArrayList<>();
                bytes = 0;
            }
            batch.add(release);
            bytes += size;
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        long started = System.nanoTime();
        // Calls in flight at once: the service extracts each release on a core of its own, so one call per core keeps
        // them busy; each release still commits on its own, and the service keeps concurrent imports apart.
        Iterator<List<Release>> next = batches.iterator();
        AtomicBoolean stopped = new AtomicBoolean();
        List<Thread> senders = new ArrayList<>();
        for (int n = 0; n < Math.min(parallel, batches.size()); n++) {
            Thread sender = new Thread(() -> {
                while (!stopped.get()) {
                    List<Release> mine;
                    synchronized (next) {
                        if (!next.hasNext()) {
                            return;
                        }
                        mine = next.next();
                    }
                    try {
                        if (!send(mine)) {
                            stopped.set(true);
                            return;
                        }
                    } catch (Exception e) {
                        progress.println("\nSending failed: " + e);
                        stopped.set(true);
                        return;
                    }
                    show(mine.size(), pending.size());
                }
            });
            sender.start();
            senders.add(sender);
        }
        for (Thread sender : senders) {
            sender.join();
        }
        return summary(started, stopped.get() ? 2 : failures.isEmpty() ? 0 : 1);
    }

    private List<Release> read(Path source) throws IOException {
        List<Release> releases = new ArrayList<>();
        if (Files.isDirectory(source)) {
            List<Path> texts;
            try (Stream<Path> files = Files.list(source)) {
                texts = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
            }
            for (Path text : texts) {
                Map<String, Object> input = new LinkedHashMap<>();
                String problem = null;
                try {
                    input.put("text", utf8(Files.readAllBytes(text)));
                } catch (CharacterCodingException e) {
                    problem = "not UTF-8 text";
                }
                Path sidecar = Path.of(text.toString().replaceAll("\\.txt$", ".json"));
                if (Files.exists(sidecar)) {
                    Object meta = Json.parse(Files.readString(sidecar));
                    if (meta instanceof Map<?, ?> m) {
                        Object nested = m.get("input");
                        Map<?, ?> fields = nested instanceof Map<?, ?> n ? n : m;
                        for (String key : List.of("sourceUrl", "outlet", "publishedOn", "title")) {
                            if (fields.get(key) != null) {
                                input.put(key, fields.get(key));
                            }
                        }
                    }
                }
                input.putIfAbsent("outlet", outlet);
                input.putIfAbsent("publishedOn", publishedOn);
                input.values().removeIf(v -> v == null);
                releases.add(new Release(text.toString(), input, problem));
            }
        } else {
            List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
            for (int n = 0; n < lines.size(); n++) {
                String key = source + ":" + (n + 1);
                if (lines.get(n).isBlank()) {
                    continue;
                }
                try {
                    if (!(Json.parse(lines.get(n)) instanceof Map<?, ?> line) || !(line.get("text") instanceof String)) {
                        releases.add(new Release(key, Map.of(), "not a JSON object with a text"));
                        continue;
                    }
                    Map<String, Object> input = new LinkedHashMap<>();
                    for (String field : List.of("text", "sourceUrl", "outlet", "publishedOn", "title")) {
                        if (line.get(field) != null) {
                            input.put(field, line.get(field));
                        }
                    }
                    input.putIfAbsent("outlet", outlet);
                    input.putIfAbsent("publishedOn", publishedOn);
                    input.values().removeIf(v -> v == null);
                    releases.add(new Release(key, input, null));
                } catch (IllegalArgumentException e) {
                    releases.add(new Release(key, Map.of(), "not JSON: " + e.getMessage()));
                }
            }
        }
        return releases;
    }

    private static final Pattern ONE_INPUT = Pattern.compile("inputs\\[(\\d+)\\]");

    /** Sends one batch; false when the service cannot be reached or refuses the call as a whole. */
    private boolean send(List<Release> batch) throws Exception {
        Map<String, Object> body = Map.of("query", MUTATION, "variables",
                Map.of("inputs", batch.stream().map(Release::input).toList()));
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (attempt == 4) {
                    // A refused connection has no message of its own: its kind says what happened.
                    progress.println("\nThe service at " + url + " cannot be reached: "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                    return false;
                }
                Thread.sleep(1000L * attempt);
                continue;
            }
            if (response.statusCode() == 429 || response.statusCode() == 503) {
                long wait = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
                Thread.sleep(Math.max(1, wait) * 1000);
                continue;
            }
            Object answer = Json.parse(response.body());
            Map<?, ?> result = answer instanceof Map<?, ?> m ? m : Map.of();
            if (result.get("errors") instanceof List<?> errors && !errors.isEmpty()) {
                Map<?, ?> error = (Map<?, ?>) errors.get(0);
                // One release's input refused ("inputs[2].publishedOn: ... is not a date"): that one fails with the
                // reason, the others are sent again without it.
                Matcher one = error.get("extensions") instanceof Map<?, ?> extensions
                        && extensions.get("field") instanceof String field ? ONE_INPUT.matcher(field) : null;
                if (one != null && one.lookingAt() && Integer.parseInt(one.group(1)) < batch.size()) {
                    int refused = Integer.parseInt(one.group(1));
                    fail(batch.get(refused).key(), ((Map<?, ?>) error.get("extensions")).get("code") + ": "
                            + String.valueOf(error.get("message")).replaceFirst("^inputs\\[\\d+\\]\\.", ""));
                    List<Release> rest = new ArrayList<>(batch);
                    rest.remove(refused);
                    return rest.isEmpty() || send(rest);
                }
                progress.println("\nThe service refused the call: " + error.get("message"));
                return false;
            }
            List<?> results = (List<?>) ((Map<?, ?>) result.get("data")).get("importPressReleases");
            tally(batch, results);
            return true;
        }
    }

    /** Counts one call's answers and adds them to the report. */
    private synchronized void tally(List<Release> batch, List<?> results) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Map<?, ?> r = (Map<?, ?>) results.get(i);
            String key = batch.get(i).key();
            if (r.get("error") instanceof Map<?, ?> error) {
                fail(key, error.get("code") + ": " + error.get("message"));
                continue;
            }
            Map<?, ?> made = (Map<?, ?>) r.get("pressReleaseImport");
            boolean before = Boolean.TRUE.equals(r.get("alreadyImported"));
            if (before) {
                already++;
            } else {
                imported++;
            }
            lines.add(key + "\t" + (before ? "already" : "imported") + "\t" + made.get("id"));
        }
        record(lines);
    }

    private synchronized void fail(String key, String reason) throws IOException {
        failures.add(key + ": " + reason);
        record(List.of(key + "\tfailed\t\t" + reason.replace('\t', ' ').replace('\n', ' ')));
    }

    /** Keys a report holds as imported or already there, which a run with the same report skips. */
    private Set<String> done() throws IOException {
        Set<String> done = new HashSet<>();
        if (report != null && Files.exists(report)) {
            for (String line : Files.readAllLines(report)) {
                String[] cells = line.split("\t");
                if (cells.length >= 2 && !cells[1].equals("failed")) {
                    done.add(cells[0]);
                }
            }
        }
        return done;
    }

    private void record(List<String> lines) throws IOException {
        if (report != null && !lines.isEmpty()) {
            Files.write(report, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private synchronized void show(int done, int total) {
        sent += done;
        progress.printf("\r[%d/%d] imported %d, already there %d, failed %d", sent, total, imported, already, failures.size());
    }

    private int summary(long started, int status) {
        progress.println();
        out.printf("Imported %d, already there %d, failed %d%s in %.1f s%n", imported, already, failures.size(),
                skipped > 0 ? ", skipped " + skipped + " done in an earlier run" : "", (System.nanoTime() - started) / 1e9);
        failures.forEach(f -> out.println("  failed " + f));
        return status;
    }

    private static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** Just enough JSON for this tool: parse and write maps, lists, strings, numbers, booleans and null. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json json = new Json(text);
            Object value = json.value();
            json.space();
            if (json.i != text.length()) {
                throw new IllegalArgumentException("unexpected text at " + json.i);
            }
            return value;
        }

        private Object value() {
            space();
            if (i >= s.length()) {
                throw new IllegalArgumentException("unexpected end");
            }
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> map = new LinkedHashMap<>();
                i++;
                space();
                if (peek('}')) {
                    return map;
                }
                do {
                    space();
                    String key = string();
                    space();
                    expect(':');
                    map.put(key, value());
                    space();
                } while (peek(','));
                expect('}');
                return map;
            }
            if (c == '[') {
                List<Object> list = new ArrayList<>();
                i++;
                space();
                if (peek(']')) {
                    return list;
                }
                do {
                    list.add(value());
                    space();
                } while (peek(','));
                expect(']');
                return list;
            }
            if (c == '"') {
                return string();
            }
            for (String word : List.of("true", "false", "null")) {
                if (s.startsWith(word, i)) {
                    i += word.length();
                    return word.equals("null") ? null : Boolean.valueOf(word);
                }
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            if (start == i) {
                throw new IllegalArgumentException("unexpected '" + c + "' at " + i);
            }
            return Double.parseDouble(s.substring(start, i));
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (i < s.length() && s.charAt(i) != '"') {
                char c = s.charAt(i++);
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case 'b' -> b.append('\b');
                        case 'f' -> b.append('\f');
                        case 'u' -> {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
            expect('"');
            return b.toString();
        }

        private void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private boolean peek(char c) {
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw new IllegalArgumentException("expected '" + c + "' at " + i);
            }
        }

        static String write(Object value) {
            if (value == null) {
                return "null";
            }
            if (value instanceof Map<?, ?> map) {
                StringBuilder b = new StringBuilder("{");
                map.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append(write(k.toString())).append(':').append(write(v)));
                return b.append('}').toString();
            }
            if (value instanceof List<?> list) {
                StringBuilder b = new StringBuilder("[");
                list.forEach(v -> b.append(b.length() > 1 ? "," : "").append(write(v)));
                return b.append(']').toString();
            }
            if (value instanceof String text) {
                StringBuilder b = new StringBuilder("\"");
                for (char c : text.toCharArray()) {
                    switch (c) {
                        case '"' -> b.append("\\\"");
                        case '\\' -> b.append("\\\\");
                        case '\n' -> b.append("\\n");
                        case '\r' -> b.append("\\r");
                        case '\t' -> b.append("\\t");
                        default -> {
                            if (c < 0x20) {
                                b.append(String.format("\\u%04x", (int) c));
                            } else {
                                b.append(c);
                            }
                        }
                    }
                }
                return b.append('"').toString();
            }
            return value.toString();
        }
    }
}
