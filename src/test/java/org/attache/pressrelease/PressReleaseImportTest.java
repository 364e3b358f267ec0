package org.attache.pressrelease;

import static org.attache.GraphQL.assertError;
import static org.attache.GraphQL.ok;
import static org.attache.GraphQL.run;
import static org.attache.GraphQL.runAs;
import static org.attache.GraphQL.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.attache.security.Roles;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * Press releases in, through /graphql on a real PostgreSQL: a release's text becomes a draft that only editors see,
 * that publishing makes an ordinary record and discarding removes. The texts are written for these tests; each ends
 * with a reference line of its own so that a run never meets an earlier run's import of the same text.
 */
@QuarkusTest
public class PressReleaseImportTest {

    /** A visit with every kind of fact: head and host with posts, a wreath, a welcome, a meeting, a plan, a medal. */
    public static String visitRelease(String reference) {
        return """
                MONTEVIDEO, 12 June -

                The Minister of Defence of Uruguay, Colonel General Gunnar Halldorsson, today received a delegation led \
                by the Chief of the General Staff of the Armed Forces of Mongolia, Lieutenant General Bat-Erdene \
                Ganbold, who is on an official visit to Uruguay.

                Before the meeting, the Mongolian delegation laid a wreath at the Memorial to the Fallen Sailors. Then \
                a solemn welcoming ceremony was held at the Ministry of Defence, where the guest passed along the guard \
                of honour and the national anthems of both countries were performed.

                Colonel General G. Halldorsson welcomed the guests. The sides discussed cooperation in military, \
                military-technical and military-educational fields, as well as peacekeeping.

                At the end of the talks, the two sides signed a plan of bilateral military cooperation for 2025.

                The Mongolian delegation awarded Colonel Einar Magnusson, military attaché of Uruguay in Mongolia, with \
                the medal "For Strengthening Military Cooperation".

                Reference: %s.
                """.formatted(reference);
    }

    public static Map<String, Object> input(String text, String publishedOn) {
        Map<String, Object> input = new HashMap<>();
        input.put("text", text);
        input.put("publishedOn", publishedOn);
        input.put("outlet", "Ministry of Defence of Uruguay");
        return input;
    }

    static JsonPath importRelease(Map<String, Object> input) {
        return ok("import-press-release", "input", input);
    }

