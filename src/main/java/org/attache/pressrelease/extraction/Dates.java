package org.attache.pressrelease.extraction;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as releases write them: "25 April 2024", "April 25", "25.04.2024", "from 3 to 5 June", "today", "on Friday".
 * Relative ones and those without a year are resolved against the publication day; without one they stay unresolved
 * (the caller warns), since a year is never guessed.
 */
final class Dates {

    /** A date expression found in a sentence: its span, the day (null when unresolvable), and a span's last day. */
    record Found(int start, int end, LocalDate day, LocalDate lastDay, boolean yearGiven, boolean relative) {
    }

    /** A month's name or abbreviation, as a regular expression; the one list the extraction has. */
    /** A weekday's name, as a regular expression. */
    static final String WEEKDAY = "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
    static final String MONTH = "(January|February|March|April|May|June|July|August|September|October|November"
            + "|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?";
    private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
    private static final String YEAR = "(?:,?\\s+((?:19|20)\\d\\d))?";
    private static final Pattern DAY_MONTH = Pattern
            .compile("\\b" + DAY + "(?:\\s*(?:-|–|to|and)\\s*" + DAY + ")?\\s+(?:of\\s+)?"
                    + MONTH + YEAR + "\\b");
    private static final Pattern MONTH_DAY = Pattern.compile("\\b" + MONTH + "\\s+" + DAY + "(?:\\s*(?:-|–|to|and)\\s*" + DAY
            + ")?" + YEAR + "\\b");
    private static final Pattern FROM_TO = Pattern
            .compile("\\bfrom\\s+" + DAY + "\\s+(?:" + MONTH + "\\s+)?(?:to|until|till)\\s+"
                    + DAY + "\\s+" + MONTH + YEAR + "\\b");
    private static final Pattern NUMERIC = Pattern
            .compile("\\b(\\d{1,2})[./](\\d{1,2})[./]((?:19|20)\\d\\d)\\b|\\b((?:19|20)\\d\\d)-(\\d\\d)-(\\d\\d)\\b");
    // "Where cooperation stands today", "as it exists today": nowadays, not the day of an event.
    private static final Pattern RELATIVE = Pattern.compile(
            "\\b(today(?<!\\bstands\\stoday)(?<!\\bexists\\stoday)(?<!\\bis\\stoday)|yesterday|tomorrow|this\\s+morning|this\\s+afternoon"
                    + "|this\\s+evening|tonight|(?:on\\s+|last\\s+|next\\s+|this\\s+|on\\s+the\\s+)?" + WEEKDAY
                    + ")\\b(?:,?\\s+(?:the\\s+)?\\d{1,2})?",
            Pattern.CASE_INSENSITIVE);

    private Dates() {
    }

