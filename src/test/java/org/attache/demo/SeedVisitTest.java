package org.attache.demo;

import static org.attache.GraphQL.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The founding press release, recorded through the public mutations of docs/examples and read back field by field. */
@QuarkusTest
class SeedVisitTest {

    @Test
    void seedVisitIsRecordedThroughTheApiAndReadsBackCompletely() {
        Map<String, String> ids = org.attache.Fixtures.seedVisit();
        // The read-back document is the one docs/examples publishes.
        JsonPath visit = post(SeedVisit.document("seed-visit.graphql"), "visit", ids.get("visit"));
        assertNull(visit.get("errors"), visit::prettify);
        String d = "data.delegation.";

        assertEquals("OFFICIAL_VISIT", visit.getString(d + "kind"));
        assertEquals("COMPLETED", visit.getString(d + "status"));
        assertEquals("2024-04-25", visit.getString(d + "startDate"));
        assertNull(visit.get(d + "endDate"));
        assertEquals("Kazakhstan", visit.getString(d + "visitingCountry.name"));
        assertEquals("Azerbaijan", visit.getString(d + "hostCountry.name"));

        // Who led whom, with ranks and posts.
        assertEquals("Sultan Kamaletdinov", visit.getString(d + "head.fullName"));
        assertEquals("Lieutenant General", visit.getString(d + "head.rank"));
        assertEquals(
                "First Deputy Minister of Defense, Chief of the General Staff of the Armed Forces of the Republic of Kazakhstan",
                visit.getString(d + "head.position"));
        assertEquals("KAZ", visit.getString(d + "head.country.code"));
        assertEquals(List.of("Head of delegation"), visit.getList(d + "members.role"));
        assertEquals(List.of("Zakir Hasanov", "Karim Valiyev"), visit.getList(d + "hosts.person.fullName"));
        assertEquals(List.of("Colonel General", "Colonel General"), visit.getList(d + "hosts.person.rank"));
        assertEquals("Minister of Defense of the Republic of Azerbaijan", visit.getString(d + "hosts[0].position"));
        assertEquals(List.of("joint-exercises", "military", "military-educational", "military-technical"),
                visit.getList(d + "topics.slug"));
        assertEquals("News.Az", visit.getString(d + "sources[0].outlet"));

        // The agenda, in the order it happened.
        assertEquals(List.of("WREATH_LAYING", "WREATH_LAYING", "WELCOME_CEREMONY", "MEETING", "MEETING"),
                visit.getList(d + "agenda.kind"));
        assertEquals(
                List.of("Alley of Honor, Baku", "Alley of Shehids, Baku", "Ministry of Defense of the Republic of Azerbaijan",
                        "Ministry of Defense of the Republic of Azerbaijan", "General Staff of the Azerbaijan Army"),
                visit.getList(d + "agenda.location"));
        assertEquals(List.of("FLOWERS", "WREATH"), visit.getList(d + "agenda[0].honours"));
        assertEquals(List.of("BOOK_OF_HONOUR", "GUARD_OF_HONOUR", "NATIONAL_ANTHEMS"), visit.getList(d + "agenda[2].honours"));
        assertEquals(List.of("Sultan Kamaletdinov", "Zakir Hasanov"), visit.getList(d + "agenda[3].participants.fullName"));
        assertEquals(List.of("army-reform", "military", "military-educational", "military-technical"),
                visit.getList(d + "agenda[3].topics.slug").stream().sorted().toList());
        assertEquals(List.of("Karim Valiyev", "Sultan Kamaletdinov"), visit.getList(d + "agenda[4].participants.fullName"));
        assertEquals(List.of("joint-exercises", "military"),
                visit.getList(d + "agenda[4].topics.slug").stream().sorted().toList());

        // The medal and its recipient.
        assertEquals(1, visit.getList(d + "awards").size());
        assertEquals("For contribution in the development of international cooperation", visit.getString(d + "awards[0].name"));
        assertEquals("MEDAL", visit.getString(d + "awards[0].kind"));
        assertEquals("Zaur Karimov", visit.getString(d + "awards[0].recipient.fullName"));
        assertEquals("Colonel", visit.getString(d + "awards[0].recipient.rank"));
        assertEquals("KAZ", visit.getString(d + "awards[0].conferredBy.code"));
        assertEquals("2024-04-25", visit.getString(d + "awards[0].conferredOn"));
    }
}