    @Test
    void aVisitReleaseBecomesADraftWithEveryFact() {
        JsonPath r = importRelease(input(visitRelease(UUID.randomUUID().toString()), "2024-06-12"));
        String p = "data.importPressRelease.";
        assertEquals("DRAFT", r.getString(p + "status"));
        assertEquals("test-admin", r.getString(p + "createdBy"));
        assertEquals("DRAFT", r.getString(p + "delegation.status"));
        assertEquals("OFFICIAL_VISIT", r.getString(p + "delegation.kind"));
        assertEquals("MNG", r.getString(p + "delegation.visitingCountry.code"));
        assertEquals("URY", r.getString(p + "delegation.hostCountry.code"));
        assertEquals("2024-06-12", r.getString(p + "delegation.startDate"));
        assertEquals("Bat-Erdene Ganbold", r.getString(p + "delegation.head.fullName"));
        assertEquals("Lieutenant General", r.getString(p + "delegation.head.rank"));
        assertTrue(r.getString(p + "delegation.head.position").startsWith("Chief of the General Staff"));
        assertEquals(List.of("Gunnar Halldorsson"), r.getList(p + "delegation.hosts.person.fullName"));
        assertEquals("Colonel General", r.getString(p + "delegation.hosts[0].person.rank"));
        // The medal, handed over on its own rather than "at the end of the meeting", is a ceremony of the visit.
        assertEquals(List.of("WREATH_LAYING", "WELCOME_CEREMONY", "MEETING", "SIGNING", "AWARD_CEREMONY"),
                r.getList(p + "delegation.agenda.kind"));
        assertEquals(List.of("WREATH"), r.getList(p + "delegation.agenda[0].honours"));
        assertTrue(r.getList(p + "delegation.agenda[1].honours").containsAll(List.of("GUARD_OF_HONOUR", "NATIONAL_ANTHEMS")));
        assertTrue(r.getList(p + "delegation.agenda[2].topics.slug").containsAll(
                List.of("military", "military-technical", "military-educational", "peacekeeping")));
        assertEquals("Ministry of Defence of Uruguay", r.getString(p + "source.outlet"));

        assertEquals(1, r.getList(p + "awards").size());
        assertEquals("For Strengthening Military Cooperation", r.getString(p + "awards[0].name"));
        assertEquals("MEDAL", r.getString(p + "awards[0].kind"));
        assertEquals("Einar Magnusson", r.getString(p + "awards[0].recipient.fullName"));
        assertEquals("URY", r.getString(p + "awards[0].recipient.country.code"));
        assertEquals("MNG", r.getString(p + "awards[0].conferredBy.code"));
        assertEquals(r.getString(p + "delegation.id"), r.getString(p + "awards[0].delegation.id"));

        assertEquals(1, r.getList(p + "agreements").size());
        assertEquals("PLAN", r.getString(p + "agreements[0].kind"));
        assertTrue(r.getString(p + "agreements[0].title").toLowerCase()
                .contains("plan of bilateral military cooperation for 2025"));
        assertTrue(r.getList(p + "agreements[0].parties.code").containsAll(List.of("MNG", "URY")));

        // Every drafted fact points at the words it came from, and the quote is those words.
        String text = r.getString(p + "text");
        List<Map<String, Object>> evidence = r.getList(p + "evidence");
        for (Map<String, Object> e : evidence) {
            assertEquals(codePoints(text, (Integer) e.get("start"), (Integer) e.get("end")), e.get("quote"));
        }
        List<String> fields = r.getList(p + "evidence.field");
        for (String field : List.of("delegation.head", "delegation.hostCountry", "delegation.startDate", "delegation.kind",
                "delegation.hosts[0]", "delegation.agenda[0]", "delegation.agenda[1].honours", "delegation.agenda[2].topics",
                "awards[0]", "awards[0].recipient", "agreements[0]")) {
            assertTrue(fields.contains(field), () -> field + " has no evidence: " + fields);
        }
        // "G. Halldorsson" is the same person as "Gunnar Halldorsson": one record, named twice.
        List<Map<String, Object>> people = r.getList(p + "people");
        long halldorsson = people.stream().filter(m -> ((String) m.get("text")).contains("Halldorsson"))
                .map(m -> ((Map<?, ?>) m.get("person")).get("id")).distinct().count();
        assertEquals(1, halldorsson, people::toString);
    }

