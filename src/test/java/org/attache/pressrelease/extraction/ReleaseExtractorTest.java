package org.attache.pressrelease.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The extractor alone (no service, no database): the hard parts of real releases, one behaviour per test. */
class ReleaseExtractorTest {

    private final ReleaseExtractor extractor = new ReleaseExtractor();

    private Extraction extract(String text, String publishedOn) {
        return extractor.extract(text, publishedOn == null ? null : LocalDate.parse(publishedOn));
    }

    /**
     * The founding release, with every fact docs/examples records. Its text is not ours to keep in the repository: the
     * test reads it where the project's shared files are (attache.seed.release), and says so when it is absent.
     */
    @Test
    void theFoundingReleaseDraftsEveryFactOfTheSeedVisit() throws Exception {
        Path seed = Path.of(System.getProperty("attache.seed.release", "../shared/seed/press-release-2024-04-25.txt"));
        Assumptions.assumeTrue(Files.exists(seed), "the founding release is not at " + seed.toAbsolutePath());
        Extraction e = extract(Files.readString(seed), "2024-04-25");
        Extraction.Visit visit = e.visit();
        assertEquals(List.of("KAZ", "AZE", "OFFICIAL_VISIT", "COMPLETED", "2024-04-25"),
                List.of(visit.visitingCountry(), visit.hostCountry(), visit.kind(), visit.status(), visit.startDate().toString()));
        assertEquals("Sultan Kamaletdinov", e.people().get(visit.head()).fullName());
        assertEquals("Lieutenant General", e.people().get(visit.head()).rank());
        assertEquals(List.of("Zakir Hasanov", "Karim Valiyev"), visit.hosts().stream().map(i -> e.people().get(i).fullName()).toList());
        assertEquals(List.of("WREATH_LAYING", "WREATH_LAYING", "WELCOME_CEREMONY", "MEETING", "MEETING"),
                visit.agenda().stream().map(Extraction.Item::kind).toList());
        assertEquals(Set.of("WREATH", "FLOWERS"), visit.agenda().get(0).honours());
        assertEquals(Set.of("GUARD_OF_HONOUR", "NATIONAL_ANTHEMS", "BOOK_OF_HONOUR"), visit.agenda().get(2).honours());
        assertEquals(Set.of("military", "military-technical", "military-educational", "army-reform"), visit.agenda().get(3).topics());
        assertEquals(Set.of("military", "joint-exercises"), visit.agenda().get(4).topics());
        Extraction.AwardFact medal = e.awards().get(0);
        assertEquals(1, e.awards().size());
        assertEquals("For contribution in the development of international cooperation", medal.name());
        assertEquals(List.of("MEDAL", "KAZ", "Zaur Karimov", "AZE"), List.of(medal.kind(), medal.conferredBy(),
                e.people().get(medal.recipient()).fullName(), e.people().get(medal.recipient()).country()));
        assertTrue(e.agreements().isEmpty());
        assertTrue(e.warnings().isEmpty(), e.warnings()::toString);
    }

    @Test
    void abbreviationsBeforeNamesDoNotEndASentence() {
        List<Sentences.Sentence> sentences = Sentences.of("Lt. Gen. S. Kamaletdinov met Col. Z. Karimov. They talked.");
        assertEquals(2, sentences.size());
        assertEquals("They talked.", sentences.get(1).text());
    }

    @Test
    void rankTitleAndPostAreKeptApartFromTheName() {
        Extraction e = extract("""
                The Chief of the General Staff of the British Army, General Sir Roland Walker, who is visiting Kenya, \
                called on the Chief of the Defence Forces, Gen. Charles Kahariri.""", "2024-08-06");
        Extraction.PersonFact walker = e.people().get(e.visit().head());
        assertEquals("Roland Walker", walker.fullName());
        assertEquals("General", walker.rank());
        assertEquals("Sir", walker.title());
        assertEquals("Chief of the General Staff of the British Army", walker.position());
        assertEquals("GBR", walker.country());
        assertEquals("KEN", e.visit().hostCountry());
        assertEquals("Charles Kahariri", e.people().get(e.visit().hosts().get(0)).fullName());
    }

