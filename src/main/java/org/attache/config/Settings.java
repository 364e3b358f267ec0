package org.attache.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;

/**
 * Every {@code attache.*} setting, typed, in one place: a key is spelled once, here (kebab-case of the method names),
 * and a setting that does not exist or has the wrong type stops the start with its name. Values and defaults are in
 * application.properties; README's configuration table names each one's environment variable. Safe at static init:
 * SmallRye GraphQL builds the engine then (EngineCustomizer), from the same sources as at run time.
 */
@StaticInitSafe
@ConfigMapping(prefix = "attache")
public interface Settings {

    Graphql graphql();

    Federation federation();

    Metrics metrics();

    Clients clients();

    Subscriptions subscriptions();

    Auth auth();

    DemoData demoData();

    /** What one GraphQL operation may ask for, and how it is answered. */
    interface Graphql {

        /** Tokens of one operation document (graphql-java's parser limit). */
        int maxTokens();

        int maxDepth();

        /** The most values an operation may return (the cost model of docs/api.md). */
        long maxCost();

        int maxAliases();

        /** The most bytes of JSON one answer may hold. */
        MemorySize maxResultSize();

        boolean introspection();

        /** Queries answered with one SQL statement where the shape allows. */
        boolean sqlReads();

        /** How long caches may keep an anonymous GET answer. */
        Duration getMaxAge();

        /** Only registered documents run. */
        boolean trustedDocuments();

        /** A manifest of further trusted documents (hash to document). */
        Optional<Path> trustedDocumentsManifest();

        ListLengths listLengths();

        /** The longest lists the cost model counts with. */
        interface ListLengths {

            /** Measured in the data rather than assumed. */
            boolean fromData();

            Duration refresh();
        }
    }

    interface Federation {

        /** Serve an Apollo Federation v2 subgraph. */
        boolean enabled();
    }

    interface Metrics {

        /** Distinct operation names the operation timer keeps before counting the rest as one. */
        int maxOperationNames();
    }

    /** Each client's share of the service. */
    interface Clients {

        double requestsPerSecond();

        int burst();

        int concurrentOperations();

        MemorySize bytesPerMinute();
    }

    interface Subscriptions {

        int maxPerConnection();

        MemorySize maxUnreadBytes();

        Duration initTimeout();

        int maxPendingEvents();
    }

    interface Auth {

        /** Callers without a token read as viewers. */
        boolean anonymousReads();

        /** One-click tokens signed by the dev key (dev mode and tests only). */
        boolean devTokens();
    }

    interface DemoData {

        /** Record the seed visit into an empty database at start. */
        boolean enabled();
    }
}