    @Test
    void draftsAreSeenByEditorsOnlyUntilPublished() {
        String country = "MNG";
        JsonPath before = runAs(token(Roles.VIEWER), "drafts-as-reader", "visit", "0", "award", "0", "agreement", "0",
                "country", country);
        JsonPath r = importRelease(input(visitRelease(UUID.randomUUID().toString()), "2024-06-12"));
        String id = r.getString("data.importPressRelease.id");
        String visit = r.getString("data.importPressRelease.delegation.id");
        String award = r.getString("data.importPressRelease.awards[0].id");
        String agreement = r.getString("data.importPressRelease.agreements[0].id");

        JsonPath viewer = runAs(token(Roles.VIEWER), "drafts-as-reader", "visit", visit, "award", award, "agreement", agreement,
                "country", country);
        assertNull(viewer.get("errors"), viewer::prettify);
        assertNull(viewer.get("data.delegation"));
        assertNull(viewer.get("data.award"));
        assertNull(viewer.get("data.agreement"));
        assertFalse(viewer.getList("data.delegations.nodes.id").contains(visit));
        assertEquals(before.getInt("data.delegations.totalCount"), viewer.getInt("data.delegations.totalCount"));
        assertEquals(before.getInt("data.awards.totalCount"), viewer.getInt("data.awards.totalCount"));
        assertEquals(before.getInt("data.agreements.totalCount"), viewer.getInt("data.agreements.totalCount"));
        assertEquals(before.getInt("data.country.sentCount"), viewer.getInt("data.country.sentCount"));
        assertError(runAs(token(Roles.VIEWER), "draft-delegations", "country", country), "FORBIDDEN", "filter.status");

        JsonPath editor = runAs(token(Roles.EDITOR), "drafts-as-reader", "visit", visit, "award", award, "agreement", agreement,
                "country", country);
        assertEquals(visit, editor.getString("data.delegation.id"));
        assertEquals(award, editor.getString("data.award.id"));
        assertFalse(editor.getList("data.delegations.nodes.id").contains(visit), "default lists leave drafts out");
        assertTrue(runAs(token(Roles.EDITOR), "draft-delegations", "country", country).getList("data.delegations.nodes.id")
                .contains(visit));

        // An award an editor adds to the drafted visit is part of the draft, and is published with it.
        String added = ok("confer-award", "input", org.attache.Fixtures.awardInput(
                r.getString("data.importPressRelease.awards[0].recipient.id"), "MNG", "2024-06-12", visit))
                .getString("data.conferAward.id");
        assertNull(runAs(token(Roles.VIEWER), "award", "id", added).get("data.award"));

        int version = r.getInt("data.importPressRelease.version");
        JsonPath published = ok("publish-import", "id", id, "expectedVersion", version);
        assertEquals(added, runAs(token(Roles.VIEWER), "award", "id", added).getString("data.award.id"));
        assertEquals("PUBLISHED", published.getString("data.publishImport.status"));
        assertEquals("COMPLETED", published.getString("data.publishImport.delegation.status"));

        JsonPath after = runAs(token(Roles.VIEWER), "drafts-as-reader", "visit", visit, "award", award, "agreement", agreement,
                "country", country);
        assertEquals(visit, after.getString("data.delegation.id"));
        assertEquals(award, after.getString("data.award.id"));
        assertEquals(agreement, after.getString("data.agreement.id"));
        assertEquals(before.getInt("data.delegations.totalCount") + 1, after.getInt("data.delegations.totalCount"));
        assertEquals(before.getInt("data.awards.totalCount") + 2, after.getInt("data.awards.totalCount"));
        assertEquals(before.getInt("data.agreements.totalCount") + 1, after.getInt("data.agreements.totalCount"));
        assertEquals(before.getInt("data.country.sentCount") + 1, after.getInt("data.country.sentCount"));
        assertEquals(before.getInt("data.country.awardsConferredCount") + 2, after.getInt("data.country.awardsConferredCount"));
    }

    @Test
    void publishingIsVersionedAndHappensOnce() {
        JsonPath r = importRelease(input(visitRelease(UUID.randomUUID().toString()), "2024-06-12"));
        String id = r.getString("data.importPressRelease.id");
        int version = r.getInt("data.importPressRelease.version");
        assertError(run("publish-import", "id", id, "expectedVersion", version + 1), "CONFLICT", null);
        ok("publish-import", "id", id, "expectedVersion", version);
        assertError(run("publish-import", "id", id, "expectedVersion", version + 1), "VALIDATION", "id");
        assertError(run("discard-import", "id", id), "VALIDATION", "id");
        assertError(run("publish-import", "id", "999999999", "expectedVersion", 0), "NOT_FOUND", "id");
    }

    @Test
    void theSameReleaseTwiceIsTheSameImport() {
        String reference = UUID.randomUUID().toString();
        Map<String, Object> first = input(visitRelease(reference), "2024-06-12");
        first.put("sourceUrl", "https://mod.example/releases/" + reference);
        String id = importRelease(first).getString("data.importPressRelease.id");

        Map<String, Object> sameUrl = input(visitRelease(reference) + "\nUpdated.", "2024-06-12");
        sameUrl.put("sourceUrl", "https://mod.example/releases/" + reference);
        assertEquals(id, importRelease(sameUrl).getString("data.importPressRelease.id"));

        Map<String, Object> sameText = input(visitRelease(reference), "2024-06-12");
        assertEquals(id, importRelease(sameText).getString("data.importPressRelease.id"));
        assertEquals(1,
                ok("press-release-imports", "status", "DRAFT", "first", 100).getList("data.pressReleaseImports.nodes.id")
                        .stream().filter(id::equals).count());
    }

