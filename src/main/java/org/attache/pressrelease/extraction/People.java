package org.attache.pressrelease.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.attache.person.PersonNames;

/**
 * Finds the persons a sentence names: after a rank ("Colonel General Zakir Hasanov", "Lt. Gen. S.Kamaletdinov"), an
 * honorific ("General Sir Roly Walker", "Mr. Ilham Aliyev") or a post ("Defence Minister Rajnath Singh", "the Minister
 * of Defence of Slovakia, Robert Kaliňák"); with the post written before or after the name and the rank kept apart.
 */
final class People {

    /** One naming of a person in the text. */
    record Mention(int start, int end, int nameStart, List<String> tokens, String rank, String title, String position) {

        String name() {
            return String.join(" ", tokens).replaceAll("\\.(?=\\p{Lu})", ". ");
        }

        /** A surname alone or with initials ("Metin", "Z. Hasanov"), to be linked to the full naming. */
        boolean isShort() {
            return tokens.stream().filter(t -> !t.endsWith(".")).count() < 2;
        }
    }

    private static final Pattern POST_HEAD = Pattern.compile("\\b(Minister|Secretary|Ambassador|President|Chairman|Chairwoman"
            + "|Director|Rector|Governor|Attach[eé]|attach[eé]|Envoy|Adviser|Advisor|Chief|Commander|Head|Premier|Speaker"
            + "|Commandant|Representative|Inspector|Undersecretary|Deputy|Councillor|Councilor|Chair|Chairperson"
            + "|Charg[eé]\\s+d['’]Affaires)\\b");
    private static final Pattern VERB_BEFORE_POST = Pattern.compile("\\b(?:were|was|are|is)\\s+");
    private static final Pattern POST_BEFORE_NAME = Pattern
            .compile("\\b(?:(?:Federal|Deputy|First|Acting|Vice|Prime|Defen[cs]e|"
                    + "Foreign|Slovak|German)\\s+)*(Minister|Secretary|Ambassador|President|Chairman|Director|Governor|Attach[eé]|Envoy"
                    + "|Premier|Speaker|Commander|Chief|counterpart|colleague)(?:\\s+(?:of|for)(?:\\s+the)?(?:\\s+(?:[\\p{Lu}][\\p{L}-]*|of|the|and|for))*?)?\\s+(?=\\p{Lu})");
    private static final Pattern PARTICLE = Pattern.compile("bin|bint|ibn|al|el|van|von|de|da|dos|der|den|ul|ud|di|du|la|le|e");
    private static final Pattern ARTICLE_JOINED = Pattern.compile("(?:al|el|ad|ar|as|at|an|ash|az|ud|ul)-\\p{Lu}[\\p{L}'’-]*");
    private static final Pattern RANK_AS_POST = Pattern.compile("\\b(?:the|its|his|her)\\s+(?:[\\p{Lu}][\\p{L}-]*\\s+)?$");
    private static final Pattern COMMA = Pattern.compile(",\\s*");
    /** The words an official's post is named by, where a name is looked for next to one. */
    private static final String POST_WORDS = "Minister|Secretary|Ambassador|President|Chairman|Chairwoman|Director|Governor"
            + "|Commander|Chief|Head|Commandant|Chair";
    private static final Pattern POST_ONLY = Pattern
            .compile("(?:the\\s+|[\\p{Lu}][\\p{L}-]*['’]s\\s+)(?:[\\p{Lu}][\\p{L}-]*\\s+){0,3}"
                    + "(?:" + POST_WORDS + ")"
                    + "(?:\\s+(?:of|for|to)\\s+[^,]{1,80})?");
    private static final Pattern ROMAN = Pattern.compile("I{1,3}|IV|VI{0,3}");
    private static final Pattern RETIRED = Pattern.compile("\\G\\s*\\((?:R|r|Retd|retd|Retd\\.|retired|Ret\\.)\\)");
    /** Where a post written after the name ends. */
    private static final Pattern POST_AFTER_END = Pattern
            .compile(",\\s*(?:who|which|and|that|as|where|when)\\b|\\s+with\\s+the\\b"
                    + "|\\s+(?:received|met|visited|noted|said|stressed|expressed|held|paid|arrived|thanked|awarded|presented|signed"
                    + "|welcomed|emphasi[sz]ed|informed|discussed|laid|also|has|had|was|were|is|will)\\b|[.;:(]|\\s+[-–]\\s|$");

