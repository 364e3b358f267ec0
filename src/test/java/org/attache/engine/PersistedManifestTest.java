package org.attache.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A trusted-documents manifest is read as Apollo writes it, and an entry whose id is not its body's hash is refused;
 * so is trusted mode together with federation.
 */
class PersistedManifestTest {

    private static String manifest(String id, String body) {
        return new JsonObject().put("format", "apollo-persisted-query-manifest").put("version", 1)
                .put("operations", new JsonArray().add(new JsonObject().put("id", id).put("name", "Topics")
                        .put("type", "query").put("body", body)))
                .encode();
    }

    @Test
    void entriesAreKeptByTheirHash() {
        String body = "query Topics { topics { slug } }";
        assertEquals(Map.of(PersistedDocuments.hash(body), body),
                PersistedDocuments.operations(manifest(PersistedDocuments.hash(body), body), "manifest.json"));
    }

    @Test
    void anIdThatIsNotTheBodysHashIsRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> PersistedDocuments.operations(
                manifest("0".repeat(64), "query Topics { topics { slug } }"), "manifest.json"));
        assertTrue(refused.getMessage().startsWith("manifest.json: operation 0 (Topics)"), refused.getMessage());
    }

    @Test
    void trustedDocumentsAndFederationExcludeEachOther() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new PersistedDocuments(true, Optional.empty(), true));
        assertTrue(refused.getMessage().startsWith("ATTACHE_TRUSTED_DOCUMENTS and ATTACHE_FEDERATION cannot both be on"));
    }

    @Test
    void theHashIsApollosLowercaseHexSha256() {
        // printf '%s' '{ __typename }' | sha256sum
        assertEquals("7f56e67dd21ab3f30d1ff8b7bed08893f0a0db86449836189b361dd1e56ddb4b",
                PersistedDocuments.hash("{ __typename }"));
    }
}
