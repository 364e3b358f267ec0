package org.attache.country;

import static org.attache.GraphQL.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CountryApiTest {

    @Test
    void countriesListsAllOfIso3166ByName() {
        List<String> codes = ok("countries").getList("data.countries.code");
        assertEquals(249, codes.size());
        assertTrue(codes.containsAll(List.of("AZE", "KAZ", "TUR", "USA")));
        List<String> names = ok("countries").getList("data.countries.name");
        assertEquals("Afghanistan", names.get(0));
    }

    @Test
    void countryLooksUpCaseInsensitivelyAndAnswersNullForUnknown() {
        assertEquals("Kazakhstan", ok("country", "code", "kaz").getString("data.country.name"));
        assertNull(ok("country", "code", "XXX").get("data.country"));
    }
}
