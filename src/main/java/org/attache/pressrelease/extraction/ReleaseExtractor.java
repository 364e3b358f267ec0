package org.attache.pressrelease.extraction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.attache.person.PersonNames;
import org.attache.pressrelease.extraction.Extraction.AgreementFact;
import org.attache.pressrelease.extraction.Extraction.AwardFact;
import org.attache.pressrelease.extraction.Extraction.Evidence;
import org.attache.pressrelease.extraction.Extraction.Item;
import org.attache.pressrelease.extraction.Extraction.PersonFact;
import org.attache.pressrelease.extraction.Extraction.Span;
import org.attache.pressrelease.extraction.Extraction.Visit;
import org.attache.pressrelease.extraction.Sentences.Sentence;

/**
 * Turns a release's text into drafted facts, deterministically and offline: sentences and dates, the persons named
 * with their ranks and posts, the visit (who led whom, from where to where, when), its agenda in the order of events,
 * the awards conferred and the documents signed. Paragraphs of background (earlier events) give no facts. Thread-safe:
 * it keeps no state between texts.
 */
public final class ReleaseExtractor {

    // Tests of a sentence's words, compiled once: extraction runs them for every sentence of every release.
    private static final Pattern LONG_AGO = Pattern.compile("(?i)\\b(last\\s+year|years?\\s+ago|in\\s+(19|20)\\d\\d)\\b");
    private static final Pattern THAT_OCCASION = Pattern
            .compile("\\b(?:that|the\\s+same)\\s+(?:occasion|visit|time|year|day|meeting|trip)\\b"
                    + "|\\bat\\s+the\\s+time\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern COUNTERPART = Pattern
            .compile("(\\p{Lu}[\\p{L}-]+)\\s+(?:counterpart|colleague|guest|opposite\\s+number)"
                    + "\\s*,?\\s*[^,.;]{0,80}$");
    private static final Pattern SIDE = Pattern.compile("\\bthe\\s+(\\p{Lu}[\\p{L}-]+)\\s+side\\b");
    private static final Pattern DELEGATION_OF_BEFORE = Pattern.compile("\\bdelegation\\s+(?:of|from)\\s+(?:the\\s+)?$");
    private static final Pattern CAPITAL_AFTER = Pattern.compile("(?s)^\\s+(?:capital|city|region|port|town)\\b.*");
    private static final Pattern ANOTHER_MEETING = Pattern
            .compile("(?i)\\b(separate|another|second)\\s+(bilateral\\s+|one-on-one\\s+)?meeting\\b");
    private static final Pattern SEPARATE = Pattern.compile("(?i)\\b(separate|another)\\b");
    private static final Pattern MONTH_FIRST = Pattern.compile(Dates.MONTH + "(?:\\s.*)?");
    private static final Pattern AWARD_WORD_BEFORE = Pattern
            .compile("\\b(medal|order|badge|award|decoration|title|rank|cross|star|certificate|insignia)\\s*(of\\s+)?$");
    private static final Pattern AWARD_WORD_AFTER = Pattern.compile(
            "(?s)^\\s*(jubilee\\s+|commemorative\\s+|honorary\\s+)?(medal|order|badge|award|decoration|cross|star|certificate).*");
    private static final Pattern BARE_DOCUMENT = Pattern.compile("(?i)(the\\s+)?(agreements?|plans?|documents?)");

    private static final Pattern FUTURE = Pattern.compile(
            "\\b(will|shall|is\\s+(?:also\\s+|further\\s+)?(?:scheduled|expected|due|set|going)\\s+to"
                    + "|are\\s+(?:also\\s+|further\\s+)?(?:scheduled|expected|due|set|going)\\s+to|plans?\\s+to|(?:is|are)\\s+expected\\s+(?:in|at)"
                    + "|(?:leaves|departs|is\\s+leaving)\\s+(?:today\\s+|tomorrow\\s+|tonight\\s+)?for"
                    + "|(?:is|are)\\s+to\\s+(?:visit|hold|meet|sign|attend|tour|pay|address|inspect|lay|take|participate|open|call|come"
                    + "|travel|arrive|go|give|make|be|begin|start|receive|host|conduct|discuss|lead|head|prepare)"
                    + "|will\\s+be|(?:programme|program|schedule|agenda)\\b[^.]{0,40}\\b(?:provides\\s+for|envisages|foresees)"
                    + "|(?:ends|concludes)\\s+(?:his|her|its|their|the)\\s+(?:[\\p{L}-]+\\s+)?(?:visit|mission|stay|tour|trip))\\b",
            Pattern.CASE_INSENSITIVE);
    // "Helped to organise a number of high-level visits", "an exchange of visits": visits in general, not this one.
    private static final Pattern VISIT_SIGNAL = Pattern.compile("\\bdelegation\\b|\\bvisit(ed|ing)?\\b"
            + "|\\bvisits\\b(?<!(?:high-level|mutual|regular|reciprocal|frequent|several|of)\\svisits)"
            + "(?!\\s+exchanged|\\s+and\\s+(?:[\\p{L}-]+\\s+)?exchanges)|\\barriv(e|ed|es|al)\\b"
            + "|\\b(?:met|meet|meets|gathered)\\s+in\\s+(?-i:\\p{Lu})|\\bcalled\\s+on\\b|\\bpaid\\s+(?:a\\s+)?(?:courtesy\\s+)?calls?\\s+on\\b|\\btalks\\b|\\btrilateral\\b|\\bmultilateral\\b(?!\\s+(?:exercises|drills|cooperation))"
            + "|\\b(?:is|are)\\s+in\\s+(?-i:\\p{Lu})[\\p{L}'-]+(?:\\s+(?-i:\\p{Lu})[\\p{L}'-]+)?\\s+(?:to|for|on)\\b|\\b(?<!his\\s)(?<!her\\s)tour\\b(?!\\s+of\\s+duty)"
            + "|\\b(?:come|comes|coming|came|travel(?:s|led|ling)?|flew|fly|flies)\\s+to\\s+(?-i:\\p{Lu})"
            + "|\\bmeeting\\b[^.]{0,80}\\bheld\\s+(?:at|in)\\b|\\bheld\\s+(?:their|a|an|the)\\s+(?:[\\p{L}-]+\\s+){0,3}meeting\\s+in\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_A_VISIT = Pattern.compile("\\b(telephone|phone)\\s+(call|conversation|talk)s?\\b"
            + "|\\bvideo\\s*(conference|call|link)\\b|\\bfarewell\\s+call", Pattern.CASE_INSENSITIVE);
    private static final Pattern BACKGROUND = Pattern.compile(
            "\\b(earlier(?<!\\bday\\searlier)(?<!\\bdays\\searlier)(?!\\s+(?:in\\s+the\\s+day|today|that\\s+day|on\\b))|previously"
                    + "|last\\s+(?:year|month|week)|a\\s+similar\\s+visit|in\\s+the\\s+past|it\\s+should\\s+be\\s+noted|it\\s+is\\s+worth|recall(s|ed)?\\s+that|to\\s+recall|notably|was\\s+established"
                    + "|were\\s+established|has\\s+been\\s+(held|conducted|awarded)|in\\s+the\\s+wake\\s+of|had(?<!\\b(?:after|once|when|until)\\b[^.,]{0,80}had)\\s+been|since\\s+(19|20)\\d\\d|for\\s+the\\s+first\\s+time\\s+in"
                    + "|in\\s+(19|20)\\d\\d|years?\\s+ago|back\\s+in|founded|established\\s+in|first\\s+introduced|is\\s+awarded\\s+to"
                    + "|is\\s+conferred|is\\s+given\\s+to|career|graduated|served\\s+as|previous\\s+(visit|meeting|round)"
                    + "|recently,?\\s+when|builds\\s+on|follows\\s+(?:on\\s+from\\s+)?(?:the|a|an|his|her)\\s+(?:[\\p{L}'’-]+\\s+){0,3}(?:visit|trip|meeting))\\b",
            Pattern.CASE_INSENSITIVE);
    /** A year written out; "for 2024" names a plan's year, not when something happened. */
    private static final Pattern SINCE = Pattern.compile("\\bsince\\s+(?:\\p{L}+\\s+)?(?:\\d{1,2}\\s+)?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR = Pattern.compile("(?:for\\s+(?:the\\s+)?(?:years?\\s+)?)?\\b((?:19|20)\\d\\d)\\b");
    private static final Pattern LED_BY = Pattern.compile(
            "\\b(led|headed)\\s+by\\b|\\bvisit\\b(?:\\s+(?:to|of|in)\\s+[^.;,]{0,70}?)?\\s+by\\b(?!\\s+the\\s+invitation)"
                    + "|^(?:heading|leading)\\s+(?:an?|the|his|her)\\s+[^,.;]{0,40}\\bdelegation\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ON_VISIT = Pattern
            .compile("^,?\\s*who\\s+(is|was|are|were|has\\s+been)\\s+(on|paying|in|visiting|making|leading|heading"
                    + "|at\\s+the\\s+head)\\b|^,?\\s*who\\s+(heads|headed|leads|led)\\b|^,?\\s*at\\s+the\\s+head\\s+of\\b"
                    + "|^,?\\s*(?:(?:on|this|last)\\s+\\p{Lu}\\p{L}+(?:\\s+\\d+)?,?\\s*|today,?\\s*|yesterday,?\\s*)?(paid|pays|is\\s+paying|was\\s+paying|will\\s+pay|arrived|arrives|has\\s+arrived|will\\s+arrive|is\\s+on|was\\s+on"
                    + "|began|begins|started|starts|is\\s+visiting|was\\s+visiting|visited|will\\s+visit|kicked\\s+off|concluded|wrapped\\s+up"
                    + "|led|headed|is\\s+leading|took\\s+part|participated|attended|made|makes|is\\s+making"
                    + "|leaves\\s+(?:today\\s+|tomorrow\\s+|on\\s+\\p{L}+\\s+)?for"
                    + "|(?:is|are)\\s+to\\s+(?:lead|head|visit|pay|make)|will\\s+(?:lead|head)"
                    + "|(?:is|are)\\s+(?:due|expected|scheduled|set)\\s+to\\s+(?:fly|travel|visit|arrive|leave|pay|lead|head)"
                    + "|will\\s+(?:leave|travel|fly)|left\\s+for|leaves\\s+for|departed\\s+for)\\b");
    /** "General Richardson was in Peru from 13 to 15 September": a trip, even where no word says visit. */
    private static final Pattern ON_TRIP = Pattern
            .compile("^(?:\\s*\\([^)]{1,12}\\))?,?\\s*(?:(?:was|is|has\\s+been)\\s+in|travell?ed\\s+to|flew\\s+(?:in)?to"
                    + "|(?:will\\s+(?:travel|fly)|travels|flies)\\s+to"
                    + "|(?:is|are)\\s+(?:due|expected|scheduled|set)\\s+to\\s+(?:fly|travel|leave)(?:\\s+out)?(?:\\s+of\\s+\\p{Lu}[\\p{L}-]*)?"
                    + "\\s+(?:to|for)|(?:set|sets)\\s+off\\b[^.;]{0,40}?\\b(?:to|for))\\s+(?:the\\s+)?\\p{Lu}");
    private static final Pattern HOST_VERB = Pattern
            .compile("\\b(received|receive|met|meet|meets|meeting|talks|called\\s+on|calls?\\s+on|welcomed|hosted|greeted"
                    + "|hold|held|discuss|discussed|conversation|paid\\s+a\\s+courtesy|courtesy\\s+call|at\\s+the\\s+invitation\\s+of"
                    + "|audience|played\\s+host|co-?chair(?:ed|s)?)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern TOOK_PART = Pattern.compile("\\b(took\\s+part|taking\\s+part|participated|attended|sat\\s+in"
            + "|(?:also\\s+)?at\\s+the\\s+(?:meeting|talks)\\b[^.;]{0,60}?\\s+(?:were|was)"
            + "|(?:was|were)\\s+present|joined|sitting\\s+with|sat\\s+with|flanked\\s+by|signatories|signed|signatures)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_PRESENT = Pattern.compile("\\b(leadership|behalf|instructions?|decree|orders?|name|memory"
            + "|graves?|greetings|regards|initiative|guidance|directives?)\\s+of\\s+(the\\s+)?[^,]{0,120}$"
            + "|\\b(?:monument|memorial|statue|bust|tomb|mausoleum)\\s+(?:to|of)\\s+(?:the\\s+)?[^,]{0,40}$"
            + "|\\b(?:made\\s+public|announced|reported|posted|disclosed)\\s+by\\s+[^,]{0,120}(?:,\\s*)?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTINUES = Pattern.compile("\\b(during|at|in\\s+the\\s+course\\s+of|at\\s+the\\s+end\\s+of"
            + "|following|after)\\s+the\\s+(meeting|talks|conversation|negotiations)\\b"
            + "|\\bat\\s+the\\s+(?:close|conclusion|end)\\s+of\\s+the\\s+(?:[\\p{L}\\d-]+\\s+){0,6}(?:meeting|talks|negotiations)\\b|^\\s*the\\s+(meeting|talks|sides|parties"
            + "|two\\s+sides|officials|ministers|minister|guests?)\\b|^\\s*(both\\s+sides|they|he|she)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BEFORE_MEETING = Pattern.compile(
            "\\b(before|prior\\s+to|ahead\\s+of)\\s+the\\s+(meetings?|talks)\\b",
            Pattern.CASE_INSENSITIVE);
    /** "Before that, earlier on Wednesday, ...": what follows happened before the event just told. */
    private static final Pattern DONE = Pattern.compile("\\b(went|visited|toured|met|held|laid|signed|talked|inspected|attended"
            + "|concluded|was\\s+received|was\\s+welcomed)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern RELEASE_DAY = Pattern.compile(
            "\\b(?:issued|released|published|announced|posted|(?:officials|sources)"
                    + "\\s+said|told\\s+reporters|(?:agency|ministry|service|office|command|headquarters|directorate)"
                    + "\\s+(?:said|reported|stated))\\s+(?:on\\s+)?$|\\)\\s+(?:said|reported|stated)\\s+(?:on\\s+)?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BEFORE_THAT = Pattern
            .compile("\\s*(?:before\\s+that|prior\\s+to\\s+that|earlier\\s+(?:that\\s+day"
                    + "|in\\s+the\\s+day|on\\s+\\p{L}+day))\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern MEMORIAL_DESCRIBED = Pattern
            .compile("\\b(?:at|to|before)\\s+the\\s+((?:memorial|monument|tomb|grave"
                    + "|mausoleum|cenotaph|eternal\\s+flame)\\s+(?:to|of)\\s+(?:the\\s+)?[^,.;]{3,60}?)(?=\\s+and\\b|,|;|\\.|\\s+in\\s|\\s+at\\s|$)");
    private static final Pattern MEMORIAL = Pattern
            .compile("\\b(?:the\\s+)?((?:[\\p{Lu}][\\p{L}'’-]*\\s+){0,4}(?:Alley|Memorial|Monument"
                    + "|Tomb|Mausoleum|Cemetery|Pantheon|Complex|Flame|Shrine|Memorial\\s+Park)(?:\\s+of(?:\\s+the)?(?:\\s+[\\p{Lu}][\\p{L}'’-]*)+)?"
                    + "(?:\\s+\\([\\p{Lu}][^)]*\\))?)");
    private static final Pattern PLACE = Pattern
            .compile(
                    "\\b(?:in|at|to|toured|tour|visited|inspected)\\s+(?:the\\s+)?((?:[\\p{Lu}][\\p{L}'’.-]*)(?:\\s+(?:of\\s+(?:the\\s+)?|"
                            + "and\\s+)?[\\p{Lu}][\\p{L}'’.-]*){0,7})");
    /** A full stop after a word of two lower-case letters or more: the sentence's, not an abbreviation's. */
    private static final Pattern SENTENCE_STOP = Pattern.compile("(?<=\\p{Ll}{2})\\.$");
    private static final Pattern BARE_NAME = Pattern.compile("\\b\\p{Lu}\\p{Ll}[\\p{L}'’-]+\\b");
    private static final Pattern TO_BEFORE = Pattern.compile("\\b(?:to|on)\\s+(?:both\\s+)?$|\\band\\s+(?:to\\s+)?$");
    /** "The five officers honoured are Col. A, Col. B, ...": the recipients of an award told before. */
    private static final Pattern RECIPIENTS_LISTED = Pattern.compile("\\b(?:officers|officials|persons|recipients|servicemen"
            + "|personnel|soldiers|generals)\\s+(?:honou?red|decorated|awarded)\\s+(?:are|were|include|included)\\b|\\brecipients\\s+"
            + "(?:are|were|include|included)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ON_BEHALF = Pattern.compile("\\breceived\\b[^.]{0,80}\\bon\\s+behalf\\s+of\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RECEIVED_TO_DECORATE = Pattern
            .compile("\\b(?:present|award|confer|decorate|hand)(?:ed|ing)?\\s+"
                    + "(?:him|her)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern OBJECT_PRONOUN = Pattern.compile("\\s+(?:him|her|them)\\b");
    private static final Pattern HONOURED = Pattern.compile("\\b(?:honou?red|decorated|recogni[sz]ed|distinguished)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CONFERRAL = Pattern.compile(
            "\\b(awarded|awarding|conferring|bestowing|presented|conferred|decorated|bestowed|handed|honou?red"
                    + "\\s+with|received|was\\s+given|were\\s+given|pinned|proclaimed|granted|invested"
                    + "|made(?=[^.]{0,160}\\ban?\\s+(?:Knight|Officer|Commander|Grand\\s+Officer|Companion|Member|Chevalier)\\s+of\\b))\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PASSIVE = Pattern.compile(
            "\\b(was|were|has\\s+been|have\\s+been|had\\s+been|being)\\s+(?:also\\s+|today\\s+|yesterday\\s+|formally\\s+)?(awarded"
                    + "|presented|conferred|decorated|honou?red|given|bestowed|pinned|proclaimed|granted|invested)\\b|\\breceived\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTED = Pattern.compile("[“\"«]([^”\"»]{3,160})[”\"»]");
    private static final Pattern AWARD_NAME = Pattern
            .compile("((?:[\\p{Lu}][\\p{L}'’-]*[\\s-]+){0,5}(?:Order|Medal|Cross|Star|Badge"
                    + "|Nishan-e-[\\p{L}]+|Hilal-e-[\\p{L}]+|Sitara-e-[\\p{L}]+|Legion|Decoration)(?:\\s+(?:of|for)(?:\\s+the)?(?:\\s+"
                    + "(?:[\\p{Lu}][\\p{L}'’-]*|of|the|and|in|for))*)?(?:\\s+\\((?:[^)]{1,40})\\))?)");
    private static final Pattern AWARD_NAME_BEFORE = Pattern.compile(AWARD_NAME.pattern() + "\\s*$");
    private static final Pattern HONORARY = Pattern.compile(
            "\\bhonorary\\s+(?:rank|title|degree)\\s+(?:of\\s+)?(?:an?\\s+|the\\s+)?"
                    + "[\"“]?([^,.;”\"]{2,80}?)(?=\\s+(?:on|upon|to|for|by|at|in\\s+recognition)\\b|[,.;”\"]|$)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern GRADE = Pattern.compile(
            "\\b(first|second|third|fourth|1st|2nd|3rd|4th|I|II|III|IV)[\\s-]+(class|degree)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AUTHORITY = Pattern
            .compile("\\b(?:on\\s+behalf\\s+of|by\\s+(?:the\\s+)?(?:decree|order|decision"
                    + "|directive)\\s+of|by)\\s+(?:the\\s+)?((?:President|Prime\\s+Minister|King|Emir|Amir|Sultan|Minister|Ministry|Chief|Commander"
                    + "|Government|Head)[^,;.]{0,100}?)(?=,|;|\\.|\\s+(?:awarded|conferred|presented|decorated|was|were|to|on)\\b|$)");
    private static final Pattern DOCUMENT = Pattern
            .compile("\\b(agreements?|memorand(?:um|a)|MoU|plans?|protocols?|contracts?|programmes?"
                    + "|programs?|roadmap|declaration|treaty|accord|arrangements?)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SIGNED = Pattern.compile("\\b(sign(?:ed|ing)|signatures?|inked|concluded)\\b",
            Pattern.CASE_INSENSITIVE);
    // "are due to sign": a document to be signed, which a planned visit's agenda holds and no list of signed documents.
    private static final Pattern THE_DOCUMENT = Pattern.compile("\\b(?:the|this)\\s+(?:document|text)\\s+was\\s+signed\\b"
            + "|\\bit\\s+was\\s+signed\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern TO_SIGN = Pattern.compile("\\b(sign(?:ed|ing)|sign(?!\\s+of)|signatures?|inked|concluded)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_A_DOCUMENT = Pattern
            .compile("\\b(accordance\\s+with|according\\s+to|in\\s+line\\s+with|per)"
                    + "\\s+(the\\s+)?(protocol|plan|programme|program)\\b|\\bbook\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR_AFTER_PARTIES = Pattern
            .compile("\\s+between\\s+[^.;]{0,80}?\\s+for\\s+(?:the\\s+year\\s+)?((?:19|20)\\d\\d)\\b");
    private static final Pattern DOCUMENT_END = Pattern.compile(
            "\\s+(?:was|were|has\\s+been|have\\s+been)\\s+signed\\b|\\s+between\\b"
                    + "|\\s+(?:under\\s+which|whereby|which|that|would|will|just|is\\s+intended|aims|opens|aimed|intended|designed"
                    + "|meant)\\b"
                    + "|\\s+by\\s+(?:the\\s+)?\\p{Lu}|,|;|\\.(?:\\s|$)|\\s+and\\s+(?:an?|the)\\s+(?=[^.]*\\b(?:agreement|memorandum|plan|protocol"
                    + "|contract|programme|program)\\b)|\\s+(?:during|at|in\\s+the\\s+presence|following|after|in\\s+the\\s+city"
                    + "|on\\s+(?:\\d|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|the\\s+\\d))\\b|$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern IN_PLACE = Pattern.compile("\\s+in\\s+(?=\\p{Lu})");
    private static final Pattern DATELINE = Pattern
            .compile("^\\s*([\\p{Lu}][\\p{Lu}\\p{L} .'-]{1,40}),\\s*(?:([\\p{Lu}][\\p{L} .'-]{1,40}),\\s*)?");

    private final Lexicon lexicon;
    private final People people;

    public ReleaseExtractor() {
        this(Lexicon.get());
    }

    ReleaseExtractor(Lexicon lexicon) {
        this.lexicon = lexicon;
        this.people = new People(lexicon);
    }

    /** One sentence as extraction reads it. */
    /** One sentence as read; {@code hits} keeps, per phrase group, which phrases it matches where (matched once). */
    private record Read(Sentence sentence, boolean future, boolean background, List<Dates.Found> dates,
            List<CountryHit> countries, List<People.Mention> mentions, List<Integer> persons,
            Map<String, Map<String, Span>> hits, Map<Pattern, Boolean> finds) {

        String text() {
            return sentence.text();
        }

        /** Whether the pattern occurs in the sentence: asked many times of a sentence, so matched once. */
        boolean has(Pattern pattern) {
            return finds.computeIfAbsent(pattern, p -> p.matcher(sentence.text()).find());
        }

        Read background(boolean background) {
            return new Read(sentence, future, background, dates, countries, mentions, persons, hits, finds);
        }

        Read persons(List<Integer> persons) {
            return new Read(sentence, future, background, dates, countries, mentions, persons, hits, finds);
        }

        int offset() {
            return sentence.start();
        }
    }

    private record CountryHit(String code, Lexicon.Form form, int start, int end) {
    }

    /** The working state of one extraction. */
    private final class Draft {
        final String text;
        final LocalDate anchor;
        final List<Read> reads = new ArrayList<>();
        final List<PersonBuilder> persons = new ArrayList<>();
        final List<Evidence> evidence = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();

        Draft(String text, LocalDate anchor) {
            this.text = text;
            this.anchor = anchor;
        }

        void evidence(String field, int start, int end, double confidence) {
            if (start >= 0 && end > start && end <= text.length()) {
                evidence.add(new Evidence(field, start, end, confidence));
            }
        }
    }

    private static final class PersonBuilder {
        final List<String> tokens;
        String rank;
        String title;
        String position;
        String country;
        final List<Span> spans = new ArrayList<>();

        PersonBuilder(List<String> tokens) {
            this.tokens = tokens;
        }

        String name() {
            return String.join(" ", tokens);
        }
    }

    public Extraction extract(String text, LocalDate publishedOn) {
        LocalDate anchor = publishedOn;
        Draft draft = new Draft(text, anchor);
        List<Sentence> sentences = Sentences.of(text);
        LocalDate datelineDay = dateline(draft, sentences);
        if (anchor == null && datelineDay != null) {
            anchor = datelineDay;
        }
        read(draft, sentences, anchor);
        markBackground(draft);

        Visit visit = visit(draft, datelineDay);
        List<AwardFact> awards = awards(draft, visit);
        List<AgreementFact> agreements = agreements(draft, visit);
        List<PersonFact> facts = new ArrayList<>();
        for (PersonBuilder p : draft.persons) {
            facts.add(new PersonFact(p.name(), p.rank, p.title, p.position, p.country, List.copyOf(p.spans)));
        }
        if (visit == null && awards.isEmpty() && agreements.isEmpty()) {
            draft.warnings.add("No visit, award or signed document was recognised in the text.");
        }
        return new Extraction(visit, awards, agreements, facts, List.copyOf(draft.evidence), List.copyOf(draft.warnings));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Reading: sentences, dates, countries, persons

    private LocalDate dateline(Draft draft, List<Sentence> sentences) {
        if (sentences.isEmpty()) {
            return null;
        }
        Sentence first = sentences.get(0);
        Matcher m = DATELINE.matcher(first.text());
        if (!m.find() || !m.group(1).equals(m.group(1).toUpperCase())) {
            return null;
        }
        List<Dates.Found> dates = Dates.in(first.text().substring(0, Math.min(first.text().length(), m.end() + 40)),
                draft.anchor, false);
        return dates.isEmpty() || dates.get(0).start() > m.end() + 2 ? null : dates.get(0).day();
    }

    private void read(Draft draft, List<Sentence> sentences, LocalDate anchor) {
        for (Sentence sentence : sentences) {
            // "Signed an agreement under which their forces will work together", "went to the school, where he urged the
            // cadets to study hard, which will serve them": done, whatever a clause after it says of the future.
            Matcher will = FUTURE.matcher(sentence.text());
            boolean future = will.find() && !DONE.matcher(sentence.text().substring(0, will.start())).find();
            List<Dates.Found> dates = Dates.in(sentence.text(), anchor, future);
            List<CountryHit> countries = new ArrayList<>();
            for (Phrases.Match<Lexicon.CountryWord> c : lexicon.countries.findAll(titleCaseCapitals(sentence.text()))) {
                countries.add(new CountryHit(c.value().code(), c.value().form(), c.start(), c.end()));
            }
            List<People.Mention> found = new ArrayList<>(people.in(sentence.text()));
            // "Lich said", "conferred the order on both Lich and Cuong": a surname alone, of one named in full before.
            Matcher word = BARE_NAME.matcher(sentence.text());
            while (word.find()) {
                int at = word.start();
                String bare = word.group();
                // Cheap first: a word of someone's name as written; only then the costlier checks and linking.
                if (draft.persons.stream().anyMatch(p -> p.tokens.contains(bare))
                        && found.stream().noneMatch(m -> m.start() <= at && at < m.end())
                        && !lexicon.isNotName(bare) && lexicon.country(bare) == null) {
                    found.add(new People.Mention(at, word.end(), at, List.of(word.group()), null, null, null));
                }
            }
            found.sort(Comparator.comparingInt(People.Mention::start));
            List<People.Mention> mentions = new ArrayList<>();
            List<Integer> persons = new ArrayList<>();
            for (People.Mention mention : found) {
                int person = person(draft, sentence, mention);
                if (person >= 0) {
                    mentions.add(mention);
                    persons.add(person);
                }
            }
            draft.reads.add(
                    new Read(sentence, future, false, dates, countries, mentions, persons, new HashMap<>(), new HashMap<>()));
        }
        // Short namings before the full one ("Metin" ... "General Metin Gürak") link once all are known.
        for (int i = 0; i < draft.persons.size(); i++) {
            PersonBuilder p = draft.persons.get(i);
            if (isShort(p.tokens)) {
                int full = linkShort(draft, p.tokens, i);
                if (full >= 0) {
                    merge(draft, i, full);
                    i--;
                }
            }
        }
        // "De Silva" after "Piyal De Silva", "General Mohd Asghar Khan" after "Mohd Asghar Khan Goriman Khan": the end or
        // the beginning of a full name is the same person.
        for (int i = 0; i < draft.persons.size(); i++) {
            String key = People.key(draft.persons.get(i).name());
            boolean several = key.indexOf(' ') > 0;
            for (int j = 0; j < draft.persons.size(); j++) {
                String full = People.key(draft.persons.get(j).name());
                if (i != j && (full.endsWith(" " + key) || several && full.startsWith(key + " "))) {
                    merge(draft, i, j > i ? j : j);
                    i = -1;
                    break;
                }
            }
        }
        for (PersonBuilder p : draft.persons) {
            if (p.country == null && p.position != null) {
                p.country = firstCountry(p.position);
            }
        }
        // "his Mongolian counterpart, Minister of Defence Nyamaagiin Enkhbold": the country named before the post;
        // "taking part on the Turkish side were the Chief of the General Staff, ...": the side they are listed on.
        for (Read read : draft.reads) {
            for (int k = 0; k < read.mentions().size(); k++) {
                PersonBuilder p = draft.persons.get(read.persons().get(k));
                if (p.country != null) {
                    continue;
                }
                String before = read.text().substring(0, read.mentions().get(k).start());
                Matcher counterpart = COUNTERPART.matcher(before);
                String side = null;
                for (Matcher sides = SIDE.matcher(before); sides.find();) {
                    side = sides.group(1); // the last side named before the person
                }
                // "Lieutenant General Ruslan Mukambetov of Kyrgyzstan": the country named right after the name.
                Lexicon.CountryWord of = countryOf(read.text().substring(read.mentions().get(k).end()));
                Lexicon.CountryWord named = of != null ? of
                        : counterpart.find() ? lexicon.country(counterpart.group(1))
                                : side != null ? lexicon.country(side) : null;
                if (named != null) {
                    p.country = named.code();
                }
            }
        }
    }

    private static final Pattern OF_COUNTRY = Pattern.compile("^\\s+of\\s+(?:the\\s+)?(?=\\p{Lu})");

    /** The country "of Kyrgyzstan", "of the United Arab Emirates" names at the start of a text; null if none. */
    private Lexicon.CountryWord countryOf(String after) {
        Matcher of = OF_COUNTRY.matcher(after);
        Phrases.Match<Lexicon.CountryWord> country = of.find() ? lexicon.countries.startingAt(after, of.end()) : null;
        return country == null || country.value().form() == Lexicon.Form.CITY ? null : country.value();
    }

    private static final Pattern CAPITALS = Pattern.compile("\\b\\p{Lu}{3,}(?:[-']\\p{Lu}+)*\\b");

    /** "BAKU" as "Baku" (same length, so offsets hold): datelines write places in capitals. */
    static String titleCaseCapitals(String text) {
        Matcher m = CAPITALS.matcher(text);
        StringBuilder out = new StringBuilder(text);
        while (m.find()) {
            for (int i = m.start() + 1; i < m.end(); i++) {
                if (Character.isLetter(out.charAt(i)) && Character.isLetter(out.charAt(i - 1))) {
                    out.setCharAt(i, Character.toLowerCase(out.charAt(i)));
                }
            }
        }
        return out.toString();
    }

    private int person(Draft draft, Sentence sentence, People.Mention mention) {
        Span span = new Span(sentence.start() + mention.start(), sentence.start() + mention.end());
        String key = People.key(String.join(" ", mention.tokens()));
        int index = -1;
        for (int i = 0; i < draft.persons.size(); i++) {
            String known = People.key(draft.persons.get(i).name());
            if (known.equals(key) || PersonNames.reordered(List.of(key.split(" ")), List.of(known.split(" ")))) {
                index = i;
            }
        }
        if (index < 0 && mention.isShort()) {
            index = linkShort(draft, mention.tokens(), -1);
        }
        if (index < 0 && mention.isShort() && mention.rank() == null && mention.title() == null) {
            return -1; // "Minister Giang" of no one named before: a post and a word, too little for a person
        }
        if (index < 0) {
            draft.persons.add(new PersonBuilder(new ArrayList<>(mention.tokens())));
            index = draft.persons.size() - 1;
        }
        PersonBuilder p = draft.persons.get(index);
        p.spans.add(span);
        if (p.rank == null) {
            p.rank = mention.rank();
        }
        if (p.title == null) {
            p.title = mention.title();
        }
        if (p.position == null && mention.position() != null) {
            p.position = mention.position();
        }
        return index;
    }

    private static boolean isShort(List<String> tokens) {
        return tokens.stream().filter(t -> !t.endsWith(".")).count() < 2;
    }

    /** The full naming a short one stands for: its surname (or given name) matches, and its initials do. */
    private static int linkShort(Draft draft, List<String> tokens, int self) {
        List<String> initials = tokens.stream().filter(t -> t.endsWith(".")).map(t -> People.key(t.substring(0, 1))).toList();
        String word = tokens.stream().filter(t -> !t.endsWith(".")).map(People::key).findFirst().orElse(null);
        if (word == null) {
            return -1;
        }
        int match = -1;
        for (int i = 0; i < draft.persons.size(); i++) {
            PersonBuilder p = draft.persons.get(i);
            if (i == self || isShort(p.tokens)) {
                continue;
            }
            List<String> keys = p.tokens.stream().map(People::key).toList();
            boolean initialsFit = initials.isEmpty() || keys.get(0).startsWith(initials.get(0));
            if (keys.contains(word) && initialsFit) {
                if (match >= 0 && match != i) {
                    return -1; // two candidates: leave it unlinked rather than guess
                }
                match = i;
            }
        }
        return match;
    }

    private static void merge(Draft draft, int from, int into) {
        PersonBuilder source = draft.persons.get(from);
        PersonBuilder target = draft.persons.get(into);
        target.spans.addAll(source.spans);
        target.spans.sort((a, b) -> Integer.compare(a.start(), b.start()));
        if (target.rank == null) {
            target.rank = source.rank;
        }
        if (target.position == null) {
            target.position = source.position;
        }
        draft.persons.remove(from);
        for (int r = 0; r < draft.reads.size(); r++) {
            Read read = draft.reads.get(r);
            List<Integer> renumbered = new ArrayList<>();
            for (int index : read.persons()) {
                int moved = index == from ? into : index;
                renumbered.add(moved > from ? moved - 1 : moved);
            }
            draft.reads.set(r, read.persons(renumbered));
        }
    }

    private String firstCountry(String phrase) {
        for (Phrases.Match<Lexicon.CountryWord> c : lexicon.countries.findAll(phrase)) {
            // "Commander of the Transition Mission in Somalia": where the post is served, not whose it is.
            if (c.value().form() != Lexicon.Form.CITY && !phrase.substring(0, c.start()).endsWith(" in ")) {
                return c.value().code();
            }
        }
        return null;
    }

    /**
     * A paragraph is background when it speaks of other times (earlier, last year, a year given that is not the
     * visit's) and not of the visit's people acting now; the first paragraph never is.
     */
    private void markBackground(Draft draft) {
        Map<Integer, List<Integer>> paragraphs = new LinkedHashMap<>();
        for (int i = 0; i < draft.reads.size(); i++) {
            paragraphs.computeIfAbsent(draft.reads.get(i).sentence().paragraph(), p -> new ArrayList<>()).add(i);
        }
        Integer year = draft.anchor == null ? null : draft.anchor.getYear();
        // The lead's day: the earliest the first paragraph of words dates (a dateline alone is no paragraph); none if it
        // dates nothing, since a release may be published days after the visit it then dates further down.
        int leadParagraph = draft.reads.stream().filter(r -> r.text().strip().length() > 40)
                .mapToInt(r -> r.sentence().paragraph())
                .findFirst().orElse(0);
        LocalDate lead = draft.reads.stream().filter(r -> r.sentence().paragraph() == leadParagraph)
                .flatMap(r -> r.dates().stream())
                .map(Dates.Found::day).filter(d -> d != null).min(LocalDate::compareTo).orElse(null);
        for (Map.Entry<Integer, List<Integer>> paragraph : paragraphs.entrySet()) {
            if (paragraph.getKey() <= leadParagraph) {
                continue;
            }
            boolean previous = false;
            for (int i : paragraph.getValue()) {
                Read read = draft.reads.get(i);
                // "The Prime Minister was in Tunisia on Wednesday, 17 April" in a release of a visit on the 23rd.
                boolean olderDay = lead != null && !read.dates().isEmpty() && read.dates().stream()
                        .allMatch(d -> d.day() != null && d.day().isBefore(lead.minusDays(3)));
                // "Three agreements were signed on that occasion": the sentence before it said which occasion.
                boolean sameOccasion = previous && read.dates().isEmpty() && !read.future()
                        && THAT_OCCASION.matcher(read.text()).find();
                boolean otherYear = false;
                Matcher years = YEAR.matcher(read.text());
                while (year != null && years.find()) {
                    // "Chief of Staff since July 2012": a state lasting until now, not another time's event.
                    otherYear |= Integer.parseInt(years.group(1)) < year && !years.group(0).startsWith("for")
                            && !SINCE.matcher(read.text().substring(Math.max(0, years.start() - 20), years.start())).find();
                }
                boolean marker = BACKGROUND.matcher(read.text()).find();
                // A sentence dated now (today, tomorrow, on Friday) or speaking of what will happen is about the visit.
                boolean now = !olderDay
                        && (read.future() || draft.anchor != null && read.dates().stream().anyMatch(d -> d.day() != null
                                && Math.abs(d.day().toEpochDay() - draft.anchor.toEpochDay()) <= 7));
                previous = (otherYear || marker || olderDay || sameOccasion) && !(startsEvent(read) && now)
                        && !(now && !marker);
                if (previous) {
                    draft.reads.set(i, read.background(true));
                }
            }
        }
    }

    /** Whether a sentence reports an event of the visit itself (so a "previously" in it does not make it background). */
    private boolean startsEvent(Read read) {
        for (String kind : List.of("WREATH_LAYING", "WELCOME_CEREMONY", "SIGNING", "SITE_VISIT")) {
            if (lexicon.phrases("agenda").get(kind).matcher(read.text()).find()) {
                return !read.has(LONG_AGO);
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The visit

    private Visit visit(Draft draft, LocalDate datelineDay) {
        List<Read> current = draft.reads.stream().filter(r -> !r.background() && !r.has(NOT_A_VISIT)).toList();
        Read signal = current.stream().filter(r -> r.has(VISIT_SIGNAL)).findFirst().orElse(null);
        if (signal == null) {
            return null;
        }
        // Where it happened decides the host; the head is the leading person from elsewhere.
        String host = hostByPlace(draft, current);
        Integer head = ledBy(draft, current, host);
        boolean named = head != null; // "led by", "who is on a visit": said outright, not inferred
        if (head == null) {
            head = metBy(draft, current, host);
        }
        if (head == null) {
            head = firstVisitor(draft, current, host);
        }
        String visiting = head == null ? null : draft.persons.get(head).country;
        if (visiting != null && visiting.equals(host)) {
            visiting = null;
        }
        String adjectiveSide = visiting != null ? null : delegationCountry(draft, current, host);
        if (head != null && !named && visiting == null && adjectiveSide != null) {
            // "held talks with his Australian counterpart Richard Marles": the one whose country is the visiting side leads.
            for (Read read : current) {
                Integer other = read.persons().stream().filter(p -> adjectiveSide.equals(draft.persons.get(p).country))
                        .findFirst().orElse(null);
                if (other != null) {
                    head = other;
                    break;
                }
            }
        }
        for (Read read : current) {
            for (CountryHit hit : read.countries()) {
                String after = read.text().substring(hit.end(), Math.min(read.text().length(), hit.end() + 40));
                String before = read.text().substring(Math.max(0, hit.start() - 40), hit.start());
                boolean delegation = after
                        .matches("(?s)^\\s+(?:military\\s+|defen[cs]e\\s+|high[- ]level\\s+|official\\s+|naval\\s+"
                                + "|army\\s+|government\\s+)?(?:delegation|guests?|side|minister|counterpart).*")
                        || DELEGATION_OF_BEFORE.matcher(before).find();
                if (visiting == null && hit.form() != Lexicon.Form.CITY && delegation && !hit.code().equals(host)) {
                    visiting = hit.code();
                    draft.evidence("delegation.visitingCountry", read.offset() + hit.start(), read.offset() + hit.end(), 0.8);
                }
            }
        }
        // Announced: said in the future tense, or dated after the day it was published ("tomorrow, 3 December").
        LocalDate firstDay = signal.dates().stream().filter(d -> !isDayOfWriting(draft, signal, d)).map(Dates.Found::day)
                .filter(d -> d != null).min(LocalDate::compareTo).orElse(null);
        boolean planned = signal.future() || current.stream().filter(r -> r.has(VISIT_SIGNAL)).limit(2)
                .allMatch(Read::future) || draft.anchor != null && firstDay != null && firstDay.isAfter(draft.anchor);
        String status = planned ? "PLANNED" : "COMPLETED";
        draft.evidence("delegation.status", signal.offset(), signal.offset() + signal.text().length(), 0.7);
        // The hosts: persons of another country who received, met or talked with the delegation.
        List<Integer> hostCandidates = new ArrayList<>();
        for (Read read : current) {
            if (read.future() && !planned) {
                continue; // "is also scheduled to meet General Raza": not met yet in a visit told as done
            }
            // "The Chief of Staff of the Indonesian Air Force sat in on the call": an official of the host's side who took part.
            boolean hostVerb = read.has(HOST_VERB);
            boolean tookPart = !hostVerb && read.has(TOOK_PART);
            if (!hostVerb && !tookPart || isAwardSentence(read)) {
                continue;
            }
            for (int k = 0; k < read.persons().size(); k++) {
                int person = read.persons().get(k);
                People.Mention mention = read.mentions().get(k);
                if (head != null && person == head || NOT_PRESENT.matcher(read.text().substring(0, mention.start())).find()) {
                    continue;
                }
                String country = draft.persons.get(person).country;
                boolean withHead = ACCOMPANIED_BY.matcher(read.text().substring(0, mention.start())).find();
                if (country != null && country.equals(visiting) || (tookPart || withHead) && country == null) {
                    continue; // one the head is "accompanied by" is no host, whatever verb the sentence has
                }
                if (!hostCandidates.contains(person)) {
                    hostCandidates.add(person);
                }
            }
        }
        String visitingSoFar = visiting;
        if (host == null) {
            host = hostCandidates.stream().map(p -> draft.persons.get(p).country)
                    .filter(c -> c != null && !c.equals(visitingSoFar)).findFirst().orElse(null);
        }
        if (visiting == null && host != null) {
            visiting = mostNamedCountry(current, host);
        }
        if (host == null && visiting != null) {
            host = mostNamedCountry(current, visiting);
        }
        if (visiting == null || host == null || visiting.equals(host)) {
            draft.warnings.add("A visit is mentioned, but " + (visiting == null ? "the visiting country" : "the host country")
                    + " could not be decided: no visit was drafted.");
            return null;
        }
        if (head != null && draft.persons.get(head).country == null) {
            draft.persons.get(head).country = visiting;
        }
        String hostCountry = host;
        String visitingCountry = visiting;
        List<Integer> hosts = new ArrayList<>();
        for (int p : hostCandidates) {
            PersonBuilder person = draft.persons.get(p);
            if (person.country == null) {
                person.country = hostCountry;
            }
            if (person.country.equals(hostCountry)) {
                hosts.add(p);
            }
        }
        List<Integer> members = new ArrayList<>();
        for (Read read : current) {
            if (isAwardSentence(read)) {
                continue;
            }
            for (int k = 0; k < read.persons().size(); k++) {
                int p = read.persons().get(k);
                PersonBuilder person = draft.persons.get(p);
                boolean accompanying = accompanying(read, k);
                if (head != null && p == head || hosts.contains(p) || members.contains(p)
                        || NOT_PRESENT.matcher(read.text().substring(0, read.mentions().get(k).start())).find()) {
                    continue;
                }
                if (person.country == null && accompanying) {
                    person.country = visitingCountry;
                }
                // Only those said to be with the head: a visiting official merely named (an ambassador present) is no member.
                if (visitingCountry.equals(person.country) && accompanying) {
                    members.add(p);
                }
            }
        }
        for (int i = 0; i < hosts.size(); i++) {
            evidencePerson(draft, "delegation.hosts[" + i + "]", hosts.get(i));
        }
        for (int i = 0; i < members.size(); i++) {
            evidencePerson(draft, "delegation.members[" + i + "]", members.get(i));
        }
        if (head != null) {
            evidencePerson(draft, "delegation.head", head);
        } else {
            draft.warnings.add("The head of the delegation could not be decided.");
        }

        String kind = "OTHER";
        Pattern multilateral = lexicon.phrases("visit").get("MULTILATERAL_EVENT");
        for (Read read : current) {
            Matcher m = multilateral.matcher(read.text());
            // "Both meetings are to prepare the ground for the NATO summit": what is to come makes no past visit one.
            if ((!read.future() || planned) && m.find()) {
                kind = "MULTILATERAL_EVENT";
                draft.evidence("delegation.kind", read.offset() + m.start(), read.offset() + m.end(), 0.85);
                break;
            }
        }
        if (kind.equals("OTHER")) {
            outer: for (Read read : current) {
                for (Map.Entry<String, Pattern> phrase : lexicon.phrases("visit").entrySet()) {
                    Matcher m = phrase.getValue().matcher(read.text());
                    if (!phrase.getKey().equals("MULTILATERAL_EVENT") && m.find()) {
                        kind = phrase.getKey();
                        draft.evidence("delegation.kind", read.offset() + m.start(), read.offset() + m.end(), 0.9);
                        break outer;
                    }
                }
            }
        }
        List<String> others = new ArrayList<>();
        if (kind.equals("MULTILATERAL_EVENT")) {
            for (Read read : current) {
                if (!multilateral.matcher(read.text()).find()
                        && !read.text().matches("(?is).*\\b(trilateral|three|four|ministers|"
                                + "countries|represented|colleagues|counterparts)\\b.*")) {
                    continue;
                }
                for (CountryHit hit : read.countries()) {
                    if (hit.form() != Lexicon.Form.CITY && !hit.code().equals(visitingCountry)
                            && !hit.code().equals(hostCountry)
                            && !others.contains(hit.code())) {
                        others.add(hit.code());
                        draft.evidence("delegation.otherCountries[" + (others.size() - 1) + "]", read.offset() + hit.start(),
                                read.offset() + hit.end(), 0.75);
                    }
                }
            }
        }

        // Dates: the days the visit's sentences give; a span gives the last day.
        LocalDate start = null;
        LocalDate end = null;
        boolean undated = false;
        for (Read read : current) {
            if (read.future() && !planned) {
                // "The delegation is due to remain in Kyrgyzstan until 2 June": the visit's own last day, said ahead.
                LocalDate last = lastDayAhead(read);
                if (last != null && (end == null || last.isAfter(end))) {
                    end = last;
                }
                continue; // "the Conclave, to be held from 18 to 22 October": another event's days
            }
            for (Dates.Found date : read.dates()) {
                if (date.day() == null) {
                    undated = true;
                    continue;
                }
                if (isDayOfWriting(draft, read, date)) {
                    continue; // "TBILISI, October 4 - ... is to come tomorrow": the day it was written, not of the visit
                }
                if (date.lastDay() != null && read.has(OTHER_EVENT) && !read.has(THE_VISIT)) {
                    continue; // "the tournament the army organises from 30 September to 10 October": another event's days
                }
                if (draft.anchor != null && date.day().isBefore(draft.anchor.minusYears(1))) {
                    continue; // "the Anzac landing of 25 April 1915": history, not the visit a release reports
                }
                if (ends(read, date)) {
                    // "lasting until 29 April", "is due to end tomorrow": the last day, not the first.
                    if (end == null || date.day().isAfter(end)) {
                        end = date.day();
                        draft.evidence("delegation.endDate", read.offset() + date.start(), read.offset() + date.end(), 0.8);
                    }
                    continue;
                }
                if (start == null || date.day().isBefore(start)) {
                    start = date.day();
                    draft.evidence("delegation.startDate", read.offset() + date.start(), read.offset() + date.end(), 0.85);
                }
                LocalDate last = date.lastDay() != null ? date.lastDay() : date.day();
                if (date.lastDay() != null && (end == null || last.isAfter(end))) {
                    end = last;
                    draft.evidence("delegation.endDate", read.offset() + date.start(), read.offset() + date.end(), 0.85);
                }
            }
        }
        if (start == null && datelineDay != null) {
            start = datelineDay;
        }
        if (end == null && start != null) {
            // "arrived yesterday on a five-day official visit": the last day counted from the first.
            for (Read read : current) {
                Matcher days = DAYS_LONG.matcher(read.text());
                if (days.find() && !read.background() && ARRIVAL.matcher(read.text()).find()) {
                    int n = NUMBERS.indexOf(days.group(1).toLowerCase());
                    n = n >= 0 ? n : Integer.parseInt(days.group(1));
                    if (n >= 2 && n <= 14) {
                        end = start.plusDays(n - 1);
                        draft.evidence("delegation.endDate", read.offset() + days.start(), read.offset() + days.end(), 0.7);
                    }
                    break;
                }
            }
        }
        if (start == null) {
            draft.warnings.add(undated ? "The visit's date has no year and the release no publication date: set startDate."
                    : "The release gives no date for the visit: set startDate.");
        }
        if (end != null && start != null && !end.isAfter(start)) {
            end = null;
        }

        List<Item> agenda = agenda(draft, current, head, hosts, start, planned);
        String title = title(kind, head == null ? null : draft.persons.get(head), visitingCountry, hostCountry);
        return new Visit(visitingCountry, hostCountry, others, kind, status, start, end, head, hosts, members, agenda, title);
    }

    private static final Pattern ACCOMPANYING_BEFORE = Pattern.compile("(?i)\\b(accompanied\\s+by|delegation\\s+(?:that\\s+"
            + "|which\\s+)?(?:also\\s+)?(?:includes?|included|including|comprised?|comprising|consist(?:s|ed)\\s+of)"
            + "|members?\\s+of\\s+(?:the|his|her)\\s+delegation|along\\s+with|together\\s+with|joined\\s+by"
            + "|with\\s+(?:him|her|the\\s+delegation)\\s+(?:were|was)|travell?ing\\s+with"
            + "|accompanying\\s+(?:him|her|them|(?-i:\\p{Lu})[\\p{L}.-]+(?:\\s+(?-i:\\p{Lu})[\\p{L}.-]+){0,2})\\s+(?:was|were)|(?:officers|officials|members)\\s+(?:in|of)\\s+the\\s+"
            + "(?:[\\p{L}-]+\\s+)?(?:party|delegation)\\s+(?:were|was|included)|among\\s+(?:the\\s+)?(?:delegation|those\\s+accompanying)|delegation\\s+members"
            + "|(?:from|on)\\s+the\\s+[\\p{L}-]+\\s+side|(?:side|party|team)\\s+(?:consisted\\s+of|comprised|included"
            + "|was\\s+made\\s+up\\s+of))\\b");
    private static final Pattern ACCOMPANIED_BY = Pattern.compile("\\baccompanied\\s+by\\s+[^,.;]{0,40}$"
            + "|\\btravell?ing\\s+with\\s+(?:[^,.;]{0,60},\\s*)?[^,.;]{0,40}$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACCOMPANYING_AFTER = Pattern
            .compile("(?is)^,?[^.;]{0,160}?\\b(accompanied|was\\s+accompanying|joined)"
                    + "\\s+(the|him|her|me|us)\\b.*");

    /** Whether the sentence names this person as going with the head ("accompanied by", "the delegation included"). */
    private static boolean accompanying(Read read, int k) {
        return ACCOMPANYING_BEFORE.matcher(read.text()).region(0, read.mentions().get(k).start()).find()
                || ACCOMPANYING_AFTER.matcher(read.text().substring(read.mentions().get(k).end())).matches();
    }

    /** Whether a date is the day the visit ends: "lasting until 29 April", "today brought to a close a visit". */
    private static boolean ends(Read read, Dates.Found date) {
        return UNTIL.matcher(read.text().substring(Math.max(0, date.start() - 40), date.start())).find()
                || ENDED.matcher(read.text()).region(date.end(), read.text().length()).lookingAt();
    }

    /** The last day a sentence in the future tense gives the visit it is about ("is due to remain ... until 2 June"). */
    private static LocalDate lastDayAhead(Read read) {
        if (read.background() || !THE_VISIT.matcher(read.text()).find()) {
            return null;
        }
        LocalDate last = null;
        for (Dates.Found date : read.dates()) {
            if (date.day() != null && ends(read, date)) {
                last = date.day();
            }
        }
        return last;
    }

    /**
     * Whether a date is the day of writing rather than of an event: the dateline's ("BAKU, 12 May -"), or the release's
     * ("said in a press release issued on Thursday").
     */
    private static boolean isDayOfWriting(Draft draft, Read read, Dates.Found date) {
        return read == draft.reads.get(0) && date.start() < 60
                && DATELINE_END.matcher(read.text()).region(date.end(), read.text().length()).lookingAt()
                || RELEASE_DAY.matcher(read.text().substring(0, date.start())).find();
    }

    /** The country a phrase names as the visiting side: "the Kazakh delegation", "his Australian counterpart". */
    private String delegationCountry(Draft draft, List<Read> current, String host) {
        for (Read read : current) {
            for (CountryHit hit : read.countries()) {
                String after = read.text().substring(hit.end(), Math.min(read.text().length(), hit.end() + 40));
                if (hit.form() != Lexicon.Form.CITY && !hit.code().equals(host)
                        && after.matches(
                                "(?s)^\\s+(?:military\\s+|defen[cs]e\\s+|high[- ]level\\s+|official\\s+|naval\\s+|army\\s+"
                                        + "|government\\s+)?(?:delegation|guests?|side|minister|counterpart|colleague).*")) {
                    return hit.code();
                }
            }
        }
        return null;
    }

    private static final Pattern PASSIVE_BEFORE = Pattern.compile("\\b(?:was|were|been|being)\\s+$");
    private static final Pattern RECEIVED = Pattern.compile("\\b(received|hosted|welcomed|greeted|met\\s+with|met)\\b");
    private static final Pattern CALLED_ON = Pattern
            .compile("\\b(called\\s+on|paid\\s+a\\s+(?:courtesy\\s+)?call\\s+on|met\\s+with"
                    + "|held\\s+(?:bilateral\\s+|official\\s+)?talks\\s+with|was\\s+received\\s+by|visited)\\b");

    /** The head when no phrase names one: the first person present from another country than the host. */
    private Integer firstVisitor(Draft draft, List<Read> current, String host) {
        for (Read read : current) {
            for (int k = 0; k < read.persons().size(); k++) {
                String country = draft.persons.get(read.persons().get(k)).country;
                // "The minister is accompanied by the Ambassador, X": X goes along, the unnamed minister leads.
                if (country != null && host != null && !country.equals(host) && !accompanying(read, k)
                        && !NOT_PRESENT.matcher(read.text().substring(0, read.mentions().get(k).start())).find()) {
                    return read.persons().get(k);
                }
            }
        }
        return null;
    }

    /** Whether a person may lead the visiting side: not one of the host country's own. */
    private static boolean visitor(Draft draft, int person, String host) {
        String country = draft.persons.get(person).country;
        return country == null || host == null || !country.equals(host);
    }

    /**
     * The person said to lead the visiting delegation: "led by X"; "a visit by X"; "X, who is on an official visit"; "X
     * arrived".
     */
    private Integer ledBy(Draft draft, List<Read> current, String host) {
        for (Read read : current) {
            Matcher led = LED_BY.matcher(read.text());
            while (led.find()) {
                for (int k = 0; k < read.mentions().size(); k++) {
                    if (read.mentions().get(k).start() >= led.end() && read.mentions().get(k).start() - led.end() < 260
                            && visitor(draft, read.persons().get(k), host)) {
                        return read.persons().get(k);
                    }
                }
            }
        }
        for (Read read : current) {
            for (int k = 0; k < read.mentions().size(); k++) {
                People.Mention mention = read.mentions().get(k);
                String after = read.text().substring(mention.end());
                String afterPost = mention.position() != null && after.startsWith(",")
                        ? after.replaceFirst("^,\\s*[^,]*?" + Pattern.quote(mention.position()), "")
                        : after;
                boolean onVisit = (ON_VISIT.matcher(after).find() || ON_VISIT.matcher(afterPost).find())
                        && read.has(VISIT_SIGNAL);
                boolean onTrip = ON_TRIP.matcher(after).find() || ON_TRIP.matcher(afterPost).find();
                // "General Kainerugaba, travelling with Lt Gen Okiding, arrived": the one going along does not lead.
                if ((onVisit || onTrip) && !accompanying(read, k)
                        && !NOT_PRESENT.matcher(read.text().substring(0, mention.start())).find()
                        && visitor(draft, read.persons().get(k), host)) {
                    return read.persons().get(k);
                }
            }
        }
        return null;
    }

    /** The head by who received whom: "the Minister received X" (the one received); "X called on the Minister". */
    private Integer metBy(Draft draft, List<Read> current, String host) {
        int looked = 0;
        for (Read read : current) {
            if (read.mentions().size() >= 2 && looked < 3) {
                looked++;
                Matcher verb = RECEIVED.matcher(read.text());
                // "X was received by the Minister" is told below, with "X called on the Minister".
                if (verb.find() && !verb.group(1).startsWith("met")
                        && !PASSIVE_BEFORE.matcher(read.text()).region(0, verb.start()).find()) {
                    int before = lastMentionBefore(read, verb.start());
                    int after = firstMentionAfter(read, verb.end());
                    if (before >= 0 && after >= 0 && visitor(draft, read.persons().get(after), host)) {
                        return read.persons().get(after);
                    }
                }
                Matcher call = CALLED_ON.matcher(read.text());
                if (call.find()) {
                    // The sentence's subject: "X, accompanied by Y, called on Z"; "X paid tribute to Y, visited ...".
                    int before = lastMentionBefore(read, call.start()) >= 0 ? 0 : -1;
                    if (call.group(1).startsWith("was")) {
                        if (before >= 0 && visitor(draft, read.persons().get(before), host)) {
                            return read.persons().get(before);
                        }
                    } else if (before >= 0 && visitor(draft, read.persons().get(before), host)) {
                        return read.persons().get(before);
                    }
                }
            }
        }
        return null;
    }

    private static final Pattern PLACE_STRONG = Pattern
            .compile("\\b(?:(?:visit|trip|tour|travel(?:s|l?ed|l?ing)?|arrived|arrives|arrival"
                    + "|paid|pays|went|came|flew|heads?|delegation)\\b[^;]{0,60}?\\b(?:to|in|into)"
                    + "|(?:fly|flies|flew|leave|leaves|left|depart|departs|departed)\\b[^;]{0,40}?\\bfor|visiting|visited|visits|toured|visit\\s+of|held\\s+in|took\\s+place\\s+in|hosted\\s+by)"
                    + "\\s+(?:the\\s+)?(?:\\p{Lu}[\\p{L}'’-]+,\\s+)?(?:(?:Republic|Kingdom|State|Sultanate|Emirate|Federation)\\s+of\\s+(?:the\\s+)?)?$");
    private static final Pattern PLACE_WEAK = Pattern.compile("\\b(?:in|at)\\s+(?:the\\s+)?$");

    /** The country a visit took place in: "visit to Azerbaijan", "arrived in Baku", "met in Tehran", "the Kazakh capital". */
    private String hostByPlace(Draft draft, List<Read> current) {
        CountryHit weak = null;
        Read weakRead = null;
        int sentences = 0;
        for (Read read : current) {
            if (sentences++ > 6) {
                break;
            }
            if (read.background()) {
                continue; // "Last month he made a similar visit to Niger": not this visit's country
            }
            for (CountryHit hit : read.countries()) {
                String before = read.text().substring(Math.max(0, hit.start() - 80), hit.start());
                String after = read.text().substring(hit.end(), Math.min(read.text().length(), hit.end() + 30));
                boolean capital = hit.form() == Lexicon.Form.ADJECTIVE && CAPITAL_AFTER.matcher(after).matches();
                if (hit.form() == Lexicon.Form.ADJECTIVE && !capital || after.matches("(?s)^['’]s\\b.*")) {
                    continue; // "came to Iraq's assistance": a country's own, not a place
                }
                if (PLACE_STRONG.matcher(before).find()
                        || capital && PLACE_STRONG.matcher(before.replaceAll("the\\s+$", "")).find()) {
                    draft.evidence("delegation.hostCountry", read.offset() + hit.start(), read.offset() + hit.end(), 0.85);
                    return hit.code();
                }
                if (weak == null && (PLACE_WEAK.matcher(before).find() || capital)) {
                    weak = hit;
                    weakRead = read;
                }
            }
        }
        if (weak != null) {
            draft.evidence("delegation.hostCountry", weakRead.offset() + weak.start(), weakRead.offset() + weak.end(), 0.6);
            return weak.code();
        }
        return datelineCountry(draft, null);
    }

    private String datelineCountry(Draft draft, String visiting) {
        if (draft.reads.isEmpty()) {
            return null;
        }
        Read first = draft.reads.get(0);
        Matcher m = DATELINE.matcher(first.text());
        // A dateline's place is in capitals (BAKU) or a known place (Bratislava): "General Ahmad Yasin, Commander ..." is none.
        if (!m.find() || !m.group(1).equals(m.group(1).toUpperCase())
                && lexicon.country(m.group(1).strip()) == null) {
            return null;
        }
        for (CountryHit hit : first.countries()) {
            if (hit.end() <= m.end() && !hit.code().equals(visiting)) {
                return hit.code();
            }
        }
        return null;
    }

    private static String mostNamedCountry(List<Read> reads, String except) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Read read : reads) {
            for (CountryHit hit : read.countries()) {
                if (!hit.code().equals(except)) {
                    counts.merge(hit.code(), 1, Integer::sum);
                }
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    private String title(String kind, PersonBuilder head, String visiting, String host) {
        String what = switch (kind) {
            case "OFFICIAL_VISIT" -> "Official visit";
            case "WORKING_VISIT" -> "Working visit";
            case "STATE_VISIT" -> "State visit";
            case "MULTILATERAL_EVENT" -> "Multilateral meeting";
            default -> "Visit";
        };
        String who = head == null ? "the delegation of " + lexicon.countryName(visiting)
                : (head.rank == null ? "" : head.rank + " ") + head.name() + " (" + lexicon.countryName(visiting) + ")";
        String title = what + " of " + who + (kind.equals("MULTILATERAL_EVENT") ? " in " : " to ") + lexicon.countryName(host);
        return title.length() > 300 ? title.substring(0, 300) : title;
    }

    private void evidencePerson(Draft draft, String field, int person) {
        Span first = draft.persons.get(person).spans.get(0);
        draft.evidence(field, first.start(), first.end(), 0.8);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The agenda

    private static final class ItemBuilder {
        String kind;
        LocalDate date;
        String location;
        final Set<String> honours = new LinkedHashSet<>();
        final Set<String> topics = new LinkedHashSet<>();
        final List<Integer> participants = new ArrayList<>();
        final StringBuilder description = new StringBuilder();
        final List<Span> spans = new ArrayList<>();
        final Map<String, Span> honourSpans = new HashMap<>();
        final Map<String, Span> topicSpans = new HashMap<>();
        String document;
        /** The official met, by post, when the text names no one: "the Commander of the Zambia Army". */
        String official;

        ItemBuilder(String kind, LocalDate date) {
            this.kind = kind;
            this.date = date;
        }
    }

    private static final Pattern MEETING_VERB = Pattern.compile(
            "\\b(met|meet|meets|meeting|meetings|received|receives|welcomed|hosted"
                    + "|called\\s+on|calls?\\s+on|courtesy\\s+call|talks|negotiations|conversation|discussions?|sit\\s+down|sat\\s+down"
                    + "|audience)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PLACE_NOUN = Pattern.compile(
            "\\b(academy|university|school|college|institute|units?|brigades?|divisions?"
                    + "|regiments?|battalions?|bases?|garrisons?|plants?|factory|factories|enterprises?|museums?|centres?|centers?|headquarters"
                    + "|shipyards?|airfields?|command|facility|facilities|hospitals?|park|complex|fleet|ships?|frigates?|submarines?"
                    + "|exhibition|expo|training\\s+grounds?|ranges?|polygon|dockyards?|arsenals?|depots?|sites?|installations?|institutions?|(?-i:Service))\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DATELINE_END = Pattern.compile("\\s*(?:\\([^)]{0,40}\\)\\s*)?[-–—:]");
    private static final Pattern UNTIL = Pattern
            .compile("\\b(?:until|till|through|to\\s+end|ends?|ending|conclude[sd]?|concluding"
                    + "|wraps?\\s+up|(?:came|comes|flew|flies)\\s+back|returned\\s+home|left(?=\\s+(?-i:\\p{Lu}))"
                    + "|departed\\s+(?:from\\s+)?(?=(?-i:\\p{Lu})))\\b[^.;,]{0,25}$",
                    Pattern.CASE_INSENSITIVE);
    /** "Today brought to a close a working visit", "today finished two days of talks": the day it ended. */
    private static final Pattern ENDED = Pattern.compile("\\s*,?\\s*(?:brought\\s+to\\s+a\\s+close|finished|wound\\s+up"
            + "|concluded|ended|completed|rounded\\s+off)\\s+(?:his|her|their|its|an?|the|two|three|four|five)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Events with days of their own, which a sentence may give without speaking of the visit. */
    private static final Pattern OTHER_EVENT = Pattern.compile("\\b(tournament|championship|games|exhibition|course"
            + "|exercises?|drills|competition|festival|olympiad|contest|forum)\\b", Pattern.CASE_INSENSITIVE);
    /** What a sentence about the visit itself speaks of ("the delegation is due to remain ... until"). */
    private static final Pattern THE_VISIT = Pattern.compile("\\b(visit|delegation|stay|mission|tour|trip)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ARRIVAL = Pattern
            .compile("\\b(arrived|arrives|arriving|arrive|flew\\s+in(?:to)?|landed|began|begins|started"
                    + "|starts|kicked\\s+off|opened)\\b", Pattern.CASE_INSENSITIVE);
    private static final List<String> NUMBERS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "thirteen", "fourteen");
    private static final Pattern DAYS_LONG = Pattern.compile("\\b(two|three|four|five|six|seven|eight|nine|ten|\\d{1,2})[- ]day"
            + "\\s+(?:official\\s+|working\\s+|state\\s+|goodwill\\s+|bilateral\\s+)?(?:visit|tour|trip|stay)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final List<String> NTH = List.of("second", "third", "fourth", "fifth", "sixth");
    // "On the second day of the visit": dated from the visit's first day.
    private static final Pattern NTH_DAY = Pattern.compile("\\b(second|third|fourth|fifth|sixth)\\s+day\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern THE_MEETING = Pattern.compile(
            "\\bthe\\s+(?:official\\s+|bilateral\\s+|expanded\\s+)?(talks|meeting|discussions?)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern THE_TALKS = Pattern.compile("\\bthe\\s+talks\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DELEGATION_TALKS = Pattern.compile("\\bdelegations?\\b|\\bexpanded\\b|\\bofficial\\s+talks\\b"
            + "|\\bdelegation[- ]level\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern AFTER_TALKS = Pattern.compile("\\b(?:after|following)\\s+(?:the\\s+)?talks\\b"
            + "|\\btalks\\s+between\\s+the\\s+delegations\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PRESENT_ONLY = Pattern
            .compile("\\b(in\\s+the\\s+presence\\s+of|attended\\s+by|among\\s+those\\s+present"
                    + "|witnessed\\s+by)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern MET_THERE = Pattern.compile("\\bwhere\\s+(?:he|she|they|the\\s+\\p{L}+)\\s+(?:was|were)\\s+"
            + "(?:met|received|welcomed|greeted|briefed)\\s+by\\b[^.;]*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLAUSE_AFTER_PLACE = Pattern.compile(",\\s+(?:where|which|who|when)\\b");
    private static final Pattern MEET_LIST = Pattern.compile("\\b(?:meet|met|call\\s+on|called\\s+on)\\s+(?:with\\s+)?([^.;]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LIST_SEPARATOR = Pattern.compile(",\\s*(?:and\\s+)?|\\s+and\\s+(?=the\\b|\\p{Lu})");
    private static final Pattern NEXT_CAPITAL = Pattern.compile("\\s+\\p{Lu}");
    private static final Pattern PART_OF_NAME = Pattern.compile("\\s+(?:and|&|of|at)\\s+(?:the\\s+)?\\p{Lu}");
    private static final Pattern SEPARATE_TALKS = Pattern.compile(
            "\\b(expanded|delegation[- ]level|official\\s+talks|then|followed"
                    + "|later|afterwards|subsequently|between\\s+the\\s+delegations|separate|also\\s+met|another)\\b",
            Pattern.CASE_INSENSITIVE);

    private List<Item> agenda(Draft draft, List<Read> current, Integer head, List<Integer> hosts, LocalDate start,
            boolean planned) {
        List<ItemBuilder> items = new ArrayList<>();
        ItemBuilder item = null;
        List<ItemBuilder> wreaths = new ArrayList<>();
        int insertAt = -1; // "Before the meeting ...": events placed before the meeting the lead sentence announced
        LocalDate day = start;
        for (Read read : current) {
            String s = read.text();
            List<ItemBuilder> known = List.copyOf(items);
            // What is still to come in a visit that took place is not yet its agenda: such a sentence only adds to the
            // event open ("the sides will explore cooperation in cyber security" at the talks).
            boolean pending = read.future() && !planned;
            // An award conferred during the visit is a ceremony of its own, unless it ends the meeting it is said of.
            boolean conferral = isAwardSentence(read) && !hits(read, "agenda").containsKey("AWARD_CEREMONY");
            if (conferral && (pending || read.background() || read.has(CONTINUES) && item != null && isMeeting(item))) {
                continue;
            }
            boolean dated = false;
            for (Dates.Found date : read.dates()) {
                if (date.day() != null && !isDayOfWriting(draft, read, date)) {
                    day = date.day();
                    dated = true;
                    break;
                }
            }
            Matcher nth = NTH_DAY.matcher(s);
            if (!dated && start != null && nth.find()) {
                day = start.plusDays(NTH.indexOf(nth.group(1).toLowerCase()) + 1);
            }
            Matcher before = BEFORE_MEETING.matcher(s);
            if (before.find() && item != null && isMeeting(item)) {
                // "Before the meetings": before the first of them.
                insertAt = before.group(2).equalsIgnoreCase("meetings")
                        ? items.indexOf(items.stream().filter(ReleaseExtractor::isMeeting).findFirst().orElse(item))
                        : items.indexOf(item);
            }
            // "Before that, ...": this sentence's events go before the one just told, and the day goes on after it.
            boolean beforeThat = BEFORE_THAT.matcher(s).lookingAt() && item != null && insertAt < 0;
            if (beforeThat) {
                insertAt = items.indexOf(item);
            }
            Set<String> triggered = new LinkedHashSet<>(hits(read, "agenda").keySet());
            if (pending || conferral) {
                triggered.clear();
                if (conferral) {
                    triggered.add("AWARD_CEREMONY");
                }
            } else if (triggered.contains("SIGNING") && documents(s).isEmpty()) {
                triggered.remove("SIGNING");
            }
            String honour = hits(read, "honour").keySet().stream().findFirst().orElse(null);
            boolean ceremonial = honour != null && (honour.equals("GUARD_OF_HONOUR") || honour.equals("NATIONAL_ANTHEMS")
                    || honour.equals("MILITARY_ORCHESTRA") || honour.equals("GUN_SALUTE"));
            // A guard of honour, anthems, a band or a salute make the welcome, in whatever sentence they appear.
            boolean welcomeHonour = hits(read, "honour").keySet().stream().anyMatch(WELCOME_HONOURS::contains);
            if (!pending && !conferral && ceremonial
                    || triggered.contains("WREATH_LAYING") && welcomeHonour && !read.has(WREATH_ONLY)) {
                triggered.add("WELCOME_CEREMONY");
            }
            List<ItemBuilder> targets = new ArrayList<>();
            boolean continues = read.has(CONTINUES) && item != null;

            // Meetings and talks: one item per host official met, whichever sentence names them again.
            Set<Integer> acted = new HashSet<>();
            // The host each meeting of this sentence was opened for: "paid calls on A, on B and on C" is three meetings,
            // each with its own host and not the others.
            Map<ItemBuilder, Integer> openedFor = new HashMap<>();
            for (int k = 0; k < read.persons().size(); k++) {
                int p = read.persons().get(k);
                People.Mention mention = read.mentions().get(k);
                if (pending || conferral || !hosts.contains(p) || !acted.add(p)
                        || NOT_PRESENT.matcher(s.substring(0, mention.start())).find()) {
                    continue;
                }
                if (PRESENT_ONLY.matcher(s.substring(0, mention.start())).find()) {
                    continue; // "a ceremony held in the presence of the Prime Minister": there, but not met
                }
                String verb = meetingVerb(read, k);
                // "hosted a welcome ceremony for the guest": the welcome, not a meeting besides it; "went on to the Land
                // Forces headquarters, where he was met by the Commander": the visit of the place, the host there with him.
                boolean metThere = triggered.contains("SITE_VISIT")
                        && MET_THERE.matcher(s.substring(0, mention.start())).find();
                if (verb == null || metThere || triggered.contains("WELCOME_CEREMONY") && WELCOMING_VERBS.contains(verb)) {
                    continue;
                }
                String kind = verb.startsWith("talks") || verb.startsWith("negotiations") ? "TALKS" : "MEETING";
                ItemBuilder met = null;
                boolean another = read.has(ANOTHER_MEETING);
                for (ItemBuilder candidate : items) {
                    if (isMeeting(candidate) && candidate.participants.contains(p) && !another
                            && (candidate.kind.equals(kind) || !read.has(SEPARATE_TALKS))) {
                        met = candidate;
                    }
                }
                ItemBuilder told = lastMeeting(items);
                if (met == null && told != null && read.has(THE_MEETING)
                        && (read.has(TOOK_PART) || told.participants.stream().noneMatch(hosts::contains))) {
                    // "General Fatma Ahmed also took part in the talks", "when the talks had ended, Ministers Papikyan and
                    // Burchuladze signed": the meeting told, whose host is named now.
                    met = told;
                }
                if (met == null) {
                    met = new ItemBuilder(kind, day);
                    met.location = place(s);
                    insertAt = add(items, met, insertAt);
                    openedFor.put(met, p);
                } else if (insertAt >= 0 && items.indexOf(met) >= insertAt) {
                    insertAt = -1; // back to the meeting the events before it led up to
                }
                if (!targets.contains(met)) {
                    targets.add(met);
                }
                if (!met.participants.contains(p)) {
                    met.participants.add(p);
                }
            }
            if (triggered.contains("WREATH_LAYING")) {
                List<String> places = memorials(s);
                if (item != null && item.kind.equals("WREATH_LAYING") && places.isEmpty()) {
                    targets.addAll(wreaths); // "The guests laid wreaths and flowers": at the memorials just named
                } else {
                    wreaths = new ArrayList<>();
                    for (int n = 0; n < Math.max(1, places.size()); n++) {
                        ItemBuilder wreath = new ItemBuilder("WREATH_LAYING", day);
                        wreath.location = places.isEmpty() ? place(s) : places.get(n);
                        insertAt = add(items, wreath, insertAt);
                        wreaths.add(wreath);
                        targets.add(wreath);
                    }
                }
            }
            if (triggered.contains("WELCOME_CEREMONY")) {
                ItemBuilder welcome = items.stream().filter(i -> i.kind.equals("WELCOME_CEREMONY")).reduce((a, b) -> b)
                        .orElse(null);
                if (welcome == null) {
                    welcome = new ItemBuilder("WELCOME_CEREMONY", day);
                    welcome.location = place(s);
                    // The welcome opens the day: before a meeting this sentence or the last one began.
                    ItemBuilder opened = targets.isEmpty() ? (item != null && isMeeting(item) ? item : null) : targets.get(0);
                    int at = opened != null && items.contains(opened) ? items.indexOf(opened) : insertAt;
                    int moved = add(items, welcome, at);
                    insertAt = at == insertAt ? moved : insertAt >= 0 && at <= insertAt ? insertAt + 1 : insertAt;
                }
                if (!targets.contains(welcome)) {
                    targets.add(welcome);
                }
            }
            if (triggered.contains("SIGNING") && read.has(AFTER_TALKS) && last(items, "TALKS") == null) {
                // "After talks between the delegations, the ministers are due to sign": the talks come first.
                ItemBuilder talks = new ItemBuilder("TALKS", day);
                insertAt = add(items, talks, insertAt);
                targets.add(talks);
            }
            if (triggered.contains("SIGNING") && !(item != null && item.kind.equals("SIGNING") && continues)) {
                String document = documents(s).get(0);
                ItemBuilder signing = items.stream().filter(i -> i.kind.equals("SIGNING") && sameDocument(i.document, document))
                        .findFirst().orElse(null);
                if (signing == null) {
                    signing = new ItemBuilder("SIGNING", day);
                    signing.document = document;
                    insertAt = add(items, signing, insertAt);
                } else if (continues && isMeeting(item) && items.indexOf(signing) < items.indexOf(item) && insertAt < 0) {
                    // Summed up in the lead, told in its place later ("at the end of the meeting ... signed the plan").
                    items.remove(signing);
                    items.add(items.indexOf(item) + 1, signing);
                    signing.date = item.date;
                }
                targets.add(signing);
            }
            if (triggered.contains("SITE_VISIT") && targets.stream().noneMatch(ReleaseExtractor::isMeeting)) {
                // The places visited are named after the verb, up to a clause about what was done there ("where he urged
                // the cadets ... a solid base for their service" names no other place).
                int from = hits(read, "agenda").get("SITE_VISIT").start() - read.offset();
                Matcher clause = CLAUSE_AFTER_PLACE.matcher(s);
                Matcher places = PLACE_NOUN.matcher(s).region(from, clause.find(from) ? clause.start() : s.length());
                Set<String> seen = new LinkedHashSet<>();
                while (places.find()) {
                    // "the Command and Staff College", "the Museum of the Armed Forces": one place, named by its last noun
                    // ... and "the Defence Services Command and Staff College": a capitalised noun before another is in the name.
                    boolean inName = Character.isUpperCase(places.group(1).charAt(0))
                            && NEXT_CAPITAL.matcher(s).region(places.end(), s.length()).lookingAt();
                    if (!PART_OF_NAME.matcher(s).region(places.end(), s.length()).lookingAt() && !inName) {
                        seen.add(places.group(1).toLowerCase().replaceAll("(?<=[^s])s$", ""));
                    }
                }
                // "toured the Museum ... and visited the Academy": each place visited in turn, where the text names it.
                List<String> visited = places(s, from);
                for (int n = 0; n < Math.max(1, Math.min(4, seen.size())); n++) {
                    ItemBuilder site = new ItemBuilder("SITE_VISIT", day);
                    site.location = n < visited.size() ? visited.get(n) : n == 0 ? place(s) : null;
                    insertAt = add(items, site, insertAt);
                    targets.add(site);
                }
            }
            if (triggered.contains("BRIEFING") && !(item != null && item.kind.equals("BRIEFING"))) {
                ItemBuilder briefing = new ItemBuilder("BRIEFING", day);
                insertAt = add(items, briefing, insertAt);
                targets.add(briefing);
            }
            if (triggered.contains("OTHER") && !(item != null && item.kind.equals("OTHER"))) {
                ItemBuilder other = new ItemBuilder("OTHER", day);
                other.location = place(s);
                insertAt = add(items, other, insertAt);
                targets.add(other);
            }
            if (targets.isEmpty() && (triggered.contains("MEETING") || triggered.contains("TALKS"))) {
                boolean talks = triggered.contains("TALKS");
                boolean separate = read.has(SEPARATE_TALKS);
                if (talks && triggered.contains("MEETING") && separate) {
                    // "first met face to face, then continued in an expanded format": both, each once.
                    for (String kind : List.of("MEETING", "TALKS")) {
                        ItemBuilder existing = last(items, kind);
                        if (existing == null) {
                            existing = new ItemBuilder(kind, day);
                            insertAt = add(items, existing, insertAt);
                        }
                        targets.add(existing);
                    }
                } else if (continues && item != null && isMeeting(item)) {
                    targets.add(item);
                } else if (talks && last(items, "TALKS") != null && !read.has(SEPARATE)) {
                    targets.add(last(items, "TALKS"));
                } else if (lastMeeting(items) != null && !separate) {
                    targets.add(lastMeeting(items)); // the meeting again, after a ceremony or a visit in between
                } else {
                    // "is to meet the Minister of Defence, the Commander of the Army and the Commandant of ...": one
                    // meeting for each official listed by post.
                    List<String> officials = talks ? List.of() : officialsListed(s);
                    for (int n = 0; n < Math.max(1, officials.size()); n++) {
                        ItemBuilder meeting = new ItemBuilder(talks ? "TALKS" : "MEETING", day);
                        meeting.location = place(s);
                        meeting.official = officials.isEmpty() ? null : officials.get(n);
                        insertAt = add(items, meeting, insertAt);
                        targets.add(meeting);
                    }
                }
            }
            if (triggered.contains("AWARD_CEREMONY") && targets.isEmpty()) {
                // The award told again ("In the course of the visit he received the Order"): the same ceremony.
                ItemBuilder told = last(items, "AWARD_CEREMONY");
                ItemBuilder ceremony = told != null ? told : new ItemBuilder("AWARD_CEREMONY", day);
                if (told == null) {
                    ceremony.location = place(s);
                    insertAt = add(items, ceremony, insertAt);
                }
                targets.add(ceremony);
            }
            // Flowers, a plaque or gifts alone belong to the event open; wreaths and flowers alone open a wreath-laying.
            if (targets.isEmpty() && honour != null && !pending && !conferral) {
                if (item != null && (item.kind.equals("WELCOME_CEREMONY") || item.kind.equals("WREATH_LAYING") && !ceremonial
                        || !ceremonial)) {
                    targets.addAll(item.kind.equals("WREATH_LAYING") && !wreaths.isEmpty() ? wreaths : List.of(item));
                } else {
                    ItemBuilder ceremony = new ItemBuilder(ceremonial ? "WELCOME_CEREMONY" : "WREATH_LAYING", day);
                    int at = item != null && isMeeting(item) ? items.indexOf(item) : insertAt;
                    add(items, ceremony, at);
                    targets.add(ceremony);
                }
            }
            boolean carried = targets.isEmpty() && item != null;
            if (carried) {
                targets.add(item);
            }
            if (beforeThat) {
                insertAt = -1;
            }
            inTextOrder(read, items, known);
            if (targets.isEmpty()) {
                continue;
            }
            item = targets.get(targets.size() - 1);
            for (ItemBuilder target : targets) {
                target.spans.add(new Span(read.offset(), read.offset() + s.length()));
                if (target.description.length() + s.length() < 2000) {
                    target.description.append(target.description.length() == 0 ? "" : " ").append(s);
                }
                for (int k = 0; k < read.persons().size(); k++) {
                    int p = read.persons().get(k);
                    boolean anothersHost = openedFor.size() > 1 && openedFor.containsValue(p)
                            && !Integer.valueOf(p).equals(openedFor.get(target));
                    if (!target.participants.contains(p) && !anothersHost
                            && !NOT_PRESENT.matcher(s.substring(0, read.mentions().get(k).start())).find()) {
                        target.participants.add(p);
                    }
                }
                // "Will also lay a wreath": no honour of the meeting open; "inspected a guard of honour and then called on the
                // Minister", "review a parade and lay a wreath": the welcome's and the wreath-laying's, not the others'.
                if (!pending) {
                    Set<String> others = new HashSet<>();
                    if (!target.kind.equals("WELCOME_CEREMONY")
                            && targets.stream().anyMatch(t -> t.kind.equals("WELCOME_CEREMONY"))) {
                        others.addAll(WELCOME_HONOURS);
                    }
                    if (!target.kind.equals("WREATH_LAYING")
                            && targets.stream().anyMatch(t -> t.kind.equals("WREATH_LAYING"))) {
                        others.addAll(WREATH_HONOURS);
                    }
                    honours(read, target, others);
                }
                if (!target.kind.equals("WREATH_LAYING") && !target.kind.equals("WELCOME_CEREMONY")) {
                    topics(read, target);
                } else if (carried) {
                    // "The sides spoke about military education", told after the welcome: what the meeting was about.
                    items.stream().filter(ReleaseExtractor::isMeeting).reduce((first, second) -> second)
                            .ifPresent(meeting -> topics(read, meeting));
                }
            }
        }
        // "Has called on the Navy Chief and the Defence Minister", then each call told with the names: a meeting with no
        // host named is one of those told again, and what was said of it goes to the first of them.
        ItemBuilder named = items.stream()
                .filter(i -> i.kind.equals("MEETING") && i.participants.stream().anyMatch(hosts::contains))
                .findFirst().orElse(null);
        if (named != null) {
            for (ItemBuilder unnamed : List.copyOf(items)) {
                // "The talks that followed", "attended the talks": the meeting just told, not talks of the delegations.
                boolean theTalks = unnamed.kind.equals("TALKS") && THE_TALKS.matcher(unnamed.description).find()
                        && !DELEGATION_TALKS.matcher(unnamed.description).find();
                if ((unnamed.kind.equals("MEETING") || theTalks) && unnamed.participants.stream().noneMatch(hosts::contains)) {
                    named.topics.addAll(unnamed.topics);
                    unnamed.topicSpans.forEach(named.topicSpans::putIfAbsent);
                    named.spans.addAll(unnamed.spans);
                    items.remove(unnamed);
                }
            }
        }
        List<Item> agenda = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ItemBuilder b = items.get(i);
            String field = "delegation.agenda[" + i + "]";
            for (Span span : b.spans) {
                draft.evidence(field, span.start(), span.end(), 0.75);
            }
            b.honourSpans.forEach((h, span) -> draft.evidence(field + ".honours", span.start(), span.end(), 0.9));
            b.topicSpans.forEach((t, span) -> draft.evidence(field + ".topics", span.start(), span.end(), 0.8));
            agenda.add(new Item(b.kind, itemTitle(draft, b, head, hosts), b.date, b.location, Set.copyOf(b.honours),
                    Set.copyOf(b.topics), List.copyOf(b.participants), b.description.toString()));
        }
        return agenda;
    }

    /** The officials a sentence says were (or are to be) met, named by their posts only. */
    private static List<String> officialsListed(String s) {
        Matcher met = MEET_LIST.matcher(s);
        if (!met.find()) {
            return List.of();
        }
        List<String> listed = LIST_SEPARATOR.splitAsStream(met.group(1)).map(String::strip).toList();
        List<String> officials = new ArrayList<>();
        for (int i = 0; i < listed.size(); i++) {
            // "met the Russian Defence Minister, Andrei Belousov": a post with its holder's name is no unnamed official.
            boolean named = i + 1 < listed.size() && !listed.get(i + 1).isEmpty()
                    && Character.isUpperCase(listed.get(i + 1).charAt(0))
                    && !People.isPost(listed.get(i + 1));
            if (People.isPost(listed.get(i)) && !named) {
                officials.add(listed.get(i));
            }
        }
        return officials;
    }

    /** "Laid a wreath and called on the Minister": the items one sentence opened, in the order it tells them. */
    private void inTextOrder(Read read, List<ItemBuilder> items, List<ItemBuilder> known) {
        List<ItemBuilder> opened = items.stream().filter(i -> !known.contains(i)).toList();
        int first = opened.isEmpty() ? -1 : items.indexOf(opened.get(0));
        if (opened.size() < 2 || !items.subList(first, first + opened.size()).equals(opened)) {
            return;
        }
        List<ItemBuilder> ordered = new ArrayList<>(opened);
        ordered.sort(Comparator.comparingInt(i -> toldAt(read, i)));
        for (int n = 0; n < ordered.size(); n++) {
            items.set(first + n, ordered.get(n));
        }
    }

    /** Where in its sentence an item is told: the host met, or the phrase of its kind; the end when neither is found. */
    private int toldAt(Read read, ItemBuilder item) {
        if (isMeeting(item)) {
            for (int k = 0; k < read.persons().size(); k++) {
                if (item.participants.contains(read.persons().get(k))) {
                    return read.mentions().get(k).start();
                }
            }
        }
        Span phrase = hits(read, "agenda").get(item.kind);
        if (phrase == null && item.kind.equals("WELCOME_CEREMONY")) {
            phrase = hits(read, "honour").entrySet().stream().filter(h -> WELCOME_HONOURS.contains(h.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
        return phrase == null ? read.text().length() : phrase.start() - read.offset();
    }

    private static ItemBuilder last(List<ItemBuilder> items, String kind) {
        for (int i = items.size() - 1; i >= 0; i--) {
            if (items.get(i).kind.equals(kind)) {
                return items.get(i);
            }
        }
        return null;
    }

    private static ItemBuilder lastMeeting(List<ItemBuilder> items) {
        for (int i = items.size() - 1; i >= 0; i--) {
            if (isMeeting(items.get(i))) {
                return items.get(i);
            }
        }
        return null;
    }

    private static boolean isMeeting(ItemBuilder item) {
        return item.kind.equals("MEETING") || item.kind.equals("TALKS");
    }

    /** Adds an item at the end, or before the meeting that "before the meeting" events precede; the next position. */
    private static int add(List<ItemBuilder> items, ItemBuilder item, int at) {
        if (at >= 0 && at <= items.size()) {
            items.add(at, item);
            return at + 1;
        }
        items.add(item);
        return at;
    }

    /** The meeting word that ties a host's naming to a meeting: the nearest before it, or else right after it. */
    private static String meetingVerb(Read read, int k) {
        String s = read.text();
        int from = k == 0 ? 0 : Math.min(read.mentions().get(k - 1).end(), read.mentions().get(k).start());
        Matcher before = MEETING_VERB.matcher(s.substring(from, read.mentions().get(k).start()));
        String verb = null;
        while (before.find()) {
            verb = before.group(1).toLowerCase();
        }
        if (verb != null) {
            return verb;
        }
        int end = read.mentions().get(k).end();
        Matcher opening = MEETING_VERB.matcher(s.substring(0, Math.min(from, read.mentions().get(k).start())));
        if (opening.find()) {
            return opening.group(1).toLowerCase(); // "In a separate meeting, X took up ... with Y"
        }
        int to = k + 1 < read.mentions().size() ? Math.max(end, read.mentions().get(k + 1).start()) : s.length();
        Matcher after = MEETING_VERB.matcher(s.substring(end, Math.min(to, end + 120)));
        return after.find() ? after.group(1).toLowerCase() : null;
    }

    /** The phrases of a group a sentence matches, in the order of phrases.tsv, each with where it first matches. */
    private Map<String, Span> hits(Read read, String group) {
        return read.hits().computeIfAbsent(group, g -> {
            Map<String, Span> found = new LinkedHashMap<>();
            for (Map.Entry<String, Pattern> phrase : lexicon.phrases(g).entrySet()) {
                Matcher m = phrase.getValue().matcher(read.text());
                if (m.find()) {
                    found.put(phrase.getKey(), new Span(read.offset() + m.start(), read.offset() + m.end()));
                }
            }
            return found;
        });
    }

    /** The honours of a welcome; a wreath-laying keeps wreaths, flowers and plaques; other events any. */
    /** Verbs that, said with a guard of honour or anthems, tell the welcome rather than a meeting. */
    private static final Set<String> WELCOMING_VERBS = Set.of("hosted", "welcomed", "received");
    private static final Set<String> WELCOME_HONOURS = Set.of("GUARD_OF_HONOUR", "NATIONAL_ANTHEMS", "MILITARY_ORCHESTRA",
            "BOOK_OF_HONOUR", "GUN_SALUTE");
    private static final Set<String> WREATH_HONOURS = Set.of("WREATH", "FLOWERS", "MEMORIAL_PLAQUE");
    /** Honours said of the memorial itself (a guard at the tomb, anthems played there): no welcome in them. */
    private static final Pattern WREATH_ONLY = Pattern
            .compile("\\b(at|by)\\s+the\\s+(tomb|memorial|monument|grave|eternal\\s+flame)\\b[^.]{0,80}"
                    + "\\b(anthem|guard)", Pattern.CASE_INSENSITIVE);

    private void honours(Read read, ItemBuilder item, Set<String> others) {
        for (Map.Entry<String, Span> honour : hits(read, "honour").entrySet()) {
            if (others.contains(honour.getKey())
                    || item.kind.equals("WREATH_LAYING") && !WREATH_HONOURS.contains(honour.getKey())
                    || item.kind.equals("WELCOME_CEREMONY") && WREATH_HONOURS.contains(honour.getKey())
                            && !honour.getKey().equals("FLOWERS")) {
                continue;
            }
            // A wreath at a meeting is someone else's: honours belong to ceremonies and wreath-layings, and a guard of
            // honour or anthems at the start of talks make those a welcome (kept on the item where they are).
            item.honours.add(honour.getKey());
            item.honourSpans.putIfAbsent(honour.getKey(), honour.getValue());
        }
    }

    private void topics(Read read, ItemBuilder item) {
        for (Map.Entry<String, Span> topic : hits(read, "topic").entrySet()) {
            item.topics.add(topic.getKey());
            item.topicSpans.putIfAbsent(topic.getKey(), topic.getValue());
        }
    }

    private List<String> memorials(String s) {
        TreeMap<Integer, String> found = new TreeMap<>();
        int[] taken = new int[s.length() + 1];
        for (Pattern pattern : List.of(MEMORIAL, MEMORIAL_DESCRIBED)) {
            Matcher m = pattern.matcher(s);
            while (m.find()) {
                String place = m.group(1).strip();
                // "the Monument of the Unknown Soldier and another at the tomb of President Sadat": each once.
                if (taken[m.start(1)] == 0 && !found.containsValue(place)) {
                    found.put(m.start(1), place);
                    Arrays.fill(taken, m.start(1), m.end(1), 1);
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    private String place(String s) {
        List<String> places = places(s, 0);
        return places.isEmpty() ? null : places.get(0);
    }

    /** The places a sentence names from a point on, in the order it names them. */
    private List<String> places(String s, int from) {
        List<String> places = new ArrayList<>();
        Matcher m = PLACE.matcher(s).region(from, s.length());
        while (m.find()) {
            String place = m.group(1).strip();
            Lexicon.CountryWord known = lexicon.country(place);
            // "to the Saudi general": a country's adjective is no place.
            if (place.split("\\s+").length >= 2 || known != null && known.form() != Lexicon.Form.ADJECTIVE) {
                if (!MONTH_FIRST.matcher(place).matches()) {
                    // The sentence's full stop is no part of the place; an abbreviation's ("St.", "U.S.") is.
                    place = SENTENCE_STOP.matcher(place).replaceFirst("");
                    places.add(place.length() > 300 ? place.substring(0, 300) : place);
                }
            }
        }
        return places;
    }

    private String itemTitle(Draft draft, ItemBuilder item, Integer head, List<Integer> hosts) {
        // "Talks with" the host met, never with the head of the delegation who held them.
        String visitors = head == null ? null : draft.persons.get(head).country;
        Integer met = item.participants.stream().filter(hosts::contains).findFirst()
                .orElse(item.participants.stream().filter(p -> !p.equals(head) && draft.persons.get(p).country != null
                        && !draft.persons.get(p).country.equals(visitors)).findFirst()
                        .orElse(hosts.size() == 1 && (item.kind.equals("MEETING") || item.kind.equals("TALKS")) ? hosts.get(0)
                                : null));
        String with = item.official != null ? item.official
                : met == null ? null
                        : (draft.persons.get(met).rank == null ? "" : draft.persons.get(met).rank + " ")
                                + draft.persons.get(met).name();
        String title = switch (item.kind) {
            case "WREATH_LAYING" -> "Wreath-laying" + (item.location == null ? "" : " at " + item.location);
            case "WELCOME_CEREMONY" -> "Welcoming ceremony";
            case "MEETING" -> "Meeting" + (with == null ? "" : " with " + with);
            case "TALKS" -> "Talks" + (with == null ? "" : " with " + with);
            case "BRIEFING" -> "Briefing";
            case "SIGNING" -> "Signing of " + item.document;
            case "SITE_VISIT" -> "Visit" + (item.location == null ? "" : " to " + item.location);
            case "AWARD_CEREMONY" -> "Award ceremony";
            default -> "Event";
        };
        return title.length() > 300 ? title.substring(0, 300) : title;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Awards

    private boolean isAwardSentence(Read read) {
        if (!read.has(CONFERRAL) || read.has(ON_BEHALF)) {
            return false; // "received the decorations on behalf of all the recipients": none of his own
        }
        return !read.mentions().isEmpty() && !hits(read, "award").isEmpty();
    }

    private List<AwardFact> awards(Draft draft, Visit visit) {
        List<AwardFact> awards = new ArrayList<>();
        LocalDate day = visit == null ? null : visit.startDate();
        Read untold = null; // an award told before its recipients are: "decorated five officers ... The five are ..."
        for (Read read : draft.reads) {
            for (Dates.Found date : read.dates()) {
                if (date.day() != null && !read.background() && !isDayOfWriting(draft, read, date)) {
                    day = date.day();
                    break;
                }
            }
            Matcher listed = untold == null || read.background() ? null : RECIPIENTS_LISTED.matcher(read.text());
            boolean list = listed != null && listed.find() && !isAwardSentence(read);
            if (read.background() || !isAwardSentence(read) && !list) {
                if (!read.background() && read.mentions().isEmpty() && CONFERRAL.matcher(read.text()).find()
                        && !hits(read, "award").isEmpty()) {
                    untold = read; // "decorated five officers with the Order": who they are comes next
                }
                continue;
            }
            Read award = list ? untold : read; // the sentence that tells the award
            String s = award.text();
            Matcher verb = CONFERRAL.matcher(s);
            verb.find();
            // Recipients as (person, start, end) in the sentence.
            List<int[]> recipients = new ArrayList<>();
            Matcher guest = GUEST_RECEIVED.matcher(s);
            if (list) {
                for (int k = 0; k < read.mentions().size(); k++) {
                    if (read.mentions().get(k).start() >= listed.end()) {
                        recipients.add(new int[] { read.persons().get(k), read.mentions().get(k).start(),
                                read.mentions().get(k).end() });
                    }
                }
            } else if (visit != null && visit.head() != null && guest.find()) {
                // "From the hands of General Oviedo, the Australian chief received the Cross": the visit's head.
                recipients.add(new int[] { visit.head(), guest.start(), guest.end() });
            } else {
                for (int k : recipients(read, verb)) {
                    recipients.add(
                            new int[] { read.persons().get(k), read.mentions().get(k).start(), read.mentions().get(k).end() });
                }
            }
            if (recipients.isEmpty()) {
                draft.warnings.add("An award is mentioned but its recipient could not be decided: \"" + shorten(s) + "\"");
                untold = read;
                continue;
            }
            untold = null;
            String name = awardName(s);
            String kind = lexicon.firstPhrase("award", name == null ? s : name);
            if (kind == null) {
                kind = lexicon.firstPhrase("award", s);
            }
            if (name == null) {
                name = switch (kind) {
                    case "MEDAL" -> "Medal";
                    case "ORDER" -> "Order";
                    case "BADGE" -> "Badge";
                    case "CERTIFICATE" -> "Certificate";
                    case "HONORARY_TITLE" -> "Honorary title";
                    default -> "Award";
                };
                draft.warnings.add("An award's name is not given in the text: named \"" + name + "\".");
            }
            Matcher grade = GRADE.matcher(s);
            String gradeText = grade.find() ? grade.group(0).toLowerCase() : null;
            Matcher authority = AUTHORITY.matcher(s);
            String authorityText = authority.find() ? authority.group(1).strip() : null;
            for (int[] named : recipients) {
                int recipient = named[0];
                PersonBuilder person = draft.persons.get(recipient);
                String conferredBy = conferredBy(draft, award, verb.start(), authorityText, person, visit);
                // "Gen. Ngo Xuan Lich presented the order, on behalf of the President of Vietnam": the one who confers it
                // serves the conferring country.
                int conferrer = firstMentionBefore(award, verb.start());
                if (conferrer >= 0 && conferredBy != null && draft.persons.get(award.persons().get(conferrer)).country == null
                        && award.persons().get(conferrer) != recipient && !PASSIVE.matcher(s).find()) {
                    draft.persons.get(award.persons().get(conferrer)).country = conferredBy;
                }
                if (person.country == null && conferredBy != null && visit != null) {
                    person.country = conferredBy.equals(visit.visitingCountry()) ? visit.hostCountry()
                            : visit.visitingCountry();
                }
                if (person.country == null) {
                    // Another country the sentence names, else the dateline's: a recipient is seldom of the conferring country.
                    String dateline = datelineCountry(draft, conferredBy);
                    person.country = award.countries().stream().map(CountryHit::code).filter(c -> !c.equals(conferredBy))
                            .findFirst()
                            .orElse(dateline != null ? dateline : conferredBy);
                }
                if (conferredBy == null) {
                    draft.warnings.add("The country that conferred an award could not be decided: \"" + shorten(s) + "\"");
                    continue;
                }
                int awarded = recipient;
                String awardName = name;
                if (awards.stream().anyMatch(a -> a.recipient() == awarded && a.name().equals(awardName))) {
                    continue;
                }
                LocalDate on = day;
                if (on == null) {
                    draft.warnings.add("An award has no date in the text: set conferredOn.");
                }
                int index = awards.size();
                awards.add(new AwardFact(name, kind, gradeText, recipient, conferredBy, authorityText, on, visit != null));
                draft.evidence("awards[" + index + "]", award.offset(), award.offset() + s.length(), 0.75);
                draft.evidence("awards[" + index + "].recipient", read.offset() + named[1], read.offset() + named[2], 0.8);
            }
        }
        return awards;
    }

    private String awardName(String s) {
        Matcher quoted = QUOTED.matcher(s);
        while (quoted.find()) {
            String before = s.substring(Math.max(0, quoted.start() - 40), quoted.start()).toLowerCase();
            String after = s.substring(quoted.end(), Math.min(s.length(), quoted.end() + 30)).toLowerCase();
            String inner = quoted.group(1).strip();
            inner = inner.length() > 300 ? inner.substring(0, 300) : inner;
            // 'The Order of Military Merit "Peter Mogila"': the order's name with the name it bears.
            Matcher named = AWARD_NAME_BEFORE.matcher(s.substring(Math.max(0, quoted.start() - 80), quoted.start()));
            if (named.find()) {
                return withoutArticle(named.group(1).strip()) + " \"" + inner + "\"";
            }
            if (AWARD_WORD_BEFORE.matcher(before).find()
                    || AWARD_WORD_AFTER.matcher(after).matches()
                    || lexicon.firstPhrase("award", quoted.group(1)) != null) {
                return inner;
            }
        }
        Matcher honorary = HONORARY.matcher(s);
        if (honorary.find()) {
            return ("Honorary " + s.substring(honorary.start(), honorary.end()).replaceFirst("(?i)^honorary\\s+", "")).strip();
        }
        Matcher named = AWARD_NAME.matcher(s);
        String best = null;
        while (named.find()) {
            String candidate = withoutArticle(named.group(1).strip().replaceAll("(\\s+(of|for|the|and|in))+$", ""));
            if (candidate.split("\\s+").length >= 2 && (best == null || candidate.length() > best.length())) {
                best = candidate;
            }
        }
        return best;
    }

    /** "The Order of Military Merit" at a sentence's start: the article is no part of the name. */
    private static String withoutArticle(String name) {
        return name.replaceFirst("^(?:The|An?)\\s+", "");
    }

    private String conferredBy(Draft draft, Read read, int verbStart, String authority, PersonBuilder recipient, Visit visit) {
        if (authority != null) {
            String code = firstCountry(authority);
            if (code != null) {
                return code;
            }
        }
        String subject = read.text().substring(0, verbStart);
        String last = null;
        for (Phrases.Match<Lexicon.CountryWord> c : lexicon.countries.findAll(titleCaseCapitals(subject))) {
            if (recipient.country == null || !c.value().code().equals(recipient.country)) {
                last = c.value().code();
            }
        }
        if (last != null && !PASSIVE.matcher(read.text()).find()) {
            return last;
        }
        for (int k = 0; k < read.mentions().size(); k++) {
            if (read.mentions().get(k).end() <= verbStart) {
                String country = draft.persons.get(read.persons().get(k)).country;
                if (country != null && !country.equals(recipient.country)) {
                    return country;
                }
            }
        }
        if (visit != null && recipient.country != null) {
            return recipient.country.equals(visit.visitingCountry()) ? visit.hostCountry() : visit.visitingCountry();
        }
        String after = read.text().substring(verbStart);
        Matcher byCountry = Pattern.compile("\\bby\\s+(?:the\\s+)?").matcher(after);
        if (byCountry.find()) {
            String code = firstCountry(after.substring(byCountry.end()));
            if (code != null) {
                return code;
            }
        }
        String inSentence = read.countries().stream().map(CountryHit::code).filter(code -> !code.equals(recipient.country))
                .findFirst().orElse(null);
        if (inSentence != null) {
            return inSentence;
        }
        // "The Embassy of Japan hosted a reception ... X was decorated with the Order of the Rising Sun": the release's side.
        return draft.reads.stream().filter(r -> !r.background()).flatMap(r -> r.countries().stream())
                .filter(hit -> hit.form() != Lexicon.Form.CITY).map(CountryHit::code)
                .filter(code -> !code.equals(recipient.country)).findFirst().orElse(null);
    }

    private static final Pattern GUEST_RECEIVED = Pattern
            .compile("\\bthe\\s+(?:visiting\\s+|distinguished\\s+|[\\p{Lu}][\\p{L}-]+\\s+)?"
                    + "(?:chief|general|admiral|minister|guest|commander|head\\s+of\\s+the\\s+delegation)\\s+(?:also\\s+|was\\s+(?:also\\s+)?)?"
                    + "(?:received|awarded|presented\\s+with|decorated\\s+with|conferred\\s+with)\\b"
                    + "|\\b(?:handed|presented|gave|awarded)\\s+(?:his|her|their|the)\\s+(?:visiting\\s+|distinguished\\s+)?(?:guest|visitor)\\b");
    // "Presented on Thursday at the residence of ...", "conferred on a proposal from the Minister, ...": neither the day
    // nor the one who proposed it received it.
    private static final Pattern TO_RECIPIENT = Pattern.compile("\\b(?:to|on|upon)\\s+(?!(?:an?\\s+|the\\s+)?(?:proposal"
            + "|recommendation|initiative|occasion|instructions?|behalf|basis|sidelines)\\b)(?:the\\s+)?(?!(?:" + Dates.WEEKDAY
            + "|"
            + Dates.MONTH + "|\\d)\\b)");
    private static final Pattern BY = Pattern.compile("\\bby\\b");

    /**
     * Who received it: the one named before "was awarded" (passive), those named after "conferred on" (several, in a
     * list), or the one named right after "awarded" (active); never one named after "by", who conferred it.
     */
    private static List<Integer> recipients(Read read, Matcher verb) {
        String s = read.text();
        List<Integer> found = new ArrayList<>();
        // "The Minister received the Defence Attaché, Lt Col Fries, in order to present him with the Badge": the one
        // received is the one decorated.
        if (verb.group(1).equalsIgnoreCase("received")
                && RECEIVED_TO_DECORATE.matcher(s).region(verb.end(), s.length()).find()) {
            int k = firstMentionAfter(read, verb.end());
            if (k >= 0) {
                found.add(k);
                return found;
            }
        }
        Matcher by = BY.matcher(s);
        int conferrers = by.find(verb.start()) ? by.start() : s.length();
        Matcher passive = PASSIVE.matcher(s);
        if (passive.find()) {
            int before = lastMentionBefore(read, passive.start());
            if (before >= 0) {
                found.add(before);
                return found;
            }
            Matcher to = TO_RECIPIENT.matcher(s);
            if (to.find(passive.end())) {
                for (int k = 0; k < read.mentions().size(); k++) {
                    int start = read.mentions().get(k).start();
                    if (start >= to.start() && (start < conferrers || conferrers < to.start())) {
                        found.add(k);
                    }
                }
            }
            return found;
        }
        // "honoured the former minister, Sayyid Badr, by awarding him the Order": the one named before the pronoun.
        int named = lastMentionBefore(read, verb.start());
        boolean pronoun = OBJECT_PRONOUN.matcher(s).region(verb.end(), s.length()).lookingAt() && named >= 0
                && HONOURED.matcher(s.substring(0, read.mentions().get(named).start())).find();
        int k = pronoun ? named : firstMentionAfter(read, verb.start());
        if (k < 0) {
            Matcher to = TO_RECIPIENT.matcher(s);
            if (to.find(verb.end())) {
                k = firstMentionAfter(read, to.start());
            }
        }
        if (k >= 0 && (read.mentions().get(k).start() < conferrers || pronoun)) {
            found.add(k);
            // "presented the Order to Minister Lich, and the second-class Order to Gen. Luong Cuong": each one it went to.
            for (int next = k + 1; next < read.mentions().size(); next++) {
                int start = read.mentions().get(next).start();
                if (start < conferrers && TO_BEFORE.matcher(s.substring(read.mentions().get(next - 1).end(), start)).find()) {
                    found.add(next);
                }
            }
        }
        return found;
    }

    private static int firstMentionBefore(Read read, int position) {
        return !read.mentions().isEmpty() && read.mentions().get(0).end() <= position ? 0 : -1;
    }

    private static int lastMentionBefore(Read read, int position) {
        int found = -1;
        for (int k = 0; k < read.mentions().size(); k++) {
            if (read.mentions().get(k).end() <= position) {
                found = k;
            }
        }
        return found;
    }

    private static int firstMentionAfter(Read read, int position) {
        for (int k = 0; k < read.mentions().size(); k++) {
            if (read.mentions().get(k).start() >= position) {
                return k;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Documents signed

    /**
     * The documents a sentence says were signed, as titles; none for the Book of Honour or "in accordance with the protocol".
     */
    private static List<String> documents(String s) {
        return TO_SIGN.matcher(s).find() ? named(s) : new ArrayList<>();
    }

    /** The documents a sentence names, signed or not. */
    private static List<String> named(String s) {
        List<String> titles = new ArrayList<>();
        String cleaned = NOT_A_DOCUMENT.matcher(s).find() ? NOT_A_DOCUMENT.matcher(s).replaceAll("") : s;
        Matcher doc = DOCUMENT.matcher(cleaned);
        int consumed = 0;
        while (doc.find()) {
            if (doc.start() < consumed) {
                continue;
            }
            // Back to the start of the noun phrase: capitalised words and adjectives before the keyword.
            String before = cleaned.substring(consumed, doc.start());
            Matcher lead = Pattern.compile("((?:\\b(?:[\\p{Lu}][\\p{L}'’-]*|bilateral|military|defen[cs]e|cooperation|joint|"
                    + "intergovernmental|technical|military-technical|annual|trilateral|mutual|framework|implementation|action|work|"
                    + "working|general|comprehensive|strategic|security|training|education(?:al)?|\\d{4})\\s+)*)$")
                    .matcher(before);
            int from = lead.find() ? consumed + lead.start() : doc.start();
            while (from < doc.start() && !Character.isLetterOrDigit(cleaned.charAt(from))) {
                from++;
            }
            String rest = cleaned.substring(doc.end());
            Matcher end = DOCUMENT_END.matcher(rest);
            int to = doc.end() + (end.find() ? end.start() : rest.length());
            String title = withoutPlace(cleaned.substring(from, to).strip().replaceAll("^(?i)(an?|the|two|three)\\s+", ""));
            // "A plan of military cooperation between Kazakhstan and Türkiye for 2024": the year it is for stays in the title.
            Matcher year = YEAR_AFTER_PARTIES.matcher(cleaned).region(to, cleaned.length());
            if (year.lookingAt() && !title.contains(year.group(1))) {
                title += " for " + year.group(1);
            }
            if (BARE_DOCUMENT.matcher(title).matches() && titles.size() > 0) {
                consumed = to;
                continue;
            }
            title = Character.toUpperCase(title.charAt(0)) + title.substring(1);
            titles.add(title.length() > 500 ? title.substring(0, 500) : title);
            consumed = to;
        }
        return titles;
    }

    /**
     * A title without where it was signed: "Bilateral cooperation plan in Tbilisi" is the plan; a place is a country
     * or a city the lexicon knows ("cooperation in Military Education" stays whole).
     */
    private static String withoutPlace(String title) {
        Matcher in = IN_PLACE.matcher(title);
        while (in.find()) {
            Phrases.Match<Lexicon.CountryWord> place = Lexicon.get().countries.startingAt(title, in.end());
            if (place != null && place.value().form() != Lexicon.Form.ADJECTIVE) {
                return title.substring(0, in.start());
            }
        }
        return title;
    }

    private List<AgreementFact> agreements(Draft draft, Visit visit) {
        List<AgreementFact> agreements = new ArrayList<>();
        LocalDate day = visit == null ? null : visit.startDate();
        for (int r = 0; r < draft.reads.size(); r++) {
            Read read = draft.reads.get(r);
            Read before = r > 0 ? draft.reads.get(r - 1) : null;
            for (Dates.Found date : read.dates()) {
                if (date.day() != null && !read.background() && !isDayOfWriting(draft, read, date)) {
                    day = date.day();
                    break;
                }
            }
            if (read.background() || read.future() && (visit == null || !"PLANNED".equals(visit.status()))) {
                continue;
            }
            if (read.future()) {
                continue; // a document to be signed is not a document signed
            }
            Matcher signed = SIGNED.matcher(read.text());
            if (!signed.find()) {
                continue;
            }
            List<String> titles = documents(read.text());
            if (titles.isEmpty() && before != null && !before.background() && THE_DOCUMENT.matcher(read.text()).find()) {
                // "The two countries now have a framework agreement ... The document was signed in Helsinki": that one.
                titles = named(before.text());
            }
            for (String title : titles) {
                String kind = documentKind(title);
                if (agreements.stream().anyMatch(a -> sameDocument(a.title(), title))) {
                    continue;
                }
                List<String> parties = new ArrayList<>();
                for (CountryHit hit : read.countries()) {
                    if (hit.form() != Lexicon.Form.CITY && !parties.contains(hit.code())) {
                        parties.add(hit.code());
                    }
                }
                if (visit != null) {
                    for (String code : concat(List.of(visit.visitingCountry(), visit.hostCountry()), visit.otherCountries())) {
                        if (!parties.contains(code) && (parties.size() < 2 || !visit.otherCountries().isEmpty())) {
                            parties.add(code);
                        }
                    }
                }
                if (parties.isEmpty()) {
                    draft.warnings.add("A signed document's parties could not be decided: \"" + shorten(title) + "\"");
                    continue;
                }
                List<Integer> signatories = new ArrayList<>();
                for (int p : read.persons()) {
                    if (!signatories.contains(p)) {
                        signatories.add(p);
                    }
                }
                int index = agreements.size();
                agreements.add(new AgreementFact(title, kind, parties, day, signatories, visit != null));
                int at = read.text().indexOf(title.substring(1));
                draft.evidence("agreements[" + index + "]", read.offset() + Math.max(0, at - 1),
                        read.offset() + (at < 0 ? read.text().length() : at - 1 + title.length()), 0.8);
            }
        }
        return agreements;
    }

    /** A document's kind, from the first document word of its title ("Plan of military cooperation": a plan). */
    private String documentKind(String title) {
        Matcher first = DOCUMENT.matcher(title);
        String kind = first.find() ? lexicon.firstPhrase("agreement", first.group(1)) : null;
        return kind == null ? "AGREEMENT" : kind;
    }

    private static final Pattern SHORT_DOCUMENT = Pattern.compile("(?i)(?:[\\p{L}-]+\\s+)?(?:agreements?|memorand(?:um|a)|MoU"
            + "|plans?|protocols?|contracts?|programmes?|programs?|documents?)");

    /** "The memorandum" after "a memorandum of understanding on military cooperation": the document named again. */
    private boolean sameDocument(String earlier, String title) {
        Matcher year = YEAR.matcher(title);
        return earlier.equalsIgnoreCase(title) || documentKind(earlier).equals(documentKind(title))
                && (SHORT_DOCUMENT.matcher(title).matches() || year.find() && earlier.contains(year.group(1)));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String shorten(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }
}
