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
     * test reads it where the project's shared files are (attache-tests.seed-release), and says so when it is absent.
     */
    @Test
    void theFoundingReleaseDraftsEveryFactOfTheSeedVisit() throws Exception {
        Path seed = Path.of(System.getProperty("attache-tests.seed-release", "../shared/seed/press-release-2024-04-25.txt"));
        Assumptions.assumeTrue(Files.exists(seed), "the founding release is not at " + seed.toAbsolutePath());
        Extraction e = extract(Files.readString(seed), "2024-04-25");
        Extraction.Visit visit = e.visit();
        assertEquals(List.of("KAZ", "AZE", "OFFICIAL_VISIT", "COMPLETED", "2024-04-25"),
                List.of(visit.visitingCountry(), visit.hostCountry(), visit.kind(), visit.status(),
                        visit.startDate().toString()));
        assertEquals("Sultan Kamaletdinov", e.people().get(visit.head()).fullName());
        assertEquals("Lieutenant General", e.people().get(visit.head()).rank());
        assertEquals(List.of("Zakir Hasanov", "Karim Valiyev"),
                visit.hosts().stream().map(i -> e.people().get(i).fullName()).toList());
        assertEquals(List.of("WREATH_LAYING", "WREATH_LAYING", "WELCOME_CEREMONY", "MEETING", "MEETING"),
                visit.agenda().stream().map(Extraction.Item::kind).toList());
        assertEquals(Set.of("WREATH", "FLOWERS"), visit.agenda().get(0).honours());
        assertEquals(Set.of("GUARD_OF_HONOUR", "NATIONAL_ANTHEMS", "BOOK_OF_HONOUR"), visit.agenda().get(2).honours());
        assertEquals(Set.of("military", "military-technical", "military-educational", "army-reform"),
                visit.agenda().get(3).topics());
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
        assertEquals(3, e.people().stream().filter(p -> p.fullName().equals("Metin Gürak")).findFirst().orElseThrow().mentions()
                .size());
    }

    @Test
    void relativeDatesFollowThePublicationDayAndTense() {
        assertEquals(LocalDate.parse("2024-03-08"),
                extract("General Ali Hasan of Jordan paid a visit to Oman on Friday.", "2024-03-13").visit().startDate());
        assertEquals(LocalDate.parse("2024-03-12"),
                extract("General Ali Hasan of Jordan arrived in Oman yesterday on an official visit.", "2024-03-13").visit()
                        .startDate());
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
                extract("General Ali Hasan of Jordan paid an official visit to Oman on 28 December.", "2024-01-02").visit()
                        .startDate(),
                "a past event in December, read in January, was last year");
    }

    @Test
    void aDayOutsideWhatCanBeStoredIsNoDate() {
        // Published on the first day that can be stored, "3 March" of the year before would be 1899.
        assertNull(extract("General Ali Hasan of Jordan paid an official visit to Oman on 3 March.", "1900-01-01").visit()
                .startDate());
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
        assertEquals(List.of("WELCOME_CEREMONY", "TALKS", "WREATH_LAYING"),
                e.visit().agenda().stream().map(Extraction.Item::kind).toList());

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
        assertEquals(org.attache.person.PersonNames.key("Robert Kaliňák"),
                org.attache.person.PersonNames.key("ROBERT  KALINAK"));
        assertTrue(org.attache.person.PersonNames.shortFormOf(List.of("z", "hasanov"), List.of("zakir", "hasanov")));
        assertTrue(!org.attache.person.PersonNames.shortFormOf(List.of("k", "hasanov"), List.of("zakir", "hasanov")));
    }

    @Test
    void aPostWrittenWithItsCountryGivesThePersonThatCountry() {
        Extraction e = extract("""
                RIGA, 12 May - Estonia's Minister of Defence, Kaarel Tamm, held talks in Riga today with the Latvian \
                Minister of Defence, Ilze Berzina, on air defence.""", "2025-05-12");
        Extraction.PersonFact guest = e.people().get(e.visit().head());
        assertEquals("Kaarel Tamm", guest.fullName());
        assertEquals("EST", guest.country());
        assertEquals(List.of("EST", "LVA"), List.of(e.visit().visitingCountry(), e.visit().hostCountry()));
    }

    @Test
    void particlesAndTitlesBeforeAGivenNameStayApart() {
        Extraction e = extract("""
                MANAMA - His Majesty King Salman bin Hamad Al Thani received the Federal Minister of Defence of Austria, \
                Klara von der Brugg, who is on an official visit to Bahrain.""", "2025-03-02");
        List<String> names = e.people().stream().map(Extraction.PersonFact::fullName).toList();
        assertTrue(names.contains("Salman bin Hamad Al Thani"), names::toString);
        assertTrue(names.contains("Klara von der Brugg"), names::toString);
        Extraction.PersonFact king = e.people().get(names.indexOf("Salman bin Hamad Al Thani"));
        assertEquals("H.M. King", king.title()); // the usual short form of "His Majesty"
        assertEquals("Klara von der Brugg", e.people().get(e.visit().head()).fullName());
    }

    @Test
    void aVisitDatedAfterPublicationIsPlannedWithTheDocumentToBeSigned() {
        Extraction e = extract("""
                MONTEVIDEO, 6 May - The Minister of Defence of Paraguay, Oscar Villalba, is to make an official visit to \
                Uruguay tomorrow, 7 May. After talks between the delegations, the two ministers are due to sign a \
                memorandum on military education.""", "2025-05-06");
        assertEquals("PLANNED", e.visit().status());
        assertEquals(LocalDate.parse("2025-05-07"), e.visit().startDate());
        assertEquals(List.of("TALKS", "SIGNING"), e.visit().agenda().stream().map(Extraction.Item::kind).toList());
        assertTrue(e.agreements().isEmpty(), "a document to be signed is not one signed");
    }

    @Test
    void theLastDayComesFromTheLengthOfTheVisitOrItsEnd() {
        Extraction days = extract("""
                The Chief of the Army Staff of Nepal, General Ashok Sigdel, arrived in Thimphu today on a four-day visit \
                to Bhutan and called on the Chief Operations Officer, Lieutenant General Batoo Tshering.""", "2025-06-10");
        assertEquals(List.of(LocalDate.parse("2025-06-10"), LocalDate.parse("2025-06-13")),
                List.of(days.visit().startDate(), days.visit().endDate()));
        Extraction until = extract("""
                The Commander of the Mongolian Armed Forces, Major General Dorj Bat, began a working visit to Bhutan \
                today that lasts until 14 June, and met Lieutenant General Batoo Tshering.""", "2025-06-11");
        assertEquals(List.of(LocalDate.parse("2025-06-11"), LocalDate.parse("2025-06-14")),
                List.of(until.visit().startDate(), until.visit().endDate()));
    }

    @Test
    void theLastDayIsTakenFromWhatTheReleaseSaysOfTheVisitsEnd() {
        Extraction ahead = extract("""
                ASTANA, 3 March - The Chief of the General Staff of Mongolia, Lieutenant General Ganzorig Dorj, met the \
                Minister of Defence of Kazakhstan, Colonel General Ruslan Zhaksylykov, during his official visit to \
                Kazakhstan today. The Mongolian delegation is due to stay in Kazakhstan until 5 March.""", "2025-03-03");
        assertEquals(List.of(LocalDate.parse("2025-03-03"), LocalDate.parse("2025-03-05")),
                List.of(ahead.visit().startDate(), ahead.visit().endDate()));
        Extraction weekday = extract("""
                The Chief of Defence of Ghana, Vice Admiral Seth Amoama, arrived in Abuja on Monday and met the Chief of \
                Defence Staff of Nigeria, General Christopher Musa. Admiral Amoama ends his working visit on Thursday.""",
                "2025-09-16");
        assertEquals(List.of(LocalDate.parse("2025-09-15"), LocalDate.parse("2025-09-18")),
                List.of(weekday.visit().startDate(), weekday.visit().endDate()));
        Extraction back = extract("""
                DHAKA, 15 February - The Chief of Naval Staff of Bangladesh, Admiral Nazmul Hassan, came back home on \
                Friday at the end of his official visit to Sri Lanka, where on 10 February he had met the Commander of \
                the Sri Lanka Navy, Vice Admiral Priyantha Perera.""", "2025-02-15");
        assertEquals(List.of(LocalDate.parse("2025-02-10"), LocalDate.parse("2025-02-14")),
                List.of(back.visit().startDate(), back.visit().endDate()));
    }

    @Test
    void anAwardConferredDuringAVisitIsACeremonyOfItsOwn() {
        Extraction e = extract("""
                LA PAZ, 3 April - The Commander of the Army of Peru, General Luis Reyes, who is on an official visit to \
                Bolivia, met the Commander of the Bolivian Army, General Juan Arce.

                In the course of the visit, General Reyes was also decorated with the Cross of the Bolivian Army.""",
                "2025-04-03");
        assertEquals(List.of("MEETING", "AWARD_CEREMONY"), e.visit().agenda().stream().map(Extraction.Item::kind).toList());
        assertEquals("Luis Reyes", e.people().get(e.awards().get(0).recipient()).fullName());
        assertEquals("BOL", e.awards().get(0).conferredBy());
    }

    @Test
    void aParagraphDatedDaysBeforeTheLeadIsBackground() {
        Extraction e = extract("""
                ASUNCION, 20 May - The Minister of Defence of Luxembourg, Anne Weber, is expected in Paraguay on \
                Thursday, 22 May, for an official visit. She is due to meet her Paraguayan counterpart, Minister of \
                National Defence Oscar Villalba.

                The Prime Minister of Luxembourg was in Asuncion on Monday, 12 May. Two agreements were signed on that \
                occasion.""", "2025-05-20");
        assertEquals(LocalDate.parse("2025-05-22"), e.visit().startDate());
        assertEquals(List.of("MEETING"), e.visit().agenda().stream().map(Extraction.Item::kind).toList());
        assertTrue(e.agreements().isEmpty(), e.agreements()::toString);
    }

    @Test
    void aDocumentNamedAgainIsTheSameDocument() {
        Extraction e = extract("""
                CAIRO - Egypt and Bhutan signed a memorandum of understanding on military cooperation at the end of a \
                visit to Cairo by the Chief Operations Officer of Bhutan, Lieutenant General Batoo Tshering.

                The Chief of Staff of the Egyptian Armed Forces, Lieutenant General Ahmed Khalifa, attended the signing \
                of the memorandum.""", "2025-02-01");
        assertEquals(1, e.agreements().size(), e.agreements()::toString);
        assertEquals(1, e.visit().agenda().stream().filter(i -> i.kind().equals("SIGNING")).count());
    }

    @Test
    void talksAreTitledWithTheHostAndAForeignMinisterIsNamed() {
        Extraction e = extract("""
                OSLO - Norway's Minister of Defence, Bjorn Gram, today received his Icelandic counterpart, Minister for \
                Foreign Affairs Thorgerdur Katrin Gunnarsdottir. The two ministers then held talks, accompanied by \
                Colonel Jon Jonsson of the Icelandic Coast Guard.""", "2025-04-02");
        assertEquals("Thorgerdur Katrin Gunnarsdottir", e.people().get(e.visit().head()).fullName());
        // The talks "then held" are their own item; they are with the host, not with the colonel who went along.
        assertEquals(List.of("Meeting with Bjorn Gram", "Talks with Bjorn Gram"),
                e.visit().agenda().stream().map(Extraction.Item::title).toList());
        assertEquals(List.of("Jon Jonsson"), e.visit().members().stream().map(i -> e.people().get(i).fullName()).toList());
    }

    @Test
    void theOneHeadingADelegationLeadsItAndAProgrammeStillToComeIsNoAgenda() {
        Extraction e = extract("""
                AMMAN -

                Heading a military delegation, Syria's Defence Minister Ali Mahmoud al-Abbas flew into Amman on Sunday. \
                He is on an official visit at the invitation of his Jordanian counterpart, Major General Yousef Huneiti.

                The programme of the visit provides for the signing of a memorandum of understanding on defence \
                cooperation. Iraq's support came to Jordan's aid last year.""", "2025-03-03");
        Extraction.PersonFact head = e.people().get(e.visit().head());
        assertEquals("Ali Mahmoud al-Abbas", head.fullName());
        assertEquals(List.of("SYR", "SYR", "JOR"),
                List.of(head.country(), e.visit().visitingCountry(), e.visit().hostCountry()));
        assertTrue(e.visit().agenda().stream().noneMatch(i -> i.kind().equals("SIGNING")), e.visit().agenda()::toString);
        assertTrue(e.agreements().isEmpty(), e.agreements()::toString);
    }

    @Test
    void oneWhoWasInTheCountryLeadsAndARoundTableIsAnEvent() {
        Extraction e = extract("""
                QUITO, Ecuador, Oct. 9 -

                The commander of U.S. Southern Command, Navy Adm. Alvin Holsey, was in Ecuador from Oct. 7 to 9 for \
                meetings with military leaders. It was his first visit to the country since he took command.

                On Oct. 8 Holsey met Ecuador's Minister of Defense, Gian Carlo Loffredo. Later that day he joined the \
                minister at a round table on maritime security.""", "2025-10-09");
        assertEquals("Alvin Holsey", e.people().get(e.visit().head()).fullName());
        assertEquals(List.of("MEETING", "OTHER"), e.visit().agenda().stream().map(Extraction.Item::kind).toList());
        assertEquals(LocalDate.parse("2025-10-09"), e.visit().endDate());
    }

    @Test
    void aShortNamingAfterAPostOrTitleIsTheOneNamedInFull() {
        Extraction e = extract("""
                HANOI, May 6 -

                The Minister of National Defence of Chile, Alvaro Riveros, is in Vietnam on an official visit at the \
                invitation of his Vietnamese counterpart, Phan Van Giang.

                At the ministry Minister Giang welcomed him with a military ceremony. Before that, earlier on Tuesday, \
                the guest laid a wreath at the Ho Chi Minh Mausoleum and called on Dr Nguyen Minh Chau, who heads the \
                Central Military Commission office. Minister Tran, who is not in the text otherwise, was absent.""",
                "2025-05-06");
        List<String> people = e.people().stream().map(Extraction.PersonFact::fullName).toList();
        assertEquals(List.of("Alvaro Riveros", "Phan Van Giang", "Nguyen Minh Chau"), people,
                "no person 'Tran' of a post and a word");
        assertEquals("VNM", e.people().get(1).country());
        List<Extraction.Item> agenda = e.visit().agenda();
        assertEquals(List.of("WREATH_LAYING", "MEETING", "WELCOME_CEREMONY"),
                agenda.stream().map(Extraction.Item::kind).toList(),
                "what came before that goes first");
        assertTrue(agenda.get(2).participants().contains(1), "the welcome is Minister Giang's");
    }

    @Test
    void anAwardByAPronounAndAPostHeldSinceAnEarlierYear() {
        Extraction e = extract("""
                MUSCAT -

                The Government of Japan has honoured the Sultanate of Oman's former Minister of Defence, Sayyid Badr \
                bin Saud Al Busaidi, by awarding him the Order of the Rising Sun.

                The French Ambassador, Michel Raineri, handed the insignia of a Knight of the Legion of Honour to \
                Captain Sten Sepper, who has been Chief of Staff of the Estonian Navy since July 2012.""", "2021-11-04");
        assertEquals(List.of("Badr bin Saud Al Busaidi", "Sten Sepper"),
                e.awards().stream().map(a -> e.people().get(a.recipient()).fullName()).toList());
        Extraction.PersonFact badr = e.people().get(e.awards().get(0).recipient());
        assertEquals(List.of("Sayyid", "OMN"), List.of(badr.title(), badr.country()));
        assertEquals("JPN", e.awards().get(0).conferredBy());
    }

    @Test
    void thoseTravellingWithTheHeadAreMembersAndAPressBriefingIsAnEvent() {
        Extraction e = extract("""
                ADDIS ABABA, 15 December -

                The Chief of Defence Forces of Uganda, General Muhoozi Kainerugaba, travelling with the Deputy Chief of \
                Defence Forces, Lt Gen Sam Okiding, arrived in Addis Ababa on Saturday for talks with his Ethiopian \
                counterpart, Field Marshal Birhanu Jula.

                Other officers in the Ugandan party were Lt Gen Sam Kavuma, Commander of the Transition Mission in \
                Somalia. The day closed with a joint press briefing.

                The visit builds on Field Marshal Jula's trip to Uganda, when he met President Yoweri Museveni.""",
                "2024-12-15");
        assertEquals("Muhoozi Kainerugaba", e.people().get(e.visit().head()).fullName());
        assertEquals(List.of("Sam Okiding", "Sam Kavuma"),
                e.visit().members().stream().map(i -> e.people().get(i).fullName()).toList());
        assertEquals("UGA", e.people().get(e.visit().members().get(1)).country(),
                "the mission is in Somalia, the officer Ugandan");
        assertEquals(List.of("Birhanu Jula"), e.visit().hosts().stream().map(i -> e.people().get(i).fullName()).toList());
        assertEquals(List.of("TALKS", "OTHER"), e.visit().agenda().stream().map(Extraction.Item::kind).toList());
    }

    @Test
    void aSigningSummedUpInTheLeadTakesItsPlaceWhenToldAgain() {
        Extraction e = extract("""
                ASTANA, November 8 - A plan of military cooperation between Kazakhstan and Georgia for 2024 was signed \
                during the official visit paid to Tbilisi on 7 November by the Minister of Defence of Kazakhstan, Colonel \
                General Ruslan Zhaksylykov.

                The Kazakh minister began by laying a wreath at the Memorial to the Heroes. He then met the Minister of \
                Defence of Georgia, Irakli Chikovani. The two ministers reviewed where cooperation stands today. At the end \
                of the meeting they signed the cooperation plan for 2024.

                The minister also went to the National Defence Academy, where he talked with cadets and urged them to \
                study hard, which will serve as a solid base for their service. He paid tribute to the fallen at the \
                Mtatsminda Pantheon and toured historical sites of the capital.""", "2023-11-08");
        assertEquals(List.of("WREATH_LAYING", "MEETING", "SIGNING", "SITE_VISIT", "WREATH_LAYING", "SITE_VISIT"),
                e.visit().agenda().stream().map(Extraction.Item::kind).toList());
        assertTrue(e.visit().agenda().stream().allMatch(i -> LocalDate.parse("2023-11-07").equals(i.date())),
                "'stands today' dates nothing");
        assertEquals(1, e.agreements().size(), e.agreements()::toString);
        assertEquals("Plan of military cooperation for 2024", e.agreements().get(0).title());
        assertEquals(LocalDate.parse("2023-11-07"), e.agreements().get(0).signedOn(), "not the dateline's day");
    }

    @Test
    void aPlaceWhereTheHostMetTheGuestIsAVisitOfThePlace() {
        Extraction e = extract("""
                ABU DHABI - The Chief of Staff of the UAE Armed Forces, Lt. General Hamad Al Rumaithi, has received the \
                Commander of the Royal Saudi Land Forces, Lieutenant General Fahd Al-Mutair, who is on a visit to the \
                country. Al-Mutair afterwards went on to the headquarters of the UAE Land Forces, where he was met by the \
                Commander of the UAE Land Forces, Major General Saeed Al Shehhi. He later visited the Defence Services \
                Command and Staff College.""", "2024-02-01");
        assertEquals(List.of("MEETING", "SITE_VISIT", "SITE_VISIT"),
                e.visit().agenda().stream().map(Extraction.Item::kind).toList());
        assertTrue(e.visit().agenda().get(1).participants().contains(2), "the commander who met him there");
    }

    @Test
    void aMinisterExpectedToArriveLeadsAPlannedVisit() {
        Extraction e = extract("""
                KAMPALA, January 29 -

                Nosiviwe Mapisa-Nqakula, South Africa's Minister of Defence, is expected to arrive in the South Sudanese \
                capital on Monday for a meeting with her counterpart, Kuol Manyang Juuk.""", "2018-01-27");
        Extraction.PersonFact head = e.people().get(e.visit().head());
        assertEquals(List.of("Nosiviwe Mapisa-Nqakula", "ZAF"), List.of(head.fullName(), head.country()));
        assertEquals(List.of("ZAF", "SSD", "PLANNED"),
                List.of(e.visit().visitingCountry(), e.visit().hostCountry(), e.visit().status()));
    }

    @Test
    void theSidesListedAtAMeetingGiveEachPersonTheirCountry() {
        Extraction e = extract("""
                ABUJA -

                President Bola Tinubu played host on Sunday to a delegation of U.S. Africa Command led by its Commander, \
                General Dagvin Anderson. The meeting was made public by the Special Assistant to the President, Dada \
                Olusegun, in a post.

                The American side consisted of the Charge d'Affaires of the U.S. Embassy, Mr. Keith Heffern; the Command \
                Sergeant Major, Garric M. Banfield; and the Senior Adviser, Ambassador Peter Vrooman. Sitting with \
                President Tinubu on the Nigerian side were the National Security Adviser, Mallam Nuhu Ribadu, and the \
                Minister of Defence, General Christopher Musa. Mr. Heffern thanked the hosts.""", "2026-02-09");
        Extraction.Visit visit = e.visit();
        assertEquals("Dagvin Anderson", e.people().get(visit.head()).fullName());
        assertEquals(List.of("Bola Tinubu", "Nuhu Ribadu", "Christopher Musa"),
                visit.hosts().stream().map(i -> e.people().get(i).fullName()).toList(), "not the one who made it public");
        assertEquals(List.of("Keith Heffern", "Garric M. Banfield", "Peter Vrooman"),
                visit.members().stream().map(i -> e.people().get(i).fullName()).toList());
        assertEquals("Mallam", e.people().get(visit.hosts().get(1)).title());
        assertEquals("Command Sergeant Major", e.people().get(visit.members().get(1)).rank());
        assertEquals(List.of("MEETING"), visit.agenda().stream().map(Extraction.Item::kind).toList());
    }

    @Test
    void aMinisterToLeadADelegationToACountryIsItsHead() {
        Extraction e = extract("""
                YEREVAN, 12 February -

                The Minister of Defence of Armenia, David Tonoyan, is to lead a delegation to Belarus on 13 and 14 \
                February at the invitation of the Minister of Defence of Belarus, Major-General Victor Khrenin.""",
                "2020-02-12");
        assertEquals("David Tonoyan", e.people().get(e.visit().head()).fullName());
        assertEquals(List.of("ARM", "BLR", "PLANNED"),
                List.of(e.visit().visitingCountry(), e.visit().hostCountry(), e.visit().status()));
    }

    @Test
    void anAirportGreetingIsAnEventAndTheSideTakingPartIsTheDelegations() {
        Extraction e = extract("""
                BAKU, May 27 -

                A delegation headed by the Minister of National Defense of Turkiye, Hulusi Akar, arrived in Azerbaijan \
                on 27 May. The Minister of Defense of Azerbaijan, Colonel General Zakir Hasanov, was at the airport to \
                greet the guests. Minister Hasanov then met the Turkish delegation. Taking part in the meeting on the \
                Turkish side were the Chief of the General Staff, Army General Yasar Guler, and the Commander of the \
                Land Forces, Army General Musa Avsever.""", "2022-05-27");
        assertEquals(List.of("Zakir Hasanov"), e.visit().hosts().stream().map(i -> e.people().get(i).fullName()).toList());
        assertEquals(List.of("Yasar Guler", "Musa Avsever"),
                e.visit().members().stream().map(i -> e.people().get(i).fullName()).toList());
        assertEquals(List.of("OTHER", "MEETING"), e.visit().agenda().stream().map(Extraction.Item::kind).toList());
    }

    @Test
    void aProgrammeAnnouncedMeetsEachOfficialListedByPost() {
        Extraction e = extract("""
                DHAKA -

                The Chief of Army Staff, General Aziz Ahmed, is due to fly out of Dhaka for Zambia on Friday, 30 April, \
                the ISPR said in a press release issued on Thursday.

                He will tour military installations of the Zambia Army. In Lusaka he is also to review a parade at \
                Arakan Barracks and to lay a wreath at the mausoleum. He is further scheduled to meet Zambia's Minister \
                of Defence, the Commander of the Zambia Army and the Commandant of the Zambia National Service.""",
                "2021-04-29");
        Extraction.Visit visit = e.visit();
        assertEquals("Aziz Ahmed", e.people().get(visit.head()).fullName());
        assertEquals(List.of("BGD", "ZMB", "PLANNED", "2021-04-30"),
                List.of(visit.visitingCountry(), visit.hostCountry(), visit.status(), visit.startDate().toString()));
        assertEquals(List.of("SITE_VISIT", "OTHER", "WREATH_LAYING", "MEETING", "MEETING", "MEETING"),
                visit.agenda().stream().map(Extraction.Item::kind).toList());
        assertEquals(Set.of(), visit.agenda().get(1).honours(), "the wreath is the wreath-laying's, not the parade's");
        assertEquals(List.of("Meeting with Zambia's Minister of Defence", "Meeting with the Commander of the Zambia Army",
                "Meeting with the Commandant of the Zambia National Service"),
                visit.agenda().subList(3, 6).stream().map(Extraction.Item::title).toList());
    }

    @Test
    void anAwardADayEarlierAndAnOrderMadeKnightAreAwards() {
        Extraction e = extract("""
                DHAKA -

                The Chief of General Staff of the Saudi Armed Forces, General Abdul Rahman Al-Banyan, called on the \
                Chief of Army Staff of the Bangladesh Army, General Shafiul Huq, on Monday. A guard of honour was \
                presented to the Saudi general at Senakunja, where he planted a sapling.

                A day earlier, on Sunday, General Shafiul Huq had handed his guest the "Army Friendship Medal".""",
                "2017-08-08");
        assertEquals(1, e.awards().size(), e.warnings()::toString);
        assertEquals("Abdul Rahman Al-Banyan", e.people().get(e.awards().get(0).recipient()).fullName());
        assertEquals(LocalDate.parse("2017-08-06"), e.awards().get(0).conferredOn());
        assertTrue(e.visit().agenda().stream().map(Extraction.Item::kind).toList()
                .containsAll(List.of("OTHER", "AWARD_CEREMONY")));
        assertTrue(e.visit().agenda().stream().noneMatch(i -> "Saudi".equals(i.location())), "an adjective is no place");

        Extraction knight = extract("""
                YAOUNDE, Aug. 28 - Cameroon on Thursday made the Chinese Defense Attache, Senior Colonel Chai \
                Xiaojiang, a Knight of the Order of Valour.""", "2020-08-29");
        assertEquals(List.of("Order of Valour", "ORDER", "CMR"), List.of(knight.awards().get(0).name(),
                knight.awards().get(0).kind(), knight.awards().get(0).conferredBy()));
    }

    @Test
    void aMeetingHeldInACountryWithADocumentSignedIsAVisit() {
        Extraction e = extract("""
                ADDIS ABABA -

                Ethiopia and Djibouti on Monday signed an agreement under which their armed forces will work together \
                on border security. The document was signed at the close of the Defense Chiefs of Staff meeting, held in \
                Addis Ababa. The signatories were the Chief of Staff of the Ethiopian army, Field Marshal Birhanu Jula, \
                and his Djiboutian counterpart, General Zakaria Cheikh Ibrahim. Speaking after the signing, Field \
                Marshal Birhanu said the agreement would open the way to closer cooperation.""", "2022-03-08");
        Extraction.Visit visit = e.visit();
        assertEquals(List.of("DJI", "ETH", "2022-03-07"), List.of(visit.visitingCountry(), visit.hostCountry(),
                visit.startDate().toString()), "'on Monday' before 'will work' is the Monday past");
        assertEquals("Zakaria Cheikh Ibrahim", e.people().get(visit.head()).fullName());
        assertEquals(List.of("Birhanu Jula"), visit.hosts().stream().map(i -> e.people().get(i).fullName()).toList());
        assertEquals(List.of("Agreement"), e.agreements().stream().map(Extraction.AgreementFact::title).toList());
    }

    @Test
    void ordersToSeveralAndSurnamesAloneAreAwardsToThoseNamedBefore() {
        Extraction e = extract("""
                HANOI, December 20 -

                Acting on behalf of the President of Vietnam, the Minister of Defence, Gen. Ngo Xuan Lich, presented the \
                Independence Order to Gen. Tea Banh, Minister of Defence of Cambodia. The Lao Defence Minister, Gen. \
                Chansamone Chanyalath, presented the Issara Order to Minister Lich, and the Issara Order, second class, \
                to Gen. Luong Cuong. Gen. Tea Banh in his turn conferred the Friendship Order on both Lich and Cuong.""",
                "2019-12-20");
        assertEquals(List.of("Tea Banh", "Ngo Xuan Lich", "Luong Cuong", "Ngo Xuan Lich", "Luong Cuong"),
                e.awards().stream().map(a -> e.people().get(a.recipient()).fullName()).toList());
        assertEquals(List.of("VNM", "LAO", "LAO", "KHM", "KHM"),
                e.awards().stream().map(Extraction.AwardFact::conferredBy).toList());
        assertEquals("VNM", e.people().get(e.awards().get(1).recipient()).country(), "he conferred Vietnam's order");
        assertEquals("VNM", e.people().get(e.awards().get(2).recipient()).country(), "the dateline's, not the conferrer's");
    }

    @Test
    void talksHeldBeforeTheHostIsNamedAreTheTalksWithHim() {
        Extraction e = extract("""
                YEREVAN, 17 November - The Minister of Defence of Armenia, Suren Papikyan, today hosted the Minister of \
                Defence of Georgia, Juansher Burchuladze, who is on an official visit. The two ministers first talked in \
                private and were then joined by their delegations for talks in an expanded format, on cooperation between \
                the armed forces. When the official talks had ended, Ministers Papikyan and Burchuladze signed a \
                cooperation plan. The guest planted a spruce tree in the grounds of the ministry.""", "2023-11-17");
        assertEquals(List.of("MEETING", "TALKS", "SIGNING", "OTHER"),
                e.visit().agenda().stream().map(Extraction.Item::kind).toList());
        assertEquals("Talks with Suren Papikyan", e.visit().agenda().get(1).title());
        assertTrue(e.visit().agenda().get(1).topics().contains("military"), e.visit().agenda().get(1).topics()::toString);
    }

    @Test
    void whoSignedWithTheGuestHostsAndWhoIsStillToBeMetDoesNot() {
        Extraction e = extract("""
                TASHKENT - The Russian Minister of Defence, Andrei Belousov, met the President of Uzbekistan, Shavkat \
                Mirziyoyev, in Tashkent on Tuesday. Mr Belousov came to Uzbekistan on a visit in the course of which he and \
                the Minister of Defence of Uzbekistan, Shukhrat Khalmukhamedov, signed a plan of cooperation for 2025. \
                Belousov is also scheduled to meet the Chief of the General Staff, General Bakhodir Nizamov.""", "2025-01-22");
        Extraction.PersonFact head = e.people().get(e.visit().head());
        assertEquals(List.of("Andrei Belousov", "RUS"), List.of(head.fullName(), head.country()));
        assertEquals(List.of("Shavkat Mirziyoyev", "Shukhrat Khalmukhamedov"),
                e.visit().hosts().stream().map(i -> e.people().get(i).fullName()).toList());
        assertEquals("COMPLETED", e.visit().status());

        Extraction expected = extract("""
                TUNIS - Italy's Minister of Defence, Guido Crosetto, is expected in Tunisia this Tuesday, 23 April, for an \
                official visit.""", "2024-04-23");
        assertEquals("PLANNED", expected.visit().status());
    }

    @Test
    void aMinisterWhoWillLeaveForAVisitLeadsItFromTheDayHeLeaves() {
        Extraction e = extract("""
                NEW DELHI, July 26 (ANI) - Defence Minister Rajnath Singh will leave on July 28 for a three-day visit to \
                Mozambique, defence officials said on Friday. He will hold talks with President Filipe Nyusi and with the \
                Minister of National Defence, Atanasio Ntumuke.""", "2019-07-26");
        assertEquals("Rajnath Singh", e.people().get(e.visit().head()).fullName());
        assertEquals(LocalDate.parse("2019-07-28"), e.visit().startDate(), "not the day the officials spoke");
        assertEquals("Minister of National Defence", e.people().get(e.visit().hosts().get(1)).position());

        Extraction trip = extract("""
                WELLINGTON, 6 March - The Chief of Defence Force, Lieutenant General Tim Keating, set off today on a trip \
                to Timor-Leste. He is due to arrive in Dili tonight for a meeting with the Commander of the Timor-Leste \
                Defence Force, Major General Lere Anan Timur.""", "2017-03-06");
        assertEquals("Tim Keating", trip.people().get(trip.visit().head()).fullName());
    }

    @Test
    void visitsInGeneralMakeNoVisitAndLowerCasePostsAreKept() {
        Extraction e = extract("""
                TALLINN - On 12 January 2012 the Permanent Secretary of the Estonian Ministry of Defence, Mikk Marran, \
                conferred the Cross of Merit on the Naval Attaché of the United States, Commander Kip Henderson. The \
                attaché had helped to organise a number of high-level visits and port calls.""", "2012-01-13");
        assertNull(e.visit(), "an award ceremony alone");
        assertEquals(1, e.awards().size());

        Extraction china = extract("""
                BEIJING - Zhang Youxia, vice chairman of the Central Military Commission, met the Russian Defence \
                Minister, Andrei Belousov, who is on an official visit to China, in Beijing on Tuesday. The State \
                Minister in charge of General Duties, Jacob Oboth, was not there.""", "2024-10-15");
        assertEquals(List.of("Zhang Youxia"),
                china.visit().hosts().stream().map(i -> china.people().get(i).fullName()).toList());
        assertTrue(china.people().stream().noneMatch(p -> p.fullName().equals("Duties")));
    }

    @Test
    void recipientsListedAfterTheAwardIsToldEachReceiveIt() {
        Extraction e = extract("""
                ABUJA - The President of Liberia has decorated five officers of the Nigerian Army with the Order of \
                Liberia. The five officers honoured are Col. Aminu Gumel, Col. Ismaila Sule and Lt.-Col. Abdulkadir \
                Abubakar. Col. Gumel received the decorations on behalf of all the recipients.""", "2022-02-12");
        assertEquals(List.of("Aminu Gumel", "Ismaila Sule", "Abdulkadir Abubakar"),
                e.awards().stream().map(a -> e.people().get(a.recipient()).fullName()).toList());
        assertTrue(e.awards().stream().allMatch(a -> a.name().equals("Order of Liberia") && a.conferredBy().equals("LBR")));
        assertEquals("Lieutenant Colonel", e.people().get(e.awards().get(2).recipient()).rank());
    }

    @Test
    void theBeginningOfAFullNameIsThePersonAndACountryNameIsNoPerson() {
        Extraction e = extract("""
                KUALA LUMPUR - The Chief of the Royal Malaysian Air Force, General Tan Sri Mohd Asghar Khan Goriman Khan, \
                paid an official visit to Papua New Guinea, where he was received by the Commander of the Papua New \
                Guinea Defence Force, Brigadier General Mark Goina, and a guard of honour was presented to him. In the \
                meeting that followed, General Mohd Asghar Khan and Brigadier General Goina discussed training.""",
                "2023-08-22");
        assertEquals(List.of("Mohd Asghar Khan Goriman Khan", "Mark Goina"),
                e.people().stream().map(Extraction.PersonFact::fullName).toList());
        assertEquals(List.of("WELCOME_CEREMONY", "MEETING"), e.visit().agenda().stream().map(Extraction.Item::kind).toList(),
                "received with a guard of honour is the welcome; the meeting follows it");
    }

    @Test
    void aSecretaryLeavingTodayCallsOnOfficialsAndAnArrangementSignedRecentlyIsBackground() {
        Extraction e = extract("""
                CANBERRA, 21 May -

                The Parliamentary Secretary for Defence, Rosa Delmont, leaves today for Fiji on a three-day visit. She \
                will call on the Commander of the Fiji Military Forces, Rear Admiral Viliame Naupoto.

                The relationship gained weight recently, when the two prime ministers signed a Defence Cooperation \
                Arrangement.""", "2013-05-21");
        assertEquals("Rosa Delmont", e.people().get(e.visit().head()).fullName());
        assertEquals(List.of("Viliame Naupoto"), e.visit().hosts().stream().map(i -> e.people().get(i).fullName()).toList());
        assertTrue(e.agreements().isEmpty(), "signed recently, before the visit: " + e.agreements());

        Extraction signed = extract("""
                COLOMBO - The army chiefs of Sri Lanka and India signed an arrangement on peacekeeping training at the \
                end of the visit of General Manoj Pande to Colombo.""", "2023-04-27");
        assertEquals(List.of("OTHER"), signed.agreements().stream().map(Extraction.AgreementFact::kind).toList());
    }

    @Test
    void accentedCountriesAMeetingOfThreeMinistersAndAGeneralNamedMilan() {
        Extraction e = extract("""
                VIENTIANE - The defence ministers of Việt Nam, Laos and Cambodia held their annual meeting in Vientiane \
                on Wednesday. The Lao Minister of National Defence, General Khamlieng Outhakaysone, welcomed the \
                Vietnamese Minister of National Defence, General Phan Văn Giang, and Serbia's Chief of the General \
                Staff, General Milan Mojsilovic, who attended as a guest. Their armies landed together on 25 April \
                1915.""", "2025-10-16");
        Extraction.Visit visit = e.visit();
        assertEquals("MULTILATERAL_EVENT", visit.kind());
        assertEquals("LAO", visit.hostCountry());
        assertTrue(visit.otherCountries().contains("VNM") || "VNM".equals(visit.visitingCountry()), visit::toString);
        assertEquals(LocalDate.parse("2025-10-15"), visit.startDate(), "1915 is history, not the visit");
        assertTrue(e.people().stream().anyMatch(p -> p.fullName().equals("Milan Mojsilovic")));
    }

    @Test
    void theOneReceivedToBeDecoratedIsTheRecipientAndVisitsExchangedAreNoVisit() {
        Extraction e = extract("""
                RIGA, 21 August - Latvia's Minister of Defence, Artis Pabriks, today received the Defence Attaché of \
                Germany, Lieutenant Colonel Thorsten Fries, in order to present him with the Badge of Honour. He has \
                supported the visits exchanged by the highest officials of the two countries.""", "2020-08-21");
        assertNull(e.visit());
        assertEquals("Thorsten Fries", e.people().get(e.awards().get(0).recipient()).fullName());
        assertEquals("LVA", e.awards().get(0).conferredBy());
    }

    @Test
    void oneAMonumentIsToIsRememberedNotMet() {
        Extraction e = extract("""
                ULAANBAATAR - Mongolia's Minister of Defence, Gursed Saikhanbayar, received the visiting Chief of the \
                Defence Staff of New Zealand, Air Marshal Tony Davies. Before the talks, Air Marshal Davies laid a \
                wreath at the Monument to Marshal Zhukov.""", "2024-05-14");
        assertEquals(List.of("Gursed Saikhanbayar"),
                e.visit().hosts().stream().map(i -> e.people().get(i).fullName()).toList());
        assertTrue(
                e.visit().agenda().stream().noneMatch(i -> i.title().contains("Zhukov") && !i.kind().equals("WREATH_LAYING")),
                e.visit().agenda()::toString);
    }

    @Test
    void anOrderInvestedOnAProposalGoesToTheOneInvestedAndRegionsAreNoNames() {
        Extraction e = extract("""
                BRUSSELS, 6 June - General Mark Halloran, who today left the post of Supreme Allied Commander Europe, \
                was today invested with the Order of Merit of Estonia. The order was conferred by President Alar Karis, \
                acting on a proposal from the Minister of Defence, Hanno Pevkur. Throughout his command the Alliance \
                held exercises, visits and professional exchanges with the Estonian Defence Forces.""", "2025-06-06");
        assertNull(e.visit());
        assertEquals(List.of("Mark Halloran"),
                e.awards().stream().map(a -> e.people().get(a.recipient()).fullName()).toList());
        assertTrue(e.people().stream().noneMatch(p -> p.fullName().equals("Europe")), e.people()::toString);
    }

    @Test
    void aMinisterInTheCapitalForAnExhibitionWhoCoChairsADialogueIsOnAVisit() {
        Extraction e = extract("""
                ANKARA, 8 May - The Minister of Defence of Georgia, Irakli Chikovani, is in Ankara to attend the IDEF \
                exhibition. He and the Minister of National Defence of Turkey, Yaşar Güler, co-chaired the Defence \
                Policy Dialogue of the two countries. With the delegation were the Georgian Ambassador, Giorgi \
                Janjgava, and Colonel Davit Kiria.""", "2025-05-08");
        Extraction.Visit visit = e.visit();
        assertEquals(List.of("GEO", "TUR"), List.of(visit.visitingCountry(), visit.hostCountry()));
        assertEquals("Irakli Chikovani", e.people().get(visit.head()).fullName());
        assertEquals(List.of("Yaşar Güler"), visit.hosts().stream().map(i -> e.people().get(i).fullName()).toList());
        assertEquals(List.of("Giorgi Janjgava", "Davit Kiria"),
                visit.members().stream().map(i -> e.people().get(i).fullName()).toList());
        assertTrue(visit.agenda().stream().anyMatch(i -> i.kind().equals("TALKS")), visit.agenda()::toString);
    }

    @Test
    void callsPaidOnAnOfficialNamedBeforeHisPostAreMeetings() {
        Extraction e = extract("""
                DOHA, 12 March - Khalid bin Mohammed Al Attiyah, the Qatari Minister of State for Defence Affairs, \
                received the Chief of Army Staff of Pakistan, General Asim Munir. General Munir also paid a call on \
                the Chief of Staff of the Qatar Armed Forces, Lieutenant General Salem bin Hamad Al Nabit.""",
                "2025-03-12");
        Extraction.Visit visit = e.visit();
        assertEquals(List.of("Khalid bin Mohammed Al Attiyah", "Salem bin Hamad Al Nabit"),
                visit.hosts().stream().map(i -> e.people().get(i).fullName()).toList());
        assertEquals(List.of("MEETING", "MEETING"), visit.agenda().stream().map(Extraction.Item::kind).toList());
    }

    @Test
    void nationalRankStylesGluedInitialsAndParticlesAfterThemAreRead() {
        Extraction e = extract("""
                ASUNCIÓN, 4 June - The Commander of the Armed Forces of Uruguay, General de Ejército Rodolfo Pérez \
                Fagúndez, who is on an official visit to Paraguay, met the Chief of Staff of the Paraguayan Navy, \
                Vicealmirante Juan Carlos De Santa Cruz, and the Commander of the Paraguayan Armed Forces, General \
                J.C. Benítez.""", "2025-06-04");
        assertEquals(List.of("Rodolfo Pérez Fagúndez", "General de Ejército"),
                List.of(e.people().get(e.visit().head()).fullName(), e.people().get(e.visit().head()).rank()));
        assertEquals(List.of("Juan Carlos De Santa Cruz", "J. C. Benítez"),
                e.visit().hosts().stream().map(i -> e.people().get(i).fullName()).toList());
    }

    @Test
    void anOfficerInvestedOrDecoratedWithARankAfterHisNameReceivesIt() {
        Extraction invested = extract("""
                The Minister of Defence of Portugal, Nuno Melo, has invested the Chief of Defence of Brazil, Admiral \
                Renato Rodrigues de Aguiar Freire, with the Grand Cross of the Military Order of Aviz.""", "2025-02-11");
        assertEquals("Renato Rodrigues de Aguiar Freire",
                invested.people().get(invested.awards().get(0).recipient()).fullName());
        Extraction decorated = extract("""
                SEOUL, 3 April - The United States has decorated Kim Min-soo, a retired Major General of the Republic \
                of Korea Army, with the Legion of Merit, the Ministry of National Defense said today.""", "2025-04-03");
        Extraction.AwardFact award = decorated.awards().get(0);
        assertEquals(List.of("Kim Min-soo", "Major General", "MEDAL", "USA"),
                List.of(decorated.people().get(award.recipient()).fullName(),
                        decorated.people().get(award.recipient()).rank(), award.kind(), award.conferredBy()));
    }

    @Test
    void aDocumentsTitleLeavesOutWhereAndWhenItWasSignedAndAPlaceItsFullStop() {
        Extraction e = extract("""
                Defence Minister Zakir Hasanov of Azerbaijan was on an official visit to Georgia. The ministers signed \
                a bilateral cooperation plan in Tbilisi on Tuesday. He also laid a wreath at the Heroes Memorial. \
                The delegation then went to the Army Command Post.""", "2024-03-07");
        assertEquals(List.of("Bilateral cooperation plan"),
                e.agreements().stream().map(Extraction.AgreementFact::title).toList());
        assertTrue(e.visit().agenda().stream().anyMatch(i -> "Army Command Post".equals(i.location())),
                e.visit().agenda()::toString);
        Extraction field = extract("""
                Kenya's defence cabinet secretary visited Washington, where a memorandum on cooperation in Military \
                Education was signed on Monday.""", "2024-03-07");
        assertEquals(List.of("Memorandum on cooperation in Military Education"),
                field.agreements().stream().map(Extraction.AgreementFact::title).toList(), "a field is no place");
        Extraction aimed = extract("""
                Egypt and Mali have signed a memorandum of understanding aimed at taking military cooperation between \
                their armed forces further, at the end of a visit to Cairo by the Malian defence minister.""", "2025-11-30");
        assertEquals(List.of("Memorandum of understanding"),
                aimed.agreements().stream().map(Extraction.AgreementFact::title).toList(), "what it aims at is no title");
    }

    @Test
    void callsPaidOnSeveralOfficialsAreAMeetingEachAndEachPlaceToured() {
        Extraction e = extract("""
                The Chief of Naval Staff of the Bangladesh Navy, Admiral Rahim Chowdhury, ended an official visit to \
                Sri Lanka today. The Admiral paid calls on the Prime Minister, Nimal Perera, on the Secretary of \
                Defence, General Sunil Fernando, and on the Commander of the Navy, Vice Admiral Anil Silva. He also \
                toured the Naval and Maritime Academy and visited the Eastern Naval Command.""", "2022-01-23");
        assertEquals(List.of("Meeting with Nimal Perera", "Meeting with General Sunil Fernando",
                "Meeting with Vice Admiral Anil Silva"),
                e.visit().agenda().stream()
                        .filter(i -> i.kind().equals("MEETING")).map(Extraction.Item::title).toList());
        assertEquals(List.of("Naval and Maritime Academy", "Eastern Naval Command"), e.visit().agenda().stream()
                .filter(i -> i.kind().equals("SITE_VISIT")).map(Extraction.Item::location).toList());
    }

    @Test
    void theOneReceivedLeadsTheOneWhoGoesAlongDoesNotAndATitleMayStandInBrackets() {
        Extraction received = extract("""
                BELGRADE - Major General Goran Kovač, Chief of the Joint Staff of Bosnia and Herzegovina, is spending \
                three days in Serbia. Earlier today General Kovač was received by the Minister of Defence, Marko \
                Petrović. He later called on the Foreign Secretary of Serbia, Admiral (Prof.) Dragan Ilić.""",
                "2024-03-07");
        assertEquals("Goran Kovač", received.people().get(received.visit().head()).fullName());
        assertEquals(List.of("Marko Petrović", "Dragan Ilić"),
                received.visit().hosts().stream().map(i -> received.people().get(i).fullName()).toList());
        assertEquals("Prof.", received.people().stream().filter(p -> p.fullName().equals("Dragan Ilić")).findFirst()
                .orElseThrow().title());
        Extraction along = extract("""
                The Angolan defence minister has been in Egypt since Monday on a working visit. The minister is \
                accompanied by the Angolan Ambassador to Egypt, Pedro Cosme.""", "2024-03-07");
        assertNull(along.visit().head(), "the ambassador goes along; the minister, unnamed, leads");
    }

    @Test
    void aMeetingOfTheTwoChiefsOrASummitToComeMakesNoMultilateralEvent() {
        Extraction e = extract("""
                General Milan Maxim, Chief of the General Staff of Slovakia, today completed a three-day visit to the \
                Czech Republic. The programme included a meeting of the chiefs of general staff of the two countries. \
                Both sides are to prepare the ground for the NATO summit in Ankara next year.""", "2015-12-09");
        assertEquals("OTHER", e.visit().kind());
        Extraction several = extract("""
                The defence ministers of Mali, Niger and Burkina Faso met in Niamey today for a meeting of the \
                defence ministers of the Confederation.""", "2025-10-15");
        assertEquals("MULTILATERAL_EVENT", several.visit().kind());
    }

    @Test
    void whoWillTravelLeadsWhatHappenedLastMonthIsBackgroundAndThoseAtTheMeetingTakePartInIt() {
        Extraction planned = extract("""
                ABUJA -

                The Minister of Defence, Brig-Gen Yusuf Bello (Rtd), will travel to N'djamena, Chad, later in \
                the week for talks with the Chadian Minister of Defence, General Idriss Mahamat. Last month Bello made \
                a similar visit to Niger Republic, where he held bilateral discussions with his Nigerien counterpart, \
                Brigi Moussa.""", "2018-11-18");
        assertEquals("Yusuf Bello", planned.people().get(planned.visit().head()).fullName());
        assertEquals(List.of("Idriss Mahamat"),
                planned.visit().hosts().stream().map(i -> planned.people().get(i).fullName()).toList());
        Extraction joined = extract("""
                Defense Minister Sedki Sobhi on Thursday received the Pakistani Chairman Joint Chiefs of Staff \
                Committee, General Zubair Mahmood Hayat, on his visit to Egypt. Also at the meeting were the Chief of \
                Staff of the Armed Forces, Mohamed Farid, and the Minister of State for Military Production, Mohamed \
                el Assar.""", "2017-03-02");
        assertEquals(List.of("MEETING"), joined.visit().agenda().stream().map(Extraction.Item::kind).toList());
        assertEquals(List.of("Mohamed Farid", "Mohamed el Assar", "Sedki Sobhi", "Zubair Mahmood Hayat"),
                joined.visit().agenda().get(0).participants().stream().map(i -> joined.people().get(i).fullName())
                        .sorted().toList());
    }

    @Test
    void aFamilyNameInCapitalsComesFirstButInitialsStayInitials() {
        Extraction e = extract("""
                TOKYO -

                Vice Admiral YUASA Hideki, Commander in Chief of the Self Defense Fleet, received the French Legion of \
                Honour on 2 June. Among the guests was the Vice-Minister of Defense, ONIKI Makoto, and General MM \
                Naravane of India.""", "2021-06-03");
        assertEquals(List.of("Yuasa Hideki"), e.awards().stream().map(a -> e.people().get(a.recipient()).fullName()).toList());
        assertTrue(e.people().stream().anyMatch(p -> p.fullName().equals("Oniki Makoto")), e.people()::toString);
        assertTrue(e.people().stream().anyMatch(p -> p.fullName().equals("MM Naravane")), e.people()::toString);
    }

    @Test
    void eachCallHasItsOwnOfficialAndThoseAlsoAtAMeetingJoinIt() {
        Extraction e = extract("""
                COLOMBO, 14 March -

                The Chief of the Air Staff of the Maldives, Brigadier General Ahmed Shiyam, ended a four-day official \
                visit to Sri Lanka today. During his stay the Brigadier General paid calls on the Secretary of \
                Defence, General (Retd.) Kamal Perera, and on the Commander of the Air Force, Air Marshal Udeni \
                Rajapaksa. Also at the meeting with the Air Force Commander was the Chief of Staff, Air Vice Marshal \
                Sampath Thuyacontha.""", "2026-03-14");
        List<List<String>> met = e.visit().agenda().stream().filter(i -> i.kind().equals("MEETING"))
                .map(i -> i.participants().stream().map(p -> e.people().get(p).fullName()).sorted().toList()).toList();
        assertEquals(List.of("Kamal Perera"), met.get(0));
        assertEquals(List.of("Sampath Thuyacontha", "Udeni Rajapaksa"), met.get(1));
        assertEquals(2, met.size(), met::toString);
        assertEquals("Chief of Staff", e.people().stream().filter(p -> p.fullName().equals("Sampath Thuyacontha"))
                .findFirst().orElseThrow().position());
    }

    @Test
    void theDocumentSignedIsTheOneNamedJustBeforeAndItsSignatoriesHost() {
        Extraction e = extract("""
                Latvia and Lithuania now have a framework agreement on defence cooperation. The document was signed in \
                Vilnius on Tuesday by the Minister of Defence of Latvia, Andris Sprūds, and the Minister of National \
                Defence of Lithuania, Laurynas Kasčiūnas, during the Latvian minister's official visit.""", "2025-03-05");
        assertEquals(List.of("AGREEMENT"), e.agreements().stream().map(Extraction.AgreementFact::kind).toList());
        assertEquals("Framework agreement on defence cooperation", e.agreements().get(0).title());
        assertEquals(List.of("Laurynas Kasčiūnas"),
                e.visit().hosts().stream().map(i -> e.people().get(i).fullName()).toList());
    }

    @Test
    void aDayTheVisitEndedAndColleaguesAtAnAnnualMeetingMakeAMultilateralEvent() {
        Extraction ended = extract("""
                MAPUTO, 27 September - The Chief of Defence Forces of Malawi, General Paul Phiri, today brought to a \
                close a working visit to Mozambique that began on Monday, 23 September, during which he met the Chief \
                of General Staff of Mozambique, Admiral Joaquim Mangrasse.""", "2025-09-27");
        assertEquals(List.of(LocalDate.parse("2025-09-23"), LocalDate.parse("2025-09-27")),
                List.of(ended.visit().startDate(), ended.visit().endDate()));
        Extraction annual = extract("""
                RIGA, 1 February - The Chief of Defence of Latvia, Lieutenant General Kaspars Pudāns, held talks with \
                his Nordic and Baltic colleagues at their annual meeting in Tallinn, hosted by the Chief of Defence of \
                Estonia, Lieutenant General Andrus Merilo. Finland was represented by General Janne Jaakkola.""",
                "2025-02-01");
        assertEquals("MULTILATERAL_EVENT", annual.visit().kind());
        assertEquals(List.of("FIN"), annual.visit().otherCountries());
    }

    @Test
    void ministersOfSeveralCountriesWhoMetAreAMeetingAndEachIsOfTheCountryAfterTheirName() {
        Extraction e = extract("""
                TASHKENT, 5 May - Defence ministers of Uzbekistan, Kazakhstan, Tajikistan and Kyrgyzstan met in \
                Tashkent. The host, Lieutenant General Shukhrat Khalmukhamedov, welcomed Colonel General Ruslan \
                Zhaksylykov of Kazakhstan and Colonel General Emomali Sobirzoda of Tajikistan.""", "2025-05-05");
        assertEquals("MULTILATERAL_EVENT", e.visit().kind());
        assertEquals(List.of("KAZ", "TJK"), List.of("Ruslan Zhaksylykov", "Emomali Sobirzoda").stream()
                .map(name -> e.people().stream().filter(p -> p.fullName().equals(name)).findFirst().orElseThrow().country())
                .toList());
        assertEquals("UZB", e.visit().hostCountry());
    }

    @Test
    void anOrderWithTheNameItBearsAndAnArrivalForADaysLongVisit() {
        Extraction award = extract("""
                The Order of Military Merit "Ivan Mazepa" of the second class was conferred today on Colonel Piotr \
                Zieliński, the Defence Attaché of Poland, by Ukraine's Minister of Defence, Denys Shmyhal.""",
                "2025-09-02");
        assertEquals(List.of("Order of Military Merit \"Ivan Mazepa\"", "second class", "Piotr Zieliński"),
                List.of(award.awards().get(0).name(), award.awards().get(0).grade(),
                        award.people().get(award.awards().get(0).recipient()).fullName()));
        Extraction planned = extract("""
                NAIROBI - A delegation of the Uganda People's Defence Force, led by General Muhoozi Kainerugaba, will \
                arrive in Kenya on Monday for a three-day working visit and hold talks with the Chief of the Kenya \
                Defence Forces, General Charles Kahariri.""", "2025-07-18");
        assertEquals(List.of(LocalDate.parse("2025-07-21"), LocalDate.parse("2025-07-23")),
                List.of(planned.visit().startDate(), planned.visit().endDate()));
    }

    @Test
    void whatTheSidesDiscussedAfterTheWelcomeIsTheMeetingsTopics() {
        Extraction e = extract("""
                TBILISI, 14 October - The Chief of General Staff of Moldova, Brigadier General Eduard Ohladciuc, who is \
                on a working visit to Georgia, met the Minister of Defence of Georgia, Irakli Chikovani. An honour guard \
                greeted him at the ministry, where both national anthems were played.

                The sides spoke about military education and joint exercises.""", "2025-10-14");
        Extraction.Item meeting = e.visit().agenda().stream().filter(i -> i.kind().equals("MEETING")).findFirst().orElseThrow();
        assertEquals(Set.of("military-educational", "joint-exercises"), meeting.topics());
    }

    @Test
    void whatHappenedBeforeTheMeetingsComesFirst() {
        Extraction e = extract("""
                TBILISI, 14 October - The Chief of General Staff of Moldova, Brigadier General Eduard Ohladciuc, was \
                received by the Minister of Defence of Georgia, Irakli Chikovani, and later held talks with the Chief \
                of the General Staff, Major General Giorgi Matiashvili. Before the meetings the guest laid a wreath at \
                the Memorial to the Heroes.""", "2025-10-14");
        assertEquals(List.of("WREATH_LAYING", "MEETING", "TALKS"),
                e.visit().agenda().stream().map(Extraction.Item::kind).toList());
    }
}
