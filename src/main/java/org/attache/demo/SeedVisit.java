package org.attache.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * Records the founding press release (2024-04-25, Kazakh delegation in Azerbaijan) by running the GraphQL documents
 * of docs/examples through the public API, in order. Every top-level alias of a step's result becomes a variable of
 * the same name, holding that object's id, for the steps after it: that is how step 2 learns who "kamaletdinov" is.
 */
public final class SeedVisit {

    /** Where the build puts docs/examples on the classpath. */
    static final String FOLDER = "demo/";

    public static final List<String> STEPS = List.of("01-people.graphql", "02-visit.graphql", "03-agenda.graphql",
            "04-award.graphql");

    private SeedVisit() {
    }

    /**
     * Runs every step with {@code graphql}, which posts one request ({query, variables}) and returns the response.
     * Returns the ids recorded, by alias ("visit", "hasanov", "medal", ...).
     */
    public static Map<String, String> record(UnaryOperator<JsonObject> graphql) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (String step : STEPS) {
            JsonObjectBuilder variables = Json.createObjectBuilder();
            ids.forEach(variables::add);
            JsonObject response = graphql.apply(Json.createObjectBuilder()
                    .add("query", document(step))
                    .add("variables", variables)
                    .build());
            if (response.containsKey("errors") || !response.containsKey("data")
                    || response.get("data").getValueType() != JsonValue.ValueType.OBJECT) {
                throw new IllegalStateException("Seed step " + step + " failed: " + response);
            }
            response.getJsonObject("data").forEach((alias, value) -> ids.put(alias, value.asJsonObject().getString("id")));
        }
        return ids;
    }

    public static String document(String name) {
        try (InputStream in = SeedVisit.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + FOLDER + name + " on the classpath (it comes from docs/examples)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
