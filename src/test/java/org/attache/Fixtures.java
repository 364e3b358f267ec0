package org.attache;

import static org.attache.GraphQL.ok;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.attache.demo.SeedVisit;

import io.restassured.path.json.JsonPath;

/** Builds valid inputs and records through the API, so each test states only what it is about. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> personInput(String fullName, String country) {
        Map<String, Object> input = new HashMap<>();
        input.put("fullName", fullName);
        input.put("rank", "Colonel");
        input.put("position", "Defense attaché");
        input.put("country", country);
        return input;
    }

    public static String person(String fullName, String country) {
        return ok("create-person", "input", personInput(fullName, country)).getString("data.createPerson.id");
    }

    /** A new topic no other test uses: filtering by it isolates a test's visits from everyone else's. */
    public static String topic() {
        String slug = unique("t").toLowerCase();
        ok("create-topic", "input", Map.of("slug", slug, "label", "Topic " + slug));
        return slug;
    }

    public static Map<String, Object> delegationInput(String visiting, String host, String startDate) {
        Map<String, Object> input = new HashMap<>();
        input.put("title", "Visit of " + visiting + " to " + host + " on " + startDate);
        input.put("kind", "OFFICIAL_VISIT");
        input.put("status", "COMPLETED");
        input.put("visitingCountry", visiting);
        input.put("hostCountry", host);
        input.put("startDate", startDate);
        input.put("members", new ArrayList<>());
        input.put("hosts", new ArrayList<>());
        input.put("topics", new ArrayList<>(List.of("military")));
        return input;
    }

    public static String delegation(Map<String, Object> input) {
        return ok("create-delegation", "input", input).getString("data.createDelegation.id");
    }

    public static Map<String, Object> agendaInput(String kind, String title, String date) {
        Map<String, Object> input = new HashMap<>();
        input.put("kind", kind);
        input.put("title", title);
        input.put("date", date);
        return input;
    }

    public static Map<String, Object> awardInput(String recipientId, String conferredBy, String conferredOn,
            String delegationId) {
        Map<String, Object> input = new HashMap<>();
        input.put("name", "Medal for cooperation");
        input.put("kind", "MEDAL");
        input.put("recipientId", recipientId);
        input.put("conferredBy", conferredBy);
        input.put("conferredOn", conferredOn);
        input.put("delegationId", delegationId);
        return input;
    }

    /** Records the founding press release's visit through the public mutations of docs/examples; answers its ids. */
    public static Map<String, String> seedVisit() {
        return SeedVisit.record(request -> {
            JsonPath response = GraphQL.post(request.getString("query"), variables(request.getJsonObject("variables")));
            try (var reader = Json.createReader(new StringReader(response.prettify()))) {
                return reader.readObject();
            }
        });
    }

    private static Object[] variables(JsonObject json) {
        return json.entrySet().stream()
                .flatMap(e -> Stream.of(e.getKey(), ((JsonString) e.getValue()).getString()))
                .toArray();
    }
}
