package org.attache.country;

import static org.attache.GraphQL.ok;
import static org.attache.GraphQL.okWithResolvers;
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
    void countriesAreInTheOrderPeopleReadNamesWhateverTheDatabasesCollation() {
        for (boolean resolvers : List.of(false, true)) {
            List<String> names = (resolvers ? okWithResolvers("countries") : ok("countries")).getList("data.countries.name");
            // Byte order would put Åland Islands after Zimbabwe and Türkiye after Tuvalu.
            assertTrue(names.indexOf("Afghanistan") < names.indexOf("Åland Islands"), names::toString);
            assertTrue(names.indexOf("Åland Islands") < names.indexOf("Albania"), names::toString);
            assertTrue(names.indexOf("Türkiye") < names.indexOf("Turkmenistan"), names::toString);
            assertTrue(names.indexOf("Turkmenistan") < names.indexOf("Tuvalu"), names::toString);
        }
    }

    @Test
    void countryLooksUpCaseInsensitivelyAndAnswersNullForUnknown() {
        assertEquals("Kazakhstan", ok("country", "code", "kaz").getString("data.country.name"));
        assertNull(ok("country", "code", "XXX").get("data.country"));
    }
}