    @Test
    void twoImportsOfOneReleaseAtOnceMakeOneImport() throws Exception {
        Map<String, Object> in = input(visitRelease(UUID.randomUUID().toString()), "2024-06-12");
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            var first = two.submit(() -> importRelease(in));
            var second = two.submit(() -> importRelease(in));
            JsonPath a = first.get();
            JsonPath b = second.get();
            assertEquals(a.getString("data.importPressRelease.id"), b.getString("data.importPressRelease.id"));
            assertEquals(1,
                    List.of(a, b).stream().filter(r -> !r.getBoolean("data.importPressRelease.alreadyImported")).count(),
                    "one made it, the other found it");
        } finally {
            two.shutdown();
        }
    }

    @Test
    void releasesNamingOneNewPersonImportedAtOnceLinkOnePerson() throws Exception {
        String surname = "Ormar" + randomLetters();
        List<String> capitals = List.of("OSLO", "ROME", "LISBON", "ATHENS");
        ExecutorService four = Executors.newFixedThreadPool(capitals.size());
        try {
            List<Future<JsonPath>> imports = new ArrayList<>();
            for (String capital : capitals) {
                String text = """
                        %s, 14 May -

                        The Minister of Defence of Iceland, Gudrun %s, paid an official visit today and met her \
                        counterpart.

                        Reference: %s.
                        """.formatted(capital, surname, UUID.randomUUID());
                imports.add(four.submit(() -> importRelease(input(text, "2024-05-14"))));
            }
            Set<String> heads = new HashSet<>();
            for (var running : imports) {
                JsonPath answer = running.get();
                heads.add(answer.getString("data.importPressRelease.delegation.head.id"));
            }
            assertEquals(1, heads.size(), "one person, whichever import created her: " + heads);
            assertFalse(heads.contains(null));
        } finally {
            four.shutdown();
        }
    }

    @Test
    void theCommandLineLoaderImportsAFolderOnceAndResumesFromItsReport() throws Exception {
        Path folder = Files.createTempDirectory("releases");
        for (int n = 0; n < 5; n++) {
            Files.writeString(folder.resolve("release-" + n + ".txt"), visitRelease(UUID.randomUUID().toString()));
        }
        Files.writeString(folder.resolve("release-2.json"), "{\"input\": {\"publishedOn\": \"2024-06-12\"}}");
        Files.write(folder.resolve("latin-1.txt"), "Ceremonia en Bogot\u00e1".getBytes(StandardCharsets.ISO_8859_1));
        Path report = folder.resolve("report.tsv");

        List<String> first = load(folder, "--report", report.toString(), "--published-on", "2024-06-13", "--outlet",
                "Army Times",
                "--parallel", "3");
        assertEquals("1", first.get(0), "some failed: " + first);
        assertTrue(first.get(1).startsWith("Imported 5, already there 0, failed 1"), first.toString());
        assertTrue(first.get(2).contains("latin-1.txt: not UTF-8 text"), first.toString());
        List<String> rows = Files.readAllLines(report);
        assertEquals(6, rows.size(), rows::toString);
        String sidecarRow = rows.stream().filter(r -> r.contains("release-2.txt")).findFirst().orElseThrow();
        String id = sidecarRow.split("\t")[2];
        assertEquals("2024-06-12", ok("press-release-import", "id", id).getString("data.pressReleaseImport.source.publishedOn"),
                "the sidecar's day, not --published-on");

        // With the report, what was done is skipped; without it, the service answers that it is there already.
        List<String> resumed = load(folder, "--report", report.toString());
        assertTrue(resumed.get(1).startsWith("Imported 0, already there 0, failed 1, skipped 5"), resumed.toString());
        List<String> again = load(folder, "--published-on", "2024-06-13");
        assertTrue(again.get(1).startsWith("Imported 0, already there 5, failed 1"), again.toString());
    }

    @Test
    void aLineTheServiceRefusesFailsAloneAndTheOthersAreImported() throws Exception {
        Path lines = Files.createTempFile("releases", ".jsonl");
        Files.write(lines, List.of(
                "{\"text\": " + json(visitRelease(UUID.randomUUID().toString())) + ", \"publishedOn\": \"2024-06-12\"}",
                "{\"text\": " + json(visitRelease(UUID.randomUUID().toString())) + ", \"publishedOn\": \"2024-13-01\"}",
                "{\"text\": " + json(visitRelease(UUID.randomUUID().toString())) + ", \"publishedOn\": \"2024-06-14\"}"));
        List<String> printed = load(lines);
        assertEquals("1", printed.get(0), "one failed: " + printed);
        assertTrue(printed.get(1).startsWith("Imported 2, already there 0, failed 1"), printed.toString());
        assertTrue(printed.get(2).contains(":2: VALIDATION: publishedOn: \"2024-13-01\" is not a date"), printed.toString());
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** Runs src/cli/ImportReleases.java against the service under test: its exit status, then what it printed. */
    private static List<String> load(Path folder, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "src/cli/ImportReleases.java", folder.toString(), "--url",
                "http://localhost:" + RestAssured.port + "/graphql", "--token", token(Roles.EDITOR)));
        command.addAll(List.of(options));
        Process loader = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> printed = new String(loader.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertTrue(loader.waitFor(2, TimeUnit.MINUTES));
        List<String> answer = new ArrayList<>(List.of(String.valueOf(loader.exitValue())));
        answer.addAll(printed);
        return answer;
    }

    @Test
    void discardingRemovesWhatTheImportDraftedAndTheReleaseCanBeDraftedAgain() {
        String reference = UUID.randomUUID().toString();
        // A recipient no other test names: the import creates him, so discarding removes him.
        String recipient = "Einar Magnus" + randomLetters();
        String text = visitRelease(reference).replace("Einar Magnusson", recipient);
        JsonPath r = importRelease(input(text, "2024-06-12"));
        String id = r.getString("data.importPressRelease.id");
        String visit = r.getString("data.importPressRelease.delegation.id");
        String award = r.getString("data.importPressRelease.awards[0].id");
        String recipientId = r.getString("data.importPressRelease.awards[0].recipient.id");
        String head = r.getString("data.importPressRelease.delegation.head.id");
        assertEquals(recipient, r.getString("data.importPressRelease.awards[0].recipient.fullName"));

        String added = ok("confer-award", "input", org.attache.Fixtures.awardInput(recipientId, "MNG", "2024-06-12", visit))
                .getString("data.conferAward.id");
        assertEquals(id, ok("discard-import", "id", id).getString("data.discardImport"));
        assertEquals("DISCARDED", ok("press-release-import", "id", id).getString("data.pressReleaseImport.status"));
        assertNull(ok("delegation", "id", visit).get("data.delegation"));
        assertNull(ok("award", "id", award).get("data.award"));
        assertNull(ok("person", "id", recipientId).get("data.person"), "a person only the import named is removed with it");
        if (r.getBoolean("data.importPressRelease.people.find { it.person.id == '" + head + "' }.matched")) {
            assertNotNull(ok("person", "id", head).get("data.person"), "a person recorded before stays");
        }
        assertEquals("DELETE", ok("history", "entity", "Delegation", "id", visit).getString("data.history[-1].operation"));
        assertEquals("DELETE", ok("history", "entity", "Award", "id", added).getString("data.history[-1].operation"),
                "an award an editor added to the draft goes with it, and its history says so");

        JsonPath again = importRelease(input(text, "2024-06-12"));
        assertEquals(id, again.getString("data.importPressRelease.id"));
        assertEquals("DRAFT", again.getString("data.importPressRelease.status"));
        assertNotEquals(visit, again.getString("data.importPressRelease.delegation.id"));
    }

    @Test
    void personsAreMatchedAcrossImportsWhateverTheAccentsButNeverAcrossCountries() {
        String surname = "Kalin" + randomLetters();
        String accented = surname.replace("Kalin", "Kaliň");
        String first = """
                BUDAPEST, 3 May -

                The Minister of Defence of the Slovak Republic, Robert %s, paid an official visit to Hungary today, \
                where he met the Minister of Defence of Hungary, Kristof Szalayfi.

                Reference: %s.
                """.formatted(accented, UUID.randomUUID());
        String second = """
                VIENNA, 9 May -

                The Minister of Defence of the Slovak Republic, Robert %s, paid an official visit to Austria today, \
                where he met the Federal Minister of Defence of Austria, Klaudia Tannerberg.

                Reference: %s.
                """.formatted(surname.toUpperCase().charAt(0) + surname.substring(1), UUID.randomUUID());
        JsonPath a = importRelease(input(first, "2024-05-03"));
        JsonPath b = importRelease(input(second, "2024-05-09"));
        String headA = a.getString("data.importPressRelease.delegation.head.id");
        assertNotNull(headA, a::prettify);
        assertEquals(headA, b.getString("data.importPressRelease.delegation.head.id"));
        Map<String, Object> mention = b.getMap("data.importPressRelease.people.find { it.person.id == '" + headA + "' }");
        assertEquals(true, mention.get("matched"));

        // Family name first is the same person too.
        String reversed = """
                BRATISLAVA, 11 May -

                The Minister of Defence of Croatia, Ivan Anusic, received the Minister of Defence of the Slovak Republic, \
                %s Robert, who is on an official visit to Croatia.

                Reference: %s.
                """.formatted(surname, UUID.randomUUID());
        JsonPath d = importRelease(input(reversed, "2024-05-11"));
        assertEquals(headA, d.getString("data.importPressRelease.delegation.head.id"), d::prettify);

        // The same name serving another country is another person.
        String third = """
                PRAGUE, 10 May -

                The Minister of Defence of Poland, Robert %s, paid an official visit to the Czech Republic today.

                Reference: %s.
                """.formatted(surname, UUID.randomUUID());
        JsonPath c = importRelease(input(third, "2024-05-10"));
        assertNotEquals(headA, c.getString("data.importPressRelease.delegation.head.id"));
    }

    @Test
    void aRecordedNameWithASchwaIsMatchedByEitherEnglishSpelling() {
        String surname = "liyev" + randomLetters();
        String recorded = org.attache.Fixtures.person("Zaur Ə" + surname, "AZE");
        for (String spelling : List.of("A", "E")) {
            String text = """
                    BAKU, 6 May -

                    The Minister of Defence of Georgia, Irakli Chikovani, paid an official visit to Azerbaijan today, \
                    where he met the Deputy Minister of Defence of Azerbaijan, Zaur %s%s.

                    Reference: %s.
                    """.formatted(spelling, surname, UUID.randomUUID());
            JsonPath imported = importRelease(input(text, "2024-05-06"));
            Map<String, Object> mention = imported.getMap(
                    "data.importPressRelease.people.find { it.person.id == '" + recorded + "' }");
            assertNotNull(mention, imported::prettify);
            assertEquals(true, mention.get("matched"), spelling);
        }
    }

    @Test
    void anAwardCeremonyAloneDraftsAnAwardAndNoVisit() {
        String text = """
                TALLINN, 14 February -

                The President of Estonia, Alar Kariste, today conferred the Order of the Cross of the Eagle, third class, \
                on Colonel Marco Ferrantelli, Defence Attaché of Italy to Estonia, at a ceremony in Kadriorg Palace.

                Reference: %s.
                """.formatted(UUID.randomUUID());
        JsonPath r = importRelease(input(text, "2024-02-14"));
        String p = "data.importPressRelease.";
        assertNull(r.get(p + "delegation"), r::prettify);
        assertEquals(1, r.getList(p + "awards").size());
        assertEquals("ORDER", r.getString(p + "awards[0].kind"));
        assertEquals("third class", r.getString(p + "awards[0].grade"));
        assertEquals("Marco Ferrantelli", r.getString(p + "awards[0].recipient.fullName"));
        assertEquals("ITA", r.getString(p + "awards[0].recipient.country.code"));
        assertEquals("EST", r.getString(p + "awards[0].conferredBy.code"));
        assertEquals("2024-02-14", r.getString(p + "awards[0].conferredOn"));
    }

    @Test
    void relativeDatesAreReadFromThePublicationDayAndNoYearIsEverGuessed() {
        String text = """
                The Commander of the Armed Forces of Bolivia, General Juan Jose Zunigaro, paid a working visit to \
                Paraguay on Friday, where he held talks with the Commander of the Armed Forces of Paraguay, \
                General Cesar Ramirezo.

                Reference: %s.
                """.formatted(UUID.randomUUID());
        // 2024-03-13 is a Wednesday: "on Friday", in the past tense, is the 8th.
        JsonPath dated = importRelease(input(text, "2024-03-13"));
        assertEquals("2024-03-08", dated.getString("data.importPressRelease.delegation.startDate"));

        String undated = """
                The Commander of the Armed Forces of Bolivia, General Juan Jose Zunigaro, paid a working visit to \
                Luxembourg on 5 March, where he held talks with the Chief of Defence of Luxembourg, General Steve \
                Thullo.

                Reference: %s.
                """.formatted(UUID.randomUUID());
        Map<String, Object> noDay = input(undated, null);
        JsonPath r = importRelease(noDay);
        String id = r.getString("data.importPressRelease.id");
        assertNull(r.get("data.importPressRelease.delegation.startDate"), r::prettify);
        assertTrue(r.getList("data.importPressRelease.warnings").stream().anyMatch(w -> ((String) w).contains("startDate")));
        assertError(run("publish-import", "id", id, "expectedVersion", r.getInt("data.importPressRelease.version")),
                "VALIDATION", "delegation.startDate");

        // The editor sets the day; the draft's undated agenda takes it, and the draft publishes.
        String visit = r.getString("data.importPressRelease.delegation.id");
        Map<String, Object> fixed = new HashMap<>();
        fixed.put("title", r.getString("data.importPressRelease.delegation.title"));
        fixed.put("kind", r.getString("data.importPressRelease.delegation.kind"));
        fixed.put("status", "DRAFT");
        fixed.put("visitingCountry", "BOL");
        fixed.put("hostCountry", "LUX");
        fixed.put("startDate", "2024-03-05");
        ok("update-delegation", "id", visit, "input", fixed, "expectedVersion", 0);
        JsonPath after = ok("press-release-import", "id", id);
        assertEquals(List.of("2024-03-05"),
                after.getList("data.pressReleaseImport.delegation.agenda.date").stream().distinct().toList());
        JsonPath published = ok("publish-import", "id", id, "expectedVersion", after.getInt("data.pressReleaseImport.version"));
        assertEquals("COMPLETED", published.getString("data.publishImport.delegation.status"));
    }

    @Test
    void badInputIsRefusedWithACodeAndWritesNothing() {
        int before = ok("press-release-imports", "first", 1).getInt("data.pressReleaseImports.totalCount");
        assertError(run("import-press-release", "input", Map.of("text", "   ")), "VALIDATION", "text");
        assertError(run("import-press-release", "input", Map.of("text", "\u200b\u200b\n")), "VALIDATION", "text");
        assertError(run("import-press-release", "input", Map.of("text", "A visit\u0000 took place.")), "VALIDATION", "text");
        assertError(run("import-press-release", "input", Map.of("text", "A visit\u0007 took place.")), "VALIDATION", "text");
        assertError(run("import-press-release", "input", Map.of("text", "x".repeat(ImportService.MAX_TEXT + 1))), "VALIDATION",
                "text");
        assertError(run("import-press-release", "input", Map.of("text", visitRelease("far"), "publishedOn", "2099-01-01")),
                "VALIDATION", "publishedOn");
        assertError(run("import-press-release", "input", Map.of("text", visitRelease("url"), "sourceUrl", "ftp://x")),
                "VALIDATION", "sourceUrl");
        assertEquals(before, ok("press-release-imports", "first", 1).getInt("data.pressReleaseImports.totalCount"));
    }

    @Test
    void aBatchImportsEachReleaseOnItsOwnAndARefusedOneLeavesTheOthersImported() {
        Map<String, Object> first = input(visitRelease(UUID.randomUUID().toString()), "2024-06-12");
        Map<String, Object> second = input(visitRelease(UUID.randomUUID().toString()), "2024-06-12");
        JsonPath r = ok("import-press-releases", "inputs", List.of(first, Map.of("text", " "), second, first));
        List<Map<String, Object>> results = r.getList("data.importPressReleases");
        assertEquals(4, results.size());
        String a = r.getString("data.importPressReleases[0].pressReleaseImport.id");
        String b = r.getString("data.importPressReleases[2].pressReleaseImport.id");
        assertNull(r.get("data.importPressReleases[0].error"));
        assertEquals("VALIDATION", r.getString("data.importPressReleases[1].error.code"));
        assertEquals("inputs[1].text", r.getString("data.importPressReleases[1].error.field"));
        assertNull(r.get("data.importPressReleases[1].pressReleaseImport"));
        assertEquals(a, r.getString("data.importPressReleases[3].pressReleaseImport.id"));
        assertEquals(true, r.getBoolean("data.importPressReleases[3].alreadyImported"));
        // Committed, each on its own: both are there afterwards.
        assertEquals("DRAFT", ok("press-release-import", "id", a).getString("data.pressReleaseImport.status"));
        assertEquals("DRAFT", ok("press-release-import", "id", b).getString("data.pressReleaseImport.status"));
        assertError(run("import-press-releases", "inputs", java.util.Collections.nCopies(ImportApi.MAX_BATCH + 1, first)),
                "VALIDATION", "inputs");
    }

    @Test
    void onlyEditorsImportPublishOrDiscard() {
        Map<String, Object> in = input(visitRelease(UUID.randomUUID().toString()), "2024-06-12");
        assertError(runAs(token(Roles.VIEWER), "import-press-release", "input", in), "FORBIDDEN", null);
        assertError(runAs(token(Roles.VIEWER), "press-release-imports"), "FORBIDDEN", null);
        JsonPath r = runAs(token(Roles.EDITOR), "import-press-release", "input", in);
        assertNull(r.get("errors"), r::prettify);
        String id = r.getString("data.importPressRelease.id");
        assertError(runAs(token(Roles.VIEWER), "discard-import", "id", id), "FORBIDDEN", null);
        assertNull(runAs(token(Roles.EDITOR), "discard-import", "id", id).get("errors"));
    }

    /** text[start..end) counted in code points, as the API counts offsets. */
    static String codePoints(String text, int start, int end) {
        return new String(text.codePoints().skip(start).limit(end - start).toArray(), 0, end - start);
    }

    @Test
    void offsetsCountCharactersAsPeopleDoNotUtf16Units() {
        String text = "🎖️ ULAANBAATAR, 3 July - The Minister of Defence of Mongolia, Lieutenant General Gursed Saikhanbayar, "
                + "received the Chief of Defence of Ireland, Lieutenant General Sean Clancyson, who is on an official visit to "
                + "Mongolia. Reference: " + UUID.randomUUID() + ".";
        JsonPath r = importRelease(input(text, "2024-07-03"));
        Map<String, Object> head = r.getMap("data.importPressRelease.evidence.find { it.field == 'delegation.head' }");
        assertEquals("Lieutenant General Sean Clancyson", head.get("quote"));
        assertEquals("Lieutenant General Sean Clancyson",
                codePoints(text, (Integer) head.get("start"), (Integer) head.get("end")));
    }

    private static String randomLetters() {
        StringBuilder letters = new StringBuilder();
        for (char c : UUID.randomUUID().toString().replaceAll("[^a-f]", "").toCharArray()) {
            letters.append((char) ('a' + (c - 'a') * 4 % 26));
        }
        return letters.substring(0, Math.min(6, letters.length()));
    }
}
