package org.attache.graphql;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import io.smallrye.graphql.execution.QueryCache;

/**
 * Installs Attaché's instrumentation on the GraphQL engine: request limits and error codes. SmallRye offers no way
 * to add an instrumentation to its own chain, so this replaces the chain, which held only SmallRye's parsed-document
 * cache (re-created here, as instrumentation and document provider both) and its optional depth and complexity
 * checks, which {@link RequestLimits} supersedes. Needs quarkus.smallrye-graphql.events.enabled.
 */
@ApplicationScoped
public class ExecutionPolicy {

    @ConfigProperty(name = "attache.graphql.max-depth")
    int maxDepth;

    @ConfigProperty(name = "attache.graphql.max-cost")
    long maxCost;

    @ConfigProperty(name = "attache.graphql.max-aliases")
    int maxAliases;

    void install(@Observes GraphQL.Builder builder) {
        QueryCache documents = new QueryCache();
        builder.instrumentation(new ChainedInstrumentation(List.of(
                        new RequestLimits(maxDepth, maxCost, maxAliases), documents, new ErrorCodes())))
                .preparsedDocumentProvider(documents);
    }
}
