package dev.closeout.postmortem.extraction;

import io.micronaut.core.annotation.Nullable;

import java.util.regex.Pattern;

/**
 * One logical line the window finder reads: a document line, or a part of one between {@code <br>}s.
 * Its plain text (markup removed) and its field are worked out on first use, once: most lines of a
 * postmortem state no time, and {@link #hasDigit()} and the words the finder asks for let it pass them by
 * without the stripping, which was most of the finder's time.
 */
final class WindowLine {

    private static final Pattern HEADING_HASHES = Pattern.compile("^#{1,6}\\s*");
    private static final Pattern LOOSE_UNDERSCORES = Pattern.compile("(?<![\\w])_{1,2}|_{1,2}(?![\\w])");
    /** Indent, bullet, a label of up to 51 characters and spacing: where a field's separator can stand. */
    private static final int FIELD_SEPARATOR_REACH = 70;

    // The words the raw line is looked at for, each as its lower-case letters packed one byte each.
    private static final int DAY = packed("day");
    private static final int HOUR = packed("hour");
    private static final int HR = packed("hr");
    private static final int MIN = packed("min");
    private static final int DATE = packed("date");
    /** The characters stripping drops wherever they stand: emphasis, code marks, backslashes. */
    private static final boolean[] DROPPED = new boolean[256];
    /** The last letters of the words above. */
    private static final boolean[] ENDS_WORD = new boolean[256];

    // What the raw line may hold, each found when first asked (see has).
    private static final int SCANNED = 1;
    private static final int SEPARATOR = 2;
    private static final int DIGIT = 4;
    /** A link's or a tag's markup, which takes whole stretches of text: the line may hold any word. */
    private static final int MARKUP = 8;
    private static final int TIMES_WORD = 16;
    private static final int UNIT_WORD = 32;
    private static final int DATE_WORD = 64;
    private static final int TIMES_LOOKED = 128;
    private static final int WORDS_LOOKED = 256;
    /** The signs of the ASCII characters, all found in one pass over the line. */
    private static final byte[] SIGNS = new byte[128];

    static {
        for (char sign : "*_~`\\".toCharArray()) {
            DROPPED[sign] = true;
        }
        for (char letter : "yrne".toCharArray()) {
            ENDS_WORD[letter] = true;
        }
        for (char digit = '0'; digit <= '9'; digit++) {
            SIGNS[digit] = DIGIT;
        }
        SIGNS[':'] = SEPARATOR;
        SIGNS['-'] = SEPARATOR;
        SIGNS['['] = MARKUP;
        SIGNS['<'] = MARKUP;
    }

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
     * What the raw line may hold: a digit, a separator, link or tag markup, and the words asked for. The
     * signs take one pass over the line; each word is looked for only when first asked, as most lines
     * are read or passed over on their digits alone. A word is looked for in any ASCII case ("imes"
     * stands for "imes" and "IMES"), which may keep a few more lines but never drops one.
     */
    private boolean has(int sign) {
        if (holds == 0) {
            holds = signs();
        }
        if (sign == TIMES_WORD && (holds & (TIMES_LOOKED | MARKUP)) == 0) {
            holds |= TIMES_LOOKED | (holdsTimes() ? TIMES_WORD : 0);
        } else if ((sign & (UNIT_WORD | DATE_WORD)) != 0 && (holds & (WORDS_LOOKED | MARKUP)) == 0) {
            holds |= WORDS_LOOKED | words();
        }
        return (holds & sign) != 0 || (sign & (TIMES_WORD | UNIT_WORD | DATE_WORD)) != 0 && (holds & MARKUP) != 0;
    }

    private int signs() {
        int found = SCANNED;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            found |= c < SIGNS.length ? SIGNS[c] : c == '–' ? SEPARATOR : 0;
        }
        return found;
    }

    /** Whether the line holds "imes", found from its m, the rarest of its letters. */
    private boolean holdsTimes() {
        for (int at = 1; at + 2 < raw.length(); at++) {
            // setting bit 0x20 turns an ASCII capital into its small letter; no other character lands on one
            if ((raw.charAt(at) | 0x20) == 'm' && lettersAround(at)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the m at {@code at} has an i before it and "es" after it, dropped characters skipped. */
    private boolean lettersAround(int at) {
        int before = at - 1;
        while (before >= 0 && isDropped(raw.charAt(before))) {
            before--;
        }
        if (before < 0 || (raw.charAt(before) | 0x20) != 'i') {
            return false;
        }
        int e = nextKept(at + 1);
        if (e >= raw.length() || (raw.charAt(e) | 0x20) != 'e') {
            return false;
        }
        int s = nextKept(e + 1);
        return s < raw.length() && (raw.charAt(s) | 0x20) == 's';
    }

    /** The first place from {@code from} holding a character stripping keeps, or the line's length. */
    private int nextKept(int from) {
        int at = from;
        while (at < raw.length() && isDropped(raw.charAt(at))) {
            at++;
        }
        return at;
    }

    private static boolean isDropped(char c) {
        return c < DROPPED.length && DROPPED[c];
    }

    /**
     * The unit and date words in the raw line, dropped characters between their letters skipped. The
     * last four characters are kept, lower-cased, one byte each, and compared with the words only after
     * a letter that ends one.
     */
    private int words() {
        int found = 0;
        int recent = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (isDropped(c)) {
                continue;
            }
            // a character beyond Latin-1 counts as '?', like it no letter of these words
            int small = c > 0xFF ? '?' : c | 0x20;
            recent = recent << 8 | small;
            if (!ENDS_WORD[small]) {
                continue;
            }
            if ((recent & 0xFFFFFF) == DAY || recent == HOUR || (recent & 0xFFFF) == HR
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

    // What the line may hold, decided on the raw line, without stripping it. Stripping only removes
    // characters (and turns white space and table bars into spaces), so the plain text's digits and
    // separators are the raw line's, and two letters adjacent in the plain text were adjacent in the raw
    // line or had only removed characters between them: emphasis, code marks and backslashes, skipped in
    // the raw line as stripping drops them, or a link's or a tag's markup.

    /** Whether the line has a digit: every date and time of day has one. */
    boolean hasDigit() {
        return has(DIGIT);
    }

    /** Whether the line may hold the "times" of an "All times in ..." note. */
    boolean mayNoteZone() {
        return has(TIMES_WORD);
    }

    /** Whether the line may be a field stating an amount of time in words ("Duration: two hours"). */
    boolean mayStateDuration() {
        return has(SEPARATOR) && has(UNIT_WORD);
    }

    /** Whether the line may be a field labelled with a date (every date label ends with "date"). */
    boolean mayLabelDate() {
        return has(SEPARATOR) && has(DATE_WORD);
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