    @Test
    void aLaterShortMentionIsTheSamePerson() {
        Extraction e = extract("""
                ANKARA, 3 March - The Chief of the General Staff of Türkiye, General Metin Gürak, received the Commander \
                of the Land Forces of Pakistan, General Asim Qadir, who is on an official visit to Türkiye.

                General Metin thanked the guest. Later, General Gürak and General Qadir discussed joint exercises.""",
                "2023-03-03");
        assertEquals(2, e.people().size(), e.people()::toString);
        assertEquals(3, e.people().stream().filter(p -> p.fullName().equals("Metin Gürak")).findFirst().orElseThrow().mentions().size());
    }

    @Test
    void relativeDatesFollowThePublicationDayAndTense() {
        assertEquals(LocalDate.parse("2024-03-08"),
                extract("General Ali Hasan of Jordan paid a visit to Oman on Friday.", "2024-03-13").visit().startDate());
        assertEquals(LocalDate.parse("2024-03-12"),
                extract("General Ali Hasan of Jordan arrived in Oman yesterday on an official visit.", "2024-03-13").visit().startDate());
        Extraction planned = extract("General Ali Hasan of Jordan will pay an official visit to Oman on Friday.", "2024-03-13");
        assertEquals(LocalDate.parse("2024-03-15"), planned.visit().startDate());
        assertEquals("PLANNED", planned.visit().status());
    }

    @Test
    void aDateWithoutAYearStaysUnsetWithoutAPublicationDay() {
        Extraction e = extract("General Ali Hasan of Jordan paid an official visit to Oman on 5 March.", null);
        assertNull(e.visit().startDate());
        assertTrue(e.warnings().stream().anyMatch(w -> w.contains("startDate")), e.warnings()::toString);
        assertEquals(LocalDate.parse("2023-12-28"),
                extract("General Ali Hasan of Jordan paid an official visit to Oman on 28 December.", "2024-01-02").visit().startDate(),
                "a past event in December, read in January, was last year");
    }

    @Test
    void aDayOutsideWhatCanBeStoredIsNoDate() {
        // Published on the first day that can be stored, "3 March" of the year before would be 1899.
        assertNull(extract("General Ali Hasan of Jordan paid an official visit to Oman on 3 March.", "1900-01-01").visit().startDate());
    }

    @Test
    void aSpanGivesTheLastDay() {
        Extraction e = extract("A delegation led by General Ali Hasan of Jordan visited Oman from 3 to 5 June.", "2024-06-06");
        assertEquals(LocalDate.parse("2024-06-03"), e.visit().startDate());
        assertEquals(LocalDate.parse("2024-06-05"), e.visit().endDate());
    }

    @Test
    void backgroundParagraphsGiveNoAgenda() {
        Extraction e = extract("""
                BAKU, 9 October - The Minister of Defense of Azerbaijan, Colonel General Zakir Hasanov, who is visiting \
                Belarus, held talks with the Minister of Defense of Belarus, Lieutenant General Andrei Ravkov.

                It should be noted that the two armies held joint exercises near Minsk in 2016, where wreaths were laid \
                at the memorial to the fallen.""", "2017-10-09");
        assertEquals(List.of("TALKS"), e.visit().agenda().stream().map(Extraction.Item::kind).toList());
    }

    @Test
    void theBookOfHonourIsNoDocumentSigned() {
        Extraction e = extract("""
                The Kazakh delegation led by Lieutenant General Sultan Kamaletdinov arrived in Baku. A welcoming ceremony \
                was held, and the Book of Honour was signed in accordance with the protocol.""", "2024-04-25");
        assertTrue(e.agreements().isEmpty(), e.agreements()::toString);
        assertTrue(e.visit().agenda().get(0).honours().contains("BOOK_OF_HONOUR"));
    }

