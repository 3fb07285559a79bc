package dev.closeout.postmortem.extraction;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of a postmortem into text without ever failing: exports from old wikis and Word are
 * often Windows-1252, and editors on Windows add a byte-order mark and CRLF line ends.
 */
public final class TextDecoding {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoding() {
    }

    public static String decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return normalize(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return normalize(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE));
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return normalize(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE));
        }
        try {
            return normalize(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException notUtf8) {
            return normalize(new String(bytes, WINDOWS_1252));
        }
    }

    /** One spelling per document: no byte-order mark, LF line ends. Content hashes depend on it. */
    public static String normalize(String text) {
        String withoutBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return withoutBom.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
