package org.attache.agreement;

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

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.attache.security.Roles;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Documents signed, through /graphql: recorded during a visit or not, filtered, corrected and deleted. */
@QuarkusTest
class AgreementApiTest {

    static Map<String, Object> agreementInput(String title, List<String> parties, String delegationId) {
        Map<String, Object> input = new HashMap<>();
        input.put("title", title);
        input.put("kind", "MEMORANDUM");
        input.put("signedOn", "2024-04-25");
        input.put("parties", parties);
        input.put("delegationId", delegationId);
        return input;
    }

    @Test
    void aDocumentSignedDuringAVisitIsRecordedWithPartiesAndSignatories() {
        String visit = delegation(delegationInput("KAZ", "AZE", "2024-04-25"));
        String signatory = person("Aigerim Testova", "KAZ");
        Map<String, Object> input = agreementInput("Memorandum on military education", List.of("kaz", "AZE"), visit);
        input.put("signatoryIds", List.of(signatory));
        JsonPath r = ok("record-agreement", "input", input);
        String id = r.getString("data.recordAgreement.id");
        assertEquals(List.of("KAZ", "AZE"), r.getList("data.recordAgreement.parties.code"));
        assertEquals(List.of("Aigerim Testova"), r.getList("data.recordAgreement.signatories.fullName"));
        assertEquals(visit, r.getString("data.recordAgreement.delegation.id"));
        assertEquals(List.of(id), ok("visit-agreements", "id", visit).getList("data.delegation.agreements.id"));
        assertTrue(ok("agreements", "filter", Map.of("party", "AZE", "kind", "MEMORANDUM"), "first", 100)
                .getList("data.agreements.nodes.id").contains(id));
        assertEquals(List.of(id),
                ok("agreements", "filter", Map.of("signatoryId", signatory)).getList("data.agreements.nodes.id"));
        assertEquals("CREATE", ok("history", "entity", "Agreement", "id", id).getString("data.history[0].operation"));
    }

    @Test
    void badDocumentsAreRefusedWithTheFieldNamed() {
        String visit = delegation(delegationInput("KAZ", "AZE", "2024-04-25"));
        assertError(run("record-agreement", "input", agreementInput("Plan", List.of("KAZ", "XXX"), null)), "NOT_FOUND",
                "parties[1]");
        assertError(run("record-agreement", "input", agreementInput("Plan", List.of("KAZ", "kaz"), null)), "VALIDATION",
                "parties[1]");
        assertError(run("record-agreement", "input", agreementInput("Plan", List.of(), null)), "VALIDATION", "parties");
        Map<String, Object> late = agreementInput("Plan", List.of("KAZ", "AZE"), visit);
        late.put("signedOn", "2024-04-20"); // the visit starts on the 25th
        assertError(run("record-agreement", "input", late), "VALIDATION", "signedOn");
    }

    @Test
    void aDocumentIsCorrectedWithItsVersionAndDeletedByAnAdmin() {
        JsonPath r = ok("record-agreement", "input", agreementInput("Protocol of talks", List.of("TUR", "AZE"), null));
        String id = r.getString("data.recordAgreement.id");
        Map<String, Object> corrected = agreementInput("Protocol of the joint commission", List.of("TUR", "AZE", "GEO"), null);
        corrected.put("kind", "PROTOCOL");
        assertError(run("update-agreement", "id", id, "input", corrected, "expectedVersion", 5), "CONFLICT", null);
        JsonPath u = ok("update-agreement", "id", id, "input", corrected, "expectedVersion",
                r.getInt("data.recordAgreement.version"));
        assertEquals("PROTOCOL", u.getString("data.updateAgreement.kind"));
        assertEquals(List.of("TUR", "AZE", "GEO"), u.getList("data.updateAgreement.parties.code"));
        assertError(runAs(token(Roles.EDITOR), "delete-agreement", "id", id), "FORBIDDEN", null);
        assertEquals(id, ok("delete-agreement", "id", id).getString("data.deleteAgreement"));
        assertNull(ok("agreements", "filter", Map.of("party", "GEO"), "first", 100).getList("data.agreements.nodes.id").stream()
                .filter(id::equals).findAny().orElse(null));
    }
}