    private static final Pattern POST_MODIFIERS = Pattern
            .compile("((?:\\b(?:State|Federal|First|Deputy|Acting|Vice|Senior|Assistant|Principal"
                    + "|Permanent|Special|Defen[cs]e|Military|military|Naval|Air|Army|Foreign|Prime|Chief)\\s+)+)$");
    private static final Pattern FAMILY_NAME_IN_CAPITALS = Pattern.compile("(?=\\p{Lu}{3,}$)(?:[^AEIOUY]*[AEIOUY]){2}\\p{Lu}*");
    private static final Pattern GIVEN_NAME_AFTER = Pattern.compile(" (\\p{Lu}\\p{Ll}+)\\b(?![.'’-])");
    private static final Pattern APPOSITION = Pattern.compile("^\\s*[,–-]\\s*(?:the\\s+|a\\s+)?");
    private static final Pattern POST_START = Pattern.compile("^(?:First|Deputy|Acting|Vice|Senior|Defen[cs]e|Military|military"
            + "|Naval|Air|Army|Chief|defen[cs]e)\\b");

    private final Lexicon lexicon;

    People(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    List<Mention> in(String sentence) {
        List<Mention> found = new ArrayList<>();
        for (Phrases.Match<String> rank : lexicon.ranks.findAll(sentence)) {
            if (covered(found, rank.start())) {
                continue;
            }
            int at = rank.end();
            Matcher retired = RETIRED.matcher(sentence);
            if (retired.find(at) && retired.start() == at) {
                at = retired.end();
            }
            String title = null;
            // "Admiral (Prof.) Jayanath Colombage": the title may stand in brackets.
            int from = skipSpaces(sentence, at);
            boolean bracketed = from < sentence.length() && sentence.charAt(from) == '(';
            Phrases.Match<String> honorific = lexicon.titles.startingAt(sentence, bracketed ? from + 1 : from);
            int end = honorific == null ? -1 : honorific.end() + (bracketed ? 1 : 0);
            if (honorific != null && (!bracketed || end <= sentence.length() && sentence.charAt(end - 1) == ')')) {
                title = honorific.value();
                at = end;
            }
            // "Rear Admiral" inside "Lieutenant General" never happens: the longest rank spelling matched first.
            Name name = readName(sentence, at);
            if (name == null && title == null && RANK_AS_POST.matcher(sentence).region(0, rank.start()).find()) {
                // "the Command Sergeant Major, Garric M. Banfield": a rank standing as the post before the name.
                Matcher comma = COMMA.matcher(sentence).region(at, sentence.length());
                name = comma.lookingAt() ? readName(sentence, comma.end()) : null;
                name = name != null && name.tokens.size() >= 2 ? name : null;
            }
            if (name != null) {
                found.add(mention(sentence, rank.start(), name, rank.value(), emptyToNull(title)));
            }
        }
        for (Phrases.Match<String> honorific : lexicon.titles.findAll(sentence)) {
            if (covered(found, honorific.start())) {
                continue;
            }
            // "His Majesty King Hamad": honorifics one after another make one title.
            String title = honorific.value();
            int at = honorific.end();
            for (Phrases.Match<String> next = lexicon.titles.startingAt(sentence,
                    skipSpaces(sentence, at)); next != null; next = lexicon.titles.startingAt(sentence,
                            skipSpaces(sentence, at))) {
                title = (title.isEmpty() ? "" : title + " ") + next.value();
                at = next.end();
            }
            Name name = readName(sentence, at);
            // "called on Dr Ng", "Mr. Heffern": a title and a surname alone, the short naming of one named in full.
            if (name != null) {
                found.add(mention(sentence, honorific.start(), name, null, emptyToNull(title.strip())));
            }
        }
        Matcher post = POST_BEFORE_NAME.matcher(sentence);
        while (post.find()) {
            int at = pastPostWords(sentence, post.end());
            if (covered(found, post.end()) || covered(found, at)) {
                continue;
            }
            Name name = readName(sentence, at);
            // "Minister Giang welcomed him": a post and a surname alone, the short naming of one named in full before.
            boolean surname = name != null && name.tokens.size() == 1
                    && post.group(1).equals(sentence.substring(post.start(1), at).strip());
            if (name != null && (name.tokens.size() >= 2 || surname) && !name.tokens.get(0).endsWith(".")) {
                Mention named = mention(sentence, at, name, null, null);
                if (named.position() == null) {
                    // "his Australian counterpart Richard Marles": a country's adjective before the post is part of it.
                    int from = post.start();
                    // So is a country's name: "Iraq's Defense Minister Erfan al-Hayali".
                    Matcher adjective = COUNTRY_BEFORE.matcher(sentence.substring(0, from));
                    if (adjective.find() && countryStart(adjective) >= 0) {
                        from = countryStart(adjective);
                    }
                    named = new Mention(named.start(), named.end(), named.nameStart(), named.tokens(), null, null,
                            sentence.substring(from, at).strip());
                }
                found.add(named);
            }
        }
        // "the Minister of Defence of Slovakia, Robert Kaliňák": a post, a comma, then a name of two words or more.
        for (int comma = sentence.indexOf(','); comma >= 0; comma = sentence.indexOf(',', comma + 1)) {
            int at = skipSpaces(sentence, comma + 1);
            if (covered(found, at)) {
                continue;
            }
            Name name = readName(sentence, at);
            if (name == null || name.tokens.size() < 2 || name.tokens.get(0).endsWith(".")) {
                continue;
            }
            String before = sentence.substring(Math.max(0, comma - 160), comma);
            int lastStop = Math.max(before.lastIndexOf(". "), before.lastIndexOf("; "));
            String clause = before.substring(lastStop + 1);
            // "his Vietnamese counterpart, Phan Van Giang": a counterpart stands for a post.
            if ((POST_HEAD.matcher(clause).find() || clause.stripTrailing().endsWith("counterpart"))
                    && endsClause(sentence, name.end)) {
                found.add(mention(sentence, at, name, null, null));
            }
        }
        // "Abdusalom Azizov, Minister of Defense of Uzbekistan, received ...": a name first, its post after it.
        Matcher lead = LEAD_NAME.matcher(sentence);
        while (lead.find()) {
            int at = lead.end();
            if (covered(found, at)) {
                continue;
            }
            Name name = readName(sentence, at);
            if (name != null && name.tokens.size() >= 2 && !name.tokens.get(0).endsWith(".")) {
                String after = postAfter(sentence, name.end);
                String rank = after == null ? rankAfter(sentence, name.end) : null;
                if (after != null || rank != null) {
                    found.add(new Mention(at, name.end, name.start, name.tokens, rank, null, after));
                }
            }
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return found;
    }

    private static final Pattern ANOTHER_POST = Pattern
            .compile("\\s+and\\s+(?:with\\s+(?:the\\s+)?|the\\s+)(?=(?:[\\p{Lu}][\\p{L}-]*\\s+){0,2}"
                    + "(?:" + POST_WORDS + ")\\b)");
    /** "Zhang Youxia, vice chairman of the Central Military Commission": a post written in lower case after a name. */
    private static final Pattern LOWER_POST = Pattern
            .compile("(?:(?:first\\s+)?(?:vice|deputy)\\s+)?(?:" + POST_WORDS.toLowerCase()
                    + ")\\s+(?:of|for)\\b");
    private static final Pattern COUNTRY_OWNS = Pattern.compile("(\\p{Lu}[\\p{L}-]+(?:\\s+\\p{Lu}[\\p{L}-]+)?)['’]s\\s+");
    private static final Pattern RETIRED_BEFORE = Pattern.compile("(?:retired|former)\\s+");
    private static final Pattern COUNTRY_WORD = Pattern
            .compile("(\\p{Lu}[\\p{L}.-]+(?:\\s+\\p{Lu}[\\p{L}-]+)?)\\s+(?=\\p{Lu})");
    private static final Pattern COUNTRY_BEFORE = Pattern.compile("(\\p{Lu}[\\p{L}-]+(?:\\s+\\p{Lu}[\\p{L}-]+)?)(?:['’]s)?\\s+"
            + "(?:(?:former|then|new|newly\\s+appointed|current|outgoing|incoming)\\s+)?$");
    private static final Pattern LEAD_NAME = Pattern.compile(
            "^\\s*(?:\\p{Lu}{2,}[\\p{L}\\d ,.'()-]{0,60}?\\s[-–—]\\s+)?|\\b(?:and|with|by|invitation\\s+of|received|welcomed|hosted|greeted"
                    + "|decorated|honou?red|invested|awarded|meet"
                    + "|met|includes|included|including|comprising|accompanied\\s+by|joined\\s+by)\\s+(?=\\p{Lu}\\p{Ll})");

    private record Name(int start, int end, List<String> tokens) {
    }

    /** Whether a word in capitals ending at {@code end} is followed by a given name: "ONIKI Makoto", not "NEW DELHI". */
    private boolean familyNameFirst(String s, int end) {
        Matcher given = GIVEN_NAME_AFTER.matcher(s).region(end, s.length());
        return given.lookingAt() && !lexicon.isNotName(given.group(1)) && lexicon.country(given.group(1)) == null;
    }

    /** Capitalised words (and initials, and particles between them) from {@code at}; null if none. */
    private Name readName(String s, int at) {
        int i = skipSpaces(s, at);
        if (i == at && at > 0 && !Character.isWhitespace(s.charAt(at - 1)) && s.charAt(at - 1) != '.') {
            return null;
        }
        int start = i;
        Phrases.Match<Lexicon.CountryWord> country = lexicon.countries.startingAt(s, start);
        if (country != null && country.value().form() != Lexicon.Form.CITY) {
            // "the Commander of the Papua New Guinea Defence Force": a country's name, not a person's (a city's may be:
            // General Milan Mojsilovic)
            return null;
        }
        List<String> tokens = new ArrayList<>();
        int end = i;
        while (i < s.length() && tokens.size() < 7) {
            int j = i;
            while (j < s.length()
                    && (Character.isLetter(s.charAt(j)) || Character.getType(s.charAt(j)) == Character.NON_SPACING_MARK
                            || s.charAt(j) == '\'' || s.charAt(j) == '’' || s.charAt(j) == '-')) {
                j++;
            }
            if (j == i) {
                break;
            }
            String word = s.substring(i, j);
            boolean initial = j < s.length() && s.charAt(j) == '.' && word.length() == 1
                    && Character.isUpperCase(word.charAt(0));
            if (initial) {
                tokens.add(word + ".");
                end = j + 1;
                i = j + 1;
                while (i < s.length() && s.charAt(i) == ' ') {
                    i++;
                }
                continue;
            }
            boolean capital = Character.isUpperCase(word.charAt(0));
            if (tokens.isEmpty() && FAMILY_NAME_IN_CAPITALS.matcher(word).matches() && familyNameFirst(s, j)) {
                // "Vice Admiral YUASA Hideki": the family name in capitals, first, as Japanese releases write it; initials
                // ("MM Naravane", "ABM Haque") have fewer vowels.
                word = word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT);
            } else if (capital && word.length() > 2 && word.equals(word.toUpperCase())) {
                break; // "NEW DELHI -": a dateline's place in capitals, never a name
            }
            if (capital && word.length() > 1 && word.equals(word.toUpperCase()) && tokens.size() >= 2
                    && !ROMAN.matcher(word).matches()) {
                break; // "Michael Noonan AO": letters after a name are no part of it
            }
            if (!capital && ARTICLE_JOINED.matcher(word).matches() && !tokens.isEmpty()) {
                capital = true; // "Erfan Mahmoud al-Hayali": the article joined to the family name is part of it
            } else if (!capital && PARTICLE.matcher(word).matches()) {
                // "von der Leyen", "bin Isa": particles, one or several, before a capitalised part of the name.
                List<String> particles = new ArrayList<>(List.of(word));
                int k = skipSpaces(s, j);
                while (k < s.length() && Character.isLowerCase(s.charAt(k))) {
                    int w = k;
                    while (w < s.length() && Character.isLetter(s.charAt(w))) {
                        w++;
                    }
                    if (!PARTICLE.matcher(s.substring(k, w)).matches()) {
                        break;
                    }
                    particles.add(s.substring(k, w));
                    k = skipSpaces(s, w);
                }
                if (k < s.length() && Character.isUpperCase(s.charAt(k))
                        && (tokens.size() + particles.size() > 1 || !tokens.isEmpty())) {
                    tokens.addAll(particles);
                    i = k;
                    continue;
                }
                break;
            }
            if (!capital || lexicon.isNotName(word) || lexicon.isNotName(word.replaceAll("['’]s$", ""))) {
                break;
            }
            tokens.add(word.replaceAll("['’]s$", ""));
            end = j;
            if (word.endsWith("'s") || word.endsWith("’s")) {
                break;
            }
            i = j;
            if (i < s.length() && s.charAt(i) == ' ') {
                i++;
            } else {
                break;
            }
        }
        while (!tokens.isEmpty() && PARTICLE.matcher(tokens.get(tokens.size() - 1)).matches()) {
            tokens.remove(tokens.size() - 1);
        }
        if (tokens.isEmpty() || tokens.stream().allMatch(t -> t.endsWith("."))) {
            return null;
        }
        // "Sri Lanka", "New Zealand": a country's name of several words is no person's.
        for (int from = 0; from < tokens.size(); from++) {
            for (int to = from + 2; to <= tokens.size(); to++) {
                if (lexicon.country(String.join(" ", tokens.subList(from, to))) != null) {
                    return null;
                }
            }
        }
        return new Name(start, end, tokens);
    }

    private Mention mention(String sentence, int start, Name name, String rank, String title) {
        String position = postBefore(sentence, start);
        if (position == null) {
            position = postAfter(sentence, name.end);
        }
        return new Mention(start, name.end, name.start, name.tokens, rank, title, position);
    }

    /** Where the country COUNTRY_BEFORE found begins ("Sri Lanka", or "Russian" in "The Russian"), or -1 if it names none. */
    private int countryStart(Matcher country) {
        if (lexicon.country(country.group(1)) != null) {
            return country.start(1);
        }
        int space = country.group(1).lastIndexOf(' ');
        return space > 0 && lexicon.country(country.group(1).substring(space + 1)) != null ? country.start(1) + space + 1 : -1;
    }

    /** "the First Deputy Minister of Defense, Chief of the General Staff, " before the rank: the post, commas kept. */
    private String postBefore(String sentence, int start) {
        String before = sentence.substring(0, start).stripTrailing();
        if (!before.endsWith(",") && !before.endsWith("–") && !before.endsWith("-")) {
            return null;
        }
        before = before.substring(0, before.length() - 1);
        String[] parts = before.split(",\\s*");
        String post = null;
        for (int i = parts.length - 1; i >= 0; i--) {
            // "Also at the meeting with the Air Force Commander were the Chief of Staff": the post after the verb.
            Matcher verb = VERB_BEFORE_POST.matcher(parts[i]);
            int clause = -1;
            while (verb.find()) {
                clause = verb.end();
            }
            if (clause >= 0) {
                parts[i] = parts[i].substring(clause);
            }
            Matcher head = POST_HEAD.matcher(parts[i]);
            if (!head.find()) {
                break;
            }
            int from = head.start();
            // Modifiers before the head word: "First Deputy", "Defence", "military".
            String prefix = parts[i].substring(0, from);
            Matcher modifiers = POST_MODIFIERS.matcher(prefix);
            if (modifiers.find()) {
                from = modifiers.start();
            }
            // "Lithuania's Minister of National Defence", "the Estonian Minister": the country the post is of.
            Matcher country = COUNTRY_BEFORE.matcher(parts[i].substring(0, from));
            int named = country.find() ? countryStart(country) : -1;
            if (named >= 0) {
                from = named;
            }
            String piece = parts[i].substring(from);
            // "talks with President Filipe Nyusi and with the Minister of National Defence": the last official listed.
            Matcher also = ANOTHER_POST.matcher(piece);
            int last = -1;
            while (also.find()) {
                last = also.end();
            }
            if (last > 0) {
                piece = piece.substring(last);
            }
            post = post == null ? piece : piece + ", " + post;
            if (named >= 0 || clause >= 0 || from > 0 && !parts[i].substring(0, from).isBlank()) {
                break; // "Italy's Minister of Defence": the post begins with its country
            }
        }
        return post == null ? null : post.strip();
    }

    /** ", military attaché of the Armed Forces of Azerbaijan in Kazakhstan" after the name. */
    private String postAfter(String sentence, int end) {
        String after = sentence.substring(end);
        Matcher comma = APPOSITION.matcher(after);
        if (!comma.find()) {
            return null;
        }
        String rest = after.substring(comma.end());
        // "Nosiviwe Mapisa-Nqakula, South Africa's Minister of Defence": a post may begin with its country.
        Matcher country = COUNTRY_OWNS.matcher(rest);
        int from = country.lookingAt() && lexicon.country(country.group(1)) != null ? country.end() : 0;
        // "Mohammed Al Bowardi, the UAE Minister of State": or with its country's name or adjective before the post.
        Matcher word = COUNTRY_WORD.matcher(rest);
        if (from == 0 && word.lookingAt() && lexicon.country(word.group(1)) != null) {
            from = word.end();
        }
        if (!POST_HEAD.matcher(rest).region(from, rest.length()).lookingAt() && !POST_START.matcher(rest.substring(from)).find()
                && !LOWER_POST.matcher(rest).region(from, rest.length()).lookingAt()) {
            return null;
        }
        Matcher stop = POST_AFTER_END.matcher(rest);
        int to = stop.find() ? stop.start() : rest.length();
        String post = rest.substring(0, to).strip().replaceAll("[,–-]+$", "").strip();
        // "Prime Minister KP Sharma Oli, Defence Minister Manbir Rai and others": the next person, not this one's post.
        Matcher next = POST_BEFORE_NAME.matcher(post);
        while (next.find()) {
            Name named = readName(post, pastPostWords(post, next.end()));
            if (named != null && named.tokens.size() >= 2) {
                return null;
            }
        }
        return post.isEmpty() ? null : post;
    }

    /** "Lee Seo-young, a retired Major General of the Army": the rank written after the name, or null. */
    private String rankAfter(String sentence, int end) {
        Matcher comma = APPOSITION.matcher(sentence.substring(end));
        if (!comma.find()) {
            return null;
        }
        Matcher retired = RETIRED_BEFORE.matcher(sentence).region(end + comma.end(), sentence.length());
        int at = retired.lookingAt() ? retired.end() : end + comma.end();
        Phrases.Match<String> rank = lexicon.ranks.startingAt(sentence, at);
        return rank == null ? null : rank.value();
    }

    /** Past the rest of a post's words ("of Defence of the Slovak Republic"), to where the name begins. */
    private int pastPostWords(String s, int at) {
        int i = at;
        while (true) {
            int j = i;
            while (j < s.length() && (Character.isLetter(s.charAt(j)) || s.charAt(j) == '-')) {
                j++;
            }
            String word = s.substring(i, j);
            boolean postWord = word.equals("of") || word.equals("the") || word.equals("and") || word.equals("for")
                    || !word.isEmpty() && Character.isUpperCase(word.charAt(0)) && lexicon.isNotName(word);
            if (j == i || !postWord || j >= s.length() || s.charAt(j) != ' ') {
                return i;
            }
            i = j + 1;
        }
    }

    private static boolean endsClause(String s, int end) {
        if (end >= s.length()) {
            return true;
        }
        char c = s.charAt(end);
        if (c == ',' || c == '.' || c == ';' || c == ':' || c == '(' || c == ')') {
            return true;
        }
        int k = skipSpaces(s, end);
        return k < s.length() && Character.isLowerCase(s.charAt(k));
    }

    private static boolean covered(List<Mention> found, int position) {
        return found.stream().anyMatch(m -> position >= m.start() && position < m.end());
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\u00a0')) {
            i++;
        }
        return i;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** A name as compared across releases: no accents, case, dots or spacing ("Kaliňák" = "Kalinak"). */
    /** Whether a phrase names an official by post alone: "the Commander of the Zambia Army", "Zambia's Minister of Defence". */
    static boolean isPost(String phrase) {
        return POST_ONLY.matcher(phrase.strip()).matches();
    }

    static String key(String name) {
        return PersonNames.key(name);
    }
}
