package org.attache.pressrelease.extraction;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Paragraphs and sentences with their offsets in the text. The JDK's sentence BreakIterator does the splitting; a break
 * right after an abbreviation the releases use before names ("Col.", "Lt. Gen.", "Z.", "No.") is undone, as no
 * sentence of this genre ends on one.
 */
final class Sentences {

    record Sentence(int paragraph, int start, int end, String text) {
    }

    private static final Pattern PARAGRAPH = Pattern.compile("\\n\\s*\\n|\\r\\n\\s*\\r\\n");
    /**
     * The word before a break that makes it no break: a rank or title abbreviation ("Lt.-Col." too, "(Prof.)" too), an
     * initial ("J.J." too), "No.".
     */
    private static final Pattern ABBREVIATION = Pattern.compile(
            "(?:^|[\\s(]|(?<=\\.)-|(?<=\\b\\p{Lu}\\.))(?:\\p{Lu}|No|Nos|St|Mt|Ft|Jr|Sr|Mr|Mrs|Ms|Dr|Prof|Acad|Gen|Lt|Col|Maj|Brig|Capt|Cdr|Cmdr|Adm|Sgt"
                    + "|Cpl|Pvt|Gov|Sen|Rep|Hon|Rev|Assoc|Asst|Eng|Engr|R|Retd|U\\.S|U\\.K|H\\.E|H\\.H|H\\.M|H\\.R\\.H"
                    + "|Inc|Ltd|Co|Corp|vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.\\)?\\s*$");

    private Sentences() {
    }

    static List<Sentence> of(String text) {
        List<Sentence> sentences = new ArrayList<>();
        int paragraph = 0;
        int from = 0;
        Matcher breaks = PARAGRAPH.matcher(text);
        while (true) {
            boolean more = breaks.find();
            int to = more ? breaks.start() : text.length();
            split(text, from, to, paragraph, sentences);
            if (!more) {
                break;
            }
            from = breaks.end();
            paragraph++;
        }
        return sentences;
    }

    private static void split(String text, int from, int to, int paragraph, List<Sentence> into) {
        String block = text.substring(from, to);
        BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        iterator.setText(block);
        int start = iterator.first();
        int pending = -1;
        for (int end = iterator.next(); end != BreakIterator.DONE; end = iterator.next()) {
            int begin = pending >= 0 ? pending : start;
            String piece = block.substring(begin, end);
            if (end < block.length() && ABBREVIATION.matcher(piece).find()) {
                pending = begin;
            } else {
                add(text, from + begin, from + end, paragraph, into);
                pending = -1;
            }
            start = end;
        }
        if (pending >= 0) {
            add(text, from + pending, to, paragraph, into);
        }
    }

    private static void add(String text, int start, int end, int paragraph, List<Sentence> into) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            into.add(new Sentence(paragraph, start, end, text.substring(start, end)));
        }
    }
}
