package org.attache.graphql;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.introspection.Introspection;
import graphql.parser.ParserOptions;

/**
 * Installs Attaché's instrumentation on the GraphQL engine: request limits before SmallRye's own chain (its parsed
 * document cache), error codes after it. SmallRye has no setting for extra instrumentation, only the builder event
 * (quarkus.smallrye-graphql.events.enabled), and the builder does not show what it holds; the engine it builds
 * does, so a throwaway build reveals SmallRye's chain. Also sets graphql-java's token limit for operations, which
 * SmallRye's parser-max-tokens does not reach (it sets the limit for schema documents only), and its introspection
 * switch.
 */
@ApplicationScoped
public class ExecutionPolicy {

    @ConfigProperty(name = "attache.graphql.max-depth")
    int maxDepth;

    @ConfigProperty(name = "attache.graphql.max-cost")
    long maxCost;

    @ConfigProperty(name = "attache.graphql.max-aliases")
    int maxAliases;

    @ConfigProperty(name = "attache.graphql.max-tokens")
    int maxTokens;

    @ConfigProperty(name = "attache.graphql.introspection")
    boolean introspection;

    void install(@Observes GraphQL.Builder builder) {
        ParserOptions.setDefaultOperationParserOptions(
                ParserOptions.getDefaultOperationParserOptions().transform(options -> options.maxTokens(maxTokens)));
        // graphql-java's switch is checked once per operation; SmallRye's field-visibility alternative filters every
        // field lookup of every request (measurable in Q2's profile).
        Introspection.enabledJvmWide(introspection);
        Instrumentation smallRye = builder.build().getInstrumentation();
        List<Instrumentation> chain = new ArrayList<>();
        chain.add(new RequestLimits(maxDepth, maxCost, maxAliases));
        // One flat chain: graphql-java calls every member for every field, and each level of nesting costs per field.
        if (smallRye instanceof ChainedInstrumentation chained) {
            chain.addAll(chained.getInstrumentations());
        } else {
            chain.add(smallRye);
        }
        chain.add(new ErrorCodes());
        builder.instrumentation(new ChainedInstrumentation(chain));
    }
}