    /** Every date in the sentence, in order. {@code future}: the sentence speaks of what will happen. */
    static List<Found> in(String sentence, LocalDate anchor, boolean future) {
        List<Found> found = new ArrayList<>();
        Matcher m = FROM_TO.matcher(sentence);
        while (m.find()) {
            String startMonth = m.group(2) != null ? m.group(2) : m.group(4);
            found.add(absolute(m.start(), m.end(), m.group(1), startMonth, m.group(5), anchor, m.group(3), m.group(4), future));
        }
        m = DAY_MONTH.matcher(sentence);
        while (m.find()) {
            if (!overlaps(found, m.start(), m.end())) {
                found.add(absolute(m.start(), m.end(), m.group(1), m.group(3), m.group(4), anchor, m.group(2), m.group(3),
                        future));
            }
        }
        m = MONTH_DAY.matcher(sentence);
        while (m.find()) {
            if (!overlaps(found, m.start(), m.end())) {
                found.add(absolute(m.start(), m.end(), m.group(2), m.group(1), m.group(4), anchor, m.group(3), m.group(1),
                        future));
            }
        }
        m = NUMERIC.matcher(sentence);
        while (m.find()) {
            if (!overlaps(found, m.start(), m.end())) {
                try {
                    LocalDate day = m.group(1) != null
                            ? LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                                    Integer.parseInt(m.group(1)))
                            : LocalDate.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                                    Integer.parseInt(m.group(6)));
                    found.add(new Found(m.start(), m.end(), day, null, true, false));
                } catch (DateTimeException notADay) {
                    // 31.02.2024 and the like are not dates
                }
            }
        }
        Matcher r = RELATIVE.matcher(sentence);
        while (r.find()) {
            int end = r.end();
            if (overlaps(found, r.start(), end)) {
                continue;
            }
            // "Tuesday, 19 July": the weekday names the absolute date that follows, already found.
            if (r.group(2) != null && found.stream().anyMatch(f -> f.start() >= end && f.start() - end <= 3)) {
                continue;
            }
            LocalDate day = relative(r.group(1).toLowerCase(Locale.ROOT), anchor, future);
            found.add(new Found(r.start(), end,
                    day == null ? null : safe(day.getYear(), day.getMonthValue(), day.getDayOfMonth()),
                    null, false, true));
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return found;
    }

    private static Found absolute(int start, int end, String day, String month, String year, LocalDate anchor, String otherDay,
            String otherMonth, boolean future) {
        int monthNumber = month(month);
        Integer givenYear = year == null ? null : Integer.parseInt(year);
        Integer resolvedYear = givenYear;
        if (resolvedYear == null && anchor != null) {
            resolvedYear = anchor.getYear();
            LocalDate candidate = safe(resolvedYear, monthNumber, Integer.parseInt(day));
            // A past event written without a year, months after the release: it was last year (December, read in January).
            if (candidate != null && !future && candidate.isAfter(anchor.plusDays(31))) {
                resolvedYear--;
            } else if (candidate != null && future && candidate.isBefore(anchor.minusDays(31))) {
                resolvedYear++;
            }
        }
        LocalDate first = resolvedYear == null ? null : safe(resolvedYear, monthNumber, Integer.parseInt(day));
        LocalDate last = null;
        if (otherDay != null && resolvedYear != null) {
            last = safe(resolvedYear, month(otherMonth), Integer.parseInt(otherDay));
            if (last != null && first != null && last.isBefore(first)) {
                // "on 3-5 June": both days of June; "from 30 May to 2 June" crosses a month, never backwards
                last = null;
            }
        }
        return new Found(start, end, first, last, givenYear != null, false);
    }

    private static LocalDate relative(String word, LocalDate anchor, boolean future) {
        if (anchor == null) {
            return null;
        }
        String w = word.replaceAll("\\s+", " ");
        if (w.startsWith("today")
                || w.startsWith("this ") && !w.matches("this (monday|tuesday|wednesday|thursday|friday|saturday|sunday)")
                || w.equals("tonight")) {
            return anchor;
        }
        if (w.equals("yesterday")) {
            return anchor.minusDays(1);
        }
        if (w.equals("tomorrow")) {
            return anchor.plusDays(1);
        }
        String dayName = w.replaceAll("^(on the |on |last |next |this )", "");
        DayOfWeek dow = DayOfWeek.valueOf(dayName.toUpperCase(Locale.ROOT));
        if (w.startsWith("next ") || future) {
            return anchor.with(TemporalAdjusters.nextOrSame(dow));
        }
        if (w.startsWith("last ")) {
            return anchor.with(TemporalAdjusters.previous(dow));
        }
        return anchor.with(TemporalAdjusters.previousOrSame(dow));
    }

    private static boolean overlaps(List<Found> found, int start, int end) {
        return found.stream().anyMatch(f -> start < f.end() && f.start() < end);
    }

    /** A day Attaché stores (1900-01-01 to 2100-12-31, as every date field): others are no date it can record. */
    private static LocalDate safe(int year, int month, int day) {
        if (year < 1900 || year > 2100) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int month(String name) {
        String m = name.toLowerCase(Locale.ROOT).replace(".", "");
        return switch (m.substring(0, 3)) {
            case "jan" -> 1;
            case "feb" -> 2;
            case "mar" -> 3;
            case "apr" -> 4;
            case "may" -> 5;
            case "jun" -> 6;
            case "jul" -> 7;
            case "aug" -> 8;
            case "sep" -> 9;
            case "oct" -> 10;
            case "nov" -> 11;
            default -> 12;
        };
    }
}
