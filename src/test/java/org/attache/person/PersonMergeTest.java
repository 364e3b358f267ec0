package org.attache.person;

import static org.attache.Fixtures.awardInput;
import static org.attache.Fixtures.delegation;
import static org.attache.Fixtures.delegationInput;
import static org.attache.Fixtures.person;
import static org.attache.GraphQL.assertError;
import static org.attache.GraphQL.ok;
import static org.attache.GraphQL.run;
import static org.attache.GraphQL.runAs;
import static org.attache.GraphQL.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.attache.security.Roles;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Duplicates folded into one record, and records made in error deleted, through /graphql. */
@QuarkusTest
class PersonMergeTest {

    @Test
    void mergingMovesEveryReferenceToTheKeptPersonAndDeletesTheOther() {
        String keep = person("Sultan Kamaletdinov", "KAZ");
        String duplicate = person("S. Kamaletdinov", "KAZ");
        String host = person("Zakir Hasanov", "AZE");
        Map<String, Object> visit = delegationInput("KAZ", "AZE", "2024-04-25");
        visit.put("headId", duplicate);
        visit.put("members", List.of(Map.of("personId", duplicate), Map.of("personId", keep)));
        visit.put("hosts", List.of(Map.of("personId", host)));
        String visitId = delegation(visit);
        String award = ok("confer-award", "input", awardInput(duplicate, "AZE", "2024-04-25", visitId))
                .getString("data.conferAward.id");

        JsonPath merged = ok("merge-persons", "keepId", keep, "removeId", duplicate);
        assertEquals(List.of(visitId), merged.getList("data.mergePersons.delegationsLed.id"));
        assertEquals(List.of(award), merged.getList("data.mergePersons.awardsReceived.id"));
        assertNull(ok("person", "id", duplicate).get("data.person"));
        JsonPath v = ok("delegation", "id", visitId);
        assertEquals(keep, v.getString("data.delegation.head.id"));
        assertEquals(List.of(keep), v.getList("data.delegation.members.person.id"), "listed twice, kept once");
        assertEquals("DELETE", ok("history", "entity", "Person", "id", duplicate).getString("data.history[-1].operation"));
        assertEquals("UPDATE", ok("history", "entity", "Person", "id", keep).getString("data.history[-1].operation"));
    }

    @Test
    void mergingIsRefusedAcrossCountriesOrIntoItself() {
        String a = person("Ali Veli", "TUR");
        String b = person("Ali Veli", "AZE");
        assertError(run("merge-persons", "keepId", a, "removeId", b), "VALIDATION", "removeId");
        assertError(run("merge-persons", "keepId", a, "removeId", a), "VALIDATION", "removeId");
        assertError(run("merge-persons", "keepId", a, "removeId", "999999999"), "NOT_FOUND", "removeId");
        assertError(runAs(token(Roles.VIEWER), "merge-persons", "keepId", a, "removeId", b), "FORBIDDEN", null);
    }

    @Test
    void aPersonStillReferencedIsNotDeletedAndTheRefusalSaysByWhat() {
        String recipient = person("Zaur Karimov", "AZE");
        ok("confer-award", "input", awardInput(recipient, "KAZ", "2024-04-25", null));
        JsonPath refused = run("delete-person", "id", recipient);
        assertError(refused, "CONFLICT", null);
        assertTrue(refused.getString("errors[0].message").contains("received 1 award(s)"), refused::prettify);

        String unused = person("Recorded In Error", "AZE");
        assertError(runAs(token(Roles.EDITOR), "delete-person", "id", unused), "FORBIDDEN", null);
        assertEquals(unused, ok("delete-person", "id", unused).getString("data.deletePerson"));
        assertNull(ok("person", "id", unused).get("data.person"));
    }
}