    @Test
    void aMultilateralMeetingListsTheOtherCountries() {
        Extraction e = extract("""
                GIRESUN, Turkey, 31 March - The Minister of Defence of Azerbaijan, Colonel General Zakir Hasanov, today \
                attended a trilateral meeting of defence ministers in the Turkish city of Giresun together with the \
                Minister of National Defence of Turkey, Nurettin Canikli, and the Minister of Defence of Georgia, \
                Levan Izoria.""", "2017-03-31");
        assertEquals("MULTILATERAL_EVENT", e.visit().kind());
        assertEquals("AZE", e.visit().visitingCountry());
        assertEquals("TUR", e.visit().hostCountry());
        assertEquals(List.of("GEO"), e.visit().otherCountries());
    }

    @Test
    void aNameBeforeACommaIsNoDatelineAndTheOneCallingLeads() {
        Extraction e = extract("""
                Lieutenant General Ahmad Yasin, Commander of the Indonesian Army, paid a courtesy call on the Chief of \
                Defence Force of Brunei Darussalam, Major General Pengiran Haji Aminan, on Tuesday. During the visit he \
                was briefed on the roles of the Royal Brunei Armed Forces.""", "2024-06-06");
        assertEquals(List.of("IDN", "BRN"), List.of(e.visit().visitingCountry(), e.visit().hostCountry()));
        assertEquals("Ahmad Yasin", e.people().get(e.visit().head()).fullName());
        assertEquals(List.of("MEETING", "BRIEFING"), e.visit().agenda().stream().map(Extraction.Item::kind).toList());
    }

    @Test
    void theCounterpartOfTheVisitingSideLeadsAndTheWelcomeIsNoMeeting() {
        Extraction e = extract("""
                NEW DELHI - Defence Minister Rajnath Singh held bilateral talks with his Australian counterpart Richard \
                Marles in New Delhi on Tuesday. Earlier, Mr Marles was accorded a Guard of Honour at the South Block lawns. \
                He also laid a wreath at the National War Memorial.""", "2024-09-20");
        assertEquals(List.of("AUS", "IND"), List.of(e.visit().visitingCountry(), e.visit().hostCountry()));
        assertEquals("Richard Marles", e.people().get(e.visit().head()).fullName());
        assertEquals(List.of("Rajnath Singh"), e.visit().hosts().stream().map(i -> e.people().get(i).fullName()).toList());
        assertEquals(List.of("WELCOME_CEREMONY", "TALKS", "WREATH_LAYING"), e.visit().agenda().stream().map(Extraction.Item::kind).toList());

        Extraction hosted = extract("""
                HANOI, 5 June - General Phan Van Giang, Minister of National Defence of Vietnam, hosted a welcome ceremony \
                for the visiting Minister of Defence of Cambodia, General Tea Seiha, with a 19-gun salute.""", "2024-06-05");
        assertEquals(List.of("WELCOME_CEREMONY"), hosted.visit().agenda().stream().map(Extraction.Item::kind).toList());
        assertEquals(Set.of("GUN_SALUTE"), hosted.visit().agenda().get(0).honours());
    }

    @Test
    void aPhoneCallIsNoVisit() {
        assertNull(extract("The Minister of Defence of Azerbaijan, Colonel General Zakir Hasanov, held a telephone conversation"
                + " with the Minister of Defence of Turkey, Yasar Guler.", "2024-01-10").visit());
    }

    @Test
    void theSameNameIsTheSamePersonWhateverTheAccents() {
        assertEquals(org.attache.person.PersonNames.key("Robert Kaliňák"), org.attache.person.PersonNames.key("ROBERT  KALINAK"));
        assertTrue(org.attache.person.PersonNames.shortFormOf(List.of("z", "hasanov"), List.of("zakir", "hasanov")));
        assertTrue(!org.attache.person.PersonNames.shortFormOf(List.of("k", "hasanov"), List.of("zakir", "hasanov")));
    }
}
