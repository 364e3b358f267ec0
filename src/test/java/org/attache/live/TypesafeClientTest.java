package org.attache.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URL;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.attache.GraphQL;
import org.attache.security.Roles;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.graphql.client.GraphQLClientException;
import io.smallrye.graphql.client.typesafe.api.GraphQLClientApi;
import io.smallrye.graphql.client.typesafe.api.TypesafeGraphQLClientBuilder;

/**
 * SmallRye's typesafe client, as a Java team writes one against Attaché: an interface whose methods are the fields
 * and whose records are the selections (docs/clients.md shows it). Dates, enums, IDs, nested objects, a connection
 * page, a mutation, and a refusal with its code.
 */
@QuarkusTest
class TypesafeClientTest {

    enum DelegationKind {
        MULTILATERAL_EVENT,
        OFFICIAL_VISIT,
        OTHER,
        STATE_VISIT,
        WORKING_VISIT
    }

    enum DelegationStatus {
        CANCELLED,
        COMPLETED,
        DRAFT,
        ONGOING,
        PLANNED
    }

    record Country(@Id String id, String code, String name) {
    }

    record Visit(@Id String id, String nodeId, String title, DelegationKind kind, LocalDate startDate,
            Country visitingCountry, Country hostCountry) {
    }

    record PageInfo(boolean hasNextPage, String endCursor) {
    }

    record VisitPage(List<Visit> nodes, PageInfo pageInfo, int totalCount) {
    }

    @Name("DelegationInput")
    record NewVisit(@NonNull String title, @NonNull DelegationKind kind, @NonNull DelegationStatus status,
            @NonNull String visitingCountry, @NonNull String hostCountry, @NonNull LocalDate startDate) {
    }

    @GraphQLClientApi
    interface Attache {
        @Query
        Visit delegation(@Id @NonNull String id);

        @Query
        VisitPage delegations(int first);

        @Query
        Country country(@NonNull String code);

        @Mutation
        Visit createDelegation(@NonNull NewVisit input);
    }

    @TestHTTPResource("/graphql")
    URL graphql;

    private Attache client(String role) {
        return TypesafeGraphQLClientBuilder.newBuilder().endpoint(graphql.toString())
                .header("Authorization", "Bearer " + GraphQL.token(role)).build(Attache.class);
    }

    @Test
    void queriesAndMutationsAreTypedJava() {
        Attache editor = client(Roles.EDITOR);
        String title = "Typesafe visit " + UUID.randomUUID();
        Visit created = editor.createDelegation(new NewVisit(title, DelegationKind.OFFICIAL_VISIT, DelegationStatus.COMPLETED,
                "KAZ", "AZE", LocalDate.of(2024, 4, 25)));
        assertEquals(title, created.title());
        assertEquals(LocalDate.of(2024, 4, 25), created.startDate());
        assertEquals("Azerbaijan", created.hostCountry().name());
        assertEquals("KAZ", created.visitingCountry().id(), "a country's id is its code");

        Visit read = client(Roles.VIEWER).delegation(created.id());
        assertEquals(created, read, "the mutation's answer and the query's are the same record");
        assertEquals(DelegationKind.OFFICIAL_VISIT, read.kind());

        VisitPage page = client(Roles.VIEWER).delegations(2);
        assertEquals(Math.min(2, page.totalCount()), page.nodes().size());
        assertEquals(page.totalCount() > 2, page.pageInfo().hasNextPage());
        assertFalse(page.pageInfo().endCursor().isBlank());
    }

    @Test
    void aRefusalComesWithItsCode() {
        GraphQLClientException refused = assertThrows(GraphQLClientException.class, () -> client(Roles.VIEWER).delegations(-1));
        assertEquals("VALIDATION", refused.getErrors().get(0).getExtensions().get("code"));
        GraphQLClientException forbidden = assertThrows(GraphQLClientException.class, () -> client(Roles.VIEWER)
                .createDelegation(new NewVisit("Not mine", DelegationKind.WORKING_VISIT, DelegationStatus.PLANNED, "KAZ", "AZE",
                        LocalDate.of(2024, 5, 1))));
        assertEquals("FORBIDDEN", forbidden.getErrors().get(0).getExtensions().get("code"));
    }
}
