package org.attache.topic;

import static org.attache.Fixtures.unique;
import static org.attache.GraphQL.assertError;
import static org.attache.GraphQL.ok;
import static org.attache.GraphQL.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TopicApiTest {

    @Test
    void topicsHoldTheSeededVocabulary() {
        List<String> slugs = ok("topics").getList("data.topics.slug");
        assertTrue(slugs.containsAll(List.of("military", "military-technical", "military-educational", "joint-exercises",
                "demining", "cybersecurity", "peacekeeping", "regional-security")), slugs::toString);
    }

    @Test
    void createTopicExtendsTheVocabulary() {
        String slug = unique("space").toLowerCase();
        assertEquals("Space cooperation",
                ok("create-topic", "input", Map.of("slug", slug, "label", " Space cooperation "))
                        .getString("data.createTopic.label"));
        assertTrue(ok("topics").getList("data.topics.slug").contains(slug));
    }

    @Test
    void createTopicRejectsDuplicateMalformedAndTooLong() {
        assertError(run("create-topic", "input", Map.of("slug", "military", "label", "Again")), "CONFLICT", null);
        assertError(run("create-topic", "input", Map.of("slug", "Not A Slug", "label", "Bad")), "VALIDATION", "slug");
        assertError(run("create-topic", "input", Map.of("slug", "long-label", "label", "l".repeat(121))), "VALIDATION",
                "label");
    }
}
