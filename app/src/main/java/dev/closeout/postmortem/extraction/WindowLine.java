package dev.closeout.postmortem.extraction;

import io.micronaut.core.annotation.Nullable;

import java.util.regex.Pattern;

/**
 * One logical line the window finder reads: a document line, or a part of one between {@code <br>}s.
 * Its plain text (markup removed) and its field are worked out on first use, once: most lines of a
 * postmortem state no time, and {@link #mayStateWindow()} lets the finder pass them by without the
 * stripping, which was most of the finder's time.
 */
final class WindowLine {

    private static final Pattern HEADING_HASHES = Pattern.compile("^#{1,6}\\s*");
    private static final Pattern LOOSE_UNDERSCORES = Pattern.compile("(?<![\\w])_{1,2}|_{1,2}(?![\\w])");
    /** Indent, bullet, a label of up to 51 characters and spacing: where a field's separator can stand. */
    private static final int FIELD_SEPARATOR_REACH = 70;

    /** The characters stripping drops wherever they stand: emphasis, code marks, backslashes. */
    private static final boolean[] DROPPED = new boolean[256];

    static {
        for (char sign : "*_~`\\".toCharArray()) {
            DROPPED[sign] = true;
        }
    }

    // What the raw line may hold (see has); a word's bit shifted by 8 records that it was looked for.
    private static final int SCANNED = 1;
    private static final int SEPARATOR = 2;
    private static final int TIMES_WORD = 4;
    private static final int UNIT_WORD = 8;
    private static final int DATE_WORD = 16;
    private static final int DIGIT = 32;
    private static final int WORDS = TIMES_WORD | UNIT_WORD | DATE_WORD;

    /** A "Label: value" line, the label trimmed. */
    record Field(String label, String value) {
    }

    private final String raw;
    private final boolean inTimeline;
    private final boolean listOrRow;
    private final boolean inCode;
    private int holds;
    private @Nullable String text;
    private @Nullable Field field;
    private boolean fieldRead;

    WindowLine(String raw, boolean inTimeline, boolean inCode) {
        this.raw = raw;
        this.inTimeline = inTimeline;
        this.inCode = inCode;
        // only timeline lines ask
        this.listOrRow = inTimeline && (raw.trim().startsWith("|") || Markup.isListItem(raw));
    }

    /**
     * What the raw line may hold: a digit, a separator and the words asked for, each found when first
     * asked. The signs are found by {@link String#indexOf}, which the JVM runs on many characters at once;
     * a word from the places {@code indexOf} finds its rarest letter at, so most lines are passed over
     * without a step per character. Most lines that come here have a digit and are not asked for words.
     */
    private boolean has(int sign) {
        if (holds == 0) {
            holds = signs();
        }
        if ((holds & sign) == 0 && (sign & WORDS) != 0 && (holds & looked(sign)) == 0) {
            holds |= looked(sign) | word(sign);
        }
        return (holds & sign) != 0;
    }

    private int signs() {
        int found = SCANNED;
        if (raw.indexOf(':') >= 0 || raw.indexOf('-') >= 0 || raw.indexOf('–') >= 0) {
            found |= SEPARATOR;
        }
        // a link's or a tag's markup takes whole stretches of text, so its line may hold any word
        if (raw.indexOf('[') >= 0 || raw.indexOf('<') >= 0) {
            found |= WORDS;
        }
        if (Markup.hasDigit(raw)) {
            found |= DIGIT;
        }
        return found;
    }

    /** The bit that records that {@code word} was looked for. */
    private static int looked(int word) {
        return word << 8;
    }

    private int word(int word) {
        boolean found = switch (word) {
            case TIMES_WORD -> holdsWord("imes", 1);
            case UNIT_WORD -> holdsWord("day", 2) || holdsWord("hour", 2) || holdsWord("hr", 0)
                    || holdsWord("min", 0);
            default -> holdsWord("date", 0);
        };
        return found ? word : 0;
    }

    /**
     * Whether the raw line holds {@code word} (lower-case ASCII) in any ASCII case, the characters stripping
     * drops between its letters skipped: tried where its letter {@code anchor} stands, in either case.
     */
    private boolean holdsWord(String word, int anchor) {
        char small = word.charAt(anchor);
        return holdsWordAt(word, anchor, small) || holdsWordAt(word, anchor, (char) (small & ~0x20));
    }

