package dev.closeout.postmortem.extraction;

import io.micronaut.core.annotation.Nullable;

import java.nio.charset.StandardCharsets;

/**
 * Tells a postmortem from what is not one before anything is imported: every import (the API, the batch, the web
 * page, {@code closeout import}) reads its document through here and refuses what this refuses.
 *
 * <p>A document is <b>not text</b> when, decoded as {@link TextDecoding} decodes it, it
 * <ul>
 *   <li>holds a NUL character (no text format has one; nearly every binary format does), or</li>
 *   <li>has more than one character in {@value #ODD_CHARACTERS_PER} that text does not hold: control characters
 *       other than tab, line feed, vertical tab, form feed and escape (which pasted terminal logs keep), U+FFFD
 *       where bytes could not be decoded, private-use and unassigned code points, lone surrogates. Random bytes
 *       read as UTF-8, Windows-1252 or UTF-16 give one in eight or more; a real postmortem a handful at most, or</li>
 *   <li>starts with a UTF-16 byte-order mark and has an odd number of bytes after it, or no space, tab or line
 *       break at all: bytes that only happen to start with FF FE, which otherwise read as a line of CJK
 *       characters ("戀湩").</li>
 * </ul>
 * It is <b>empty</b> when nothing but whitespace is left. What is not text is named by its magic number
 * ({@link MagicNumbers}).
 */
public final class TextContent {

    /** At most one odd character in this many is still text. */
    static final int ODD_CHARACTERS_PER = 50;

    private TextContent() {
    }

    /**
     * The text of a document's bytes, decoded as {@link TextDecoding#decode} decodes them.
     *
     * @throws UnreadableDocumentException when the bytes are not text or hold no text
     */
    public static String read(byte[] bytes) throws UnreadableDocumentException {
        String text = TextDecoding.decode(bytes);
        if (!looksLikeText(text) || !plausibleUtf16(bytes, text)) {
            throw UnreadableDocumentException.notText(MagicNumbers.typeOf(bytes));
        }
        if (text.isBlank()) {
            throw UnreadableDocumentException.empty();
        }
        return text;
    }

    /**
     * {@code text} itself, when it was decoded elsewhere (an HTTP body, a JSON string) and is a document to read.
     * A binary file sent as text has lost the bytes that were not UTF-8 to U+FFFD, so its type is named only when
     * its signature is ASCII (PDF, GIF, ZIP, ELF, ...).
     *
     * @throws UnreadableDocumentException when it is not text or is empty
     */
    public static String check(@Nullable String text) throws UnreadableDocumentException {
        if (text == null || text.isBlank()) {
            throw UnreadableDocumentException.empty();
        }
        if (!looksLikeText(text)) {
            throw UnreadableDocumentException.notText(MagicNumbers.typeOf(text.getBytes(StandardCharsets.UTF_8)));
        }
        return text;
    }

    static boolean looksLikeText(String text) {
        long odd = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return false;
            }
            if (c < 0x20) {
                odd += c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f' || c == 0x1B ? 0 : 1;
            } else if (c >= 0x7F) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    odd += oddCodePoint(Character.toCodePoint(c, text.charAt(++i))) ? 1 : 0;
                } else {
                    odd += oddCodePoint(c) ? 1 : 0;
                }
            }
        }
        return odd * ODD_CHARACTERS_PER <= length;
    }

    private static boolean oddCodePoint(int codePoint) {
        if (codePoint <= 0x9F) {
            // DEL and the C1 controls: Windows-1252 reads those bytes as punctuation, so they come from UTF-8 or UTF-16
            return true;
        }
        int type = Character.getType(codePoint);
        return codePoint == 0xFFFD || type == Character.PRIVATE_USE || type == Character.UNASSIGNED
                || type == Character.SURROGATE;
    }

    /** Whether bytes read as UTF-16 for their byte-order mark are UTF-16 text; true for any other bytes. */
    private static boolean plausibleUtf16(byte[] bytes, String text) {
        boolean utf16 = bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF
                || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE);
        if (!utf16) {
            return true;
        }
        if (bytes.length % 2 != 0) {
            return false;
        }
        return text.isEmpty() || text.chars().anyMatch(c -> c == ' ' || c == '\t' || c == '\n');
    }
}
