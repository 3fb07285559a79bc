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

    // The words the raw line is looked at for, each as its lower-case letters packed one byte each.
    private static final int TIMES = packed("imes");
    private static final int DAY = packed("day");
    private static final int HOUR = packed("hour");
    private static final int HR = packed("hr");
    private static final int MIN = packed("min");
    private static final int DATE = packed("date");
    /** The characters stripping drops wherever they stand: emphasis, code marks, backslashes. */
    private static final boolean[] DROPPED = new boolean[256];
    /** The last letters of the words above. */
    private static final boolean[] ENDS_WORD = new boolean[256];

    static {
        for (char sign : "*_~`\\".toCharArray()) {
            DROPPED[sign] = true;
        }
        for (char letter : "syrne".toCharArray()) {
            ENDS_WORD[letter] = true;
        }
    }

    // What the raw line may hold, found when first asked (see has).
    private static final int SCANNED = 1;
    private static final int SEPARATOR = 2;
    private static final int TIMES_WORD = 4;
    private static final int UNIT_WORD = 8;
    private static final int DATE_WORD = 16;
    private static final int DIGIT = 32;
    private static final int WORDS_LOOKED = 64;
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
     * What the raw line may hold: a digit, a separator and the words asked for. The signs are found by
     * {@link String#indexOf}, which the JVM runs on many characters at once; the words, by one pass over
     * the line's characters, only when first asked: most lines that come here have a digit, which is
     * all a line needs to be read.
     */
    private boolean has(int sign) {
        if (holds == 0) {
            holds = signs();
        }
        if ((sign & WORDS) != 0 && (holds & WORDS_LOOKED) == 0) {
            holds |= words() | WORDS_LOOKED;
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
            found |= WORDS | WORDS_LOOKED;
        }
        if (Markup.hasDigit(raw)) {
            found |= DIGIT;
        }
        return found;
    }

    /**
     * The window words in the raw line, in any ASCII case, the characters stripping drops between their
     * letters skipped. The last four characters are kept, lower-cased, one byte each, and compared with
     * the words only after a letter that ends one.
     */
    private int words() {
        int found = 0;
        int recent = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < DROPPED.length && DROPPED[c]) {
                continue;
            }
            // a character beyond Latin-1 counts as '?', like it no letter of these words; setting bit
            // 0x20 turns an ASCII capital into its small letter, and no other character lands on one
            int small = c > 0xFF ? '?' : c | 0x20;
            recent = recent << 8 | small;
            if (!ENDS_WORD[small]) {
                continue;
            }
            if (recent == TIMES) {
                found |= TIMES_WORD;
            } else if ((recent & 0xFFFFFF) == DAY || recent == HOUR || (recent & 0xFFFF) == HR
                    || (recent & 0xFFFFFF) == MIN) {
                found |= UNIT_WORD;
            } else if (recent == DATE) {
                found |= DATE_WORD;
            }
        }
        return found;
    }

    private static int packed(String word) {
        int packed = 0;
        for (int i = 0; i < word.length(); i++) {
            packed = packed << 8 | word.charAt(i);
        }
        return packed;
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