    private boolean holdsWordAt(String word, int anchor, char letter) {
        for (int at = raw.indexOf(letter); at >= 0; at = raw.indexOf(letter, at + 1)) {
            if (lettersBefore(word, anchor, at) && lettersAfter(word, anchor, at)) {
                return true;
            }
        }
        return false;
    }

    private boolean lettersBefore(String word, int anchor, int at) {
        int i = at - 1;
        for (int k = anchor - 1; k >= 0; k--) {
            while (i >= 0 && isDropped(raw.charAt(i))) {
                i--;
            }
            // setting bit 0x20 turns an ASCII capital into its small letter; no other character lands on one
            if (i < 0 || (raw.charAt(i) | 0x20) != word.charAt(k)) {
                return false;
            }
            i--;
        }
        return true;
    }

    private boolean lettersAfter(String word, int anchor, int at) {
        int i = at + 1;
        for (int k = anchor + 1; k < word.length(); k++) {
            while (i < raw.length() && isDropped(raw.charAt(i))) {
                i++;
            }
            if (i >= raw.length() || (raw.charAt(i) | 0x20) != word.charAt(k)) {
                return false;
            }
            i++;
        }
        return true;
    }

    private static boolean isDropped(char c) {
        return c < DROPPED.length && DROPPED[c];
    }

    String raw() {
        return raw;
    }

    boolean inTimeline() {
        return inTimeline;
    }

    /** Whether the line is inside a fenced code sample. */
    boolean inCode() {
        return inCode;
    }

    boolean listOrRow() {
        return listOrRow;
    }

    /** The line as a reader sees it: no list marker, table bars, heading hashes or emphasis. */
    String text() {
        if (text == null) {
            String plain = Markup.strip(Markup.withoutListMarker(raw.trim().replace('|', ' ')));
            if (plain.startsWith("#")) {
                plain = HEADING_HASHES.matcher(plain).replaceFirst("");
            }
            if (plain.indexOf('_') >= 0 || plain.contains("**")) {
                plain = LOOSE_UNDERSCORES.matcher(plain.replace("**", "")).replaceAll("");
            }
            text = plain;
        }
        return text;
    }

    @Nullable Field field() {
        if (!fieldRead) {
            String plain = text();
            String[] split = mayBeField(plain) ? FieldLine.split(plain) : null;
            field = split == null ? null : new Field(split[0].trim(), split[1]);
            fieldRead = true;
        }
        return field;
    }

    /**
     * Whether the plain text may hold what the finder reads outside the timeline: a digit (every date
     * and time has one), the "times" of an "All times in ..." note, or, in a field, an amount in words
     * ("Duration: two hours").
     *
     * <p>Decided on the raw line, without stripping it. Stripping only removes characters (and turns
     * white space and table bars into spaces), so the plain text's digits and separators are the raw
     * line's, and two letters adjacent in the plain text were adjacent in the raw line or had only
     * removed characters between them: emphasis, code marks and backslashes, skipped in the raw line
     * as stripping drops them, or a link's or a tag's markup. A word is looked for in any ASCII case
     * ("imes" stands for "imes" and "IMES"), which may keep a few more lines but never drops one.
     */
    boolean mayStateWindow() {
        return has(DIGIT) || has(TIMES_WORD) || has(SEPARATOR) && has(UNIT_WORD);
    }

    /**
     * Whether the line may hold what the defaults read once a zone and a date are known: an "All times
     * in ..." note or a field labelled with a date (every date label ends with "date").
     */
    boolean mayNoteZoneOrLabelDate() {
        return has(TIMES_WORD) || has(SEPARATOR) && has(DATE_WORD);
    }


    /** A "Label: value" or "Label - value" line has its separator within the first few dozen characters. */
    private static boolean mayBeField(String text) {
        int reach = Math.min(text.length(), FIELD_SEPARATOR_REACH);
        for (int i = 0; i < reach; i++) {
            char c = text.charAt(i);
            if (c == ':' || (c == '-' || c == '–') && i > 0 && text.charAt(i - 1) == ' ') {
                return true;
            }
        }
        return false;
    }
}
