package org.attache.person;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class PersonNamesTest {

    @Test
    void aNameIsItsFoldedWordsWhateverTheSpacingAndHyphens() {
        assertEquals("kalinak", PersonNames.key("Kaliňák"));
        assertEquals("anna spaced", PersonNames.key("Anna \t  Spaced"));
        assertEquals("zola orsted", PersonNames.key("Zola-Ørsted"));
        assertEquals("zola orsted", PersonNames.key("Zola\u2011Ørsted"));
        assertEquals("z hasanov", PersonNames.key("Z. Hasanov"));
        assertEquals("istanbul lukasz", PersonNames.key("İSTANBUL ŁUKASZ"));
    }

    @Test
    void aNameWithASchwaIsKnownByBothEnglishSpellings() {
        assertEquals(List.of("zaur eliyev", "zaur aliyev"), PersonNames.keys("Zaur Əliyev"));
        assertEquals(List.of("kerim veliyev", "karim valiyev"), PersonNames.keys("Kərim Vəliyev"));
        assertEquals(List.of("zakir hasanov"), PersonNames.keys("Zakir Hasanov"));
    }
}
