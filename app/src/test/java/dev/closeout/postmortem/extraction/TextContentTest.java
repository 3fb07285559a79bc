package dev.closeout.postmortem.extraction;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextContentTest {

    /** The start of a real PNG: signature, then the IHDR chunk of a 1x1 image. */
    static final byte[] PNG = bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
            0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89);
    static final byte[] JPEG = bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0);

    @Test
    void readsMarkdownWindows1252AndUtf16Text() throws UnreadableDocumentException {
        assertEquals("# Outage\nThe cache failed.\n",
                TextContent.read("# Outage\r\nThe cache failed.\r\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("it\u2019s \u2013 ok", TextContent.read(bytes('i', 't', 0x92, 's', ' ', 0x96, ' ', 'o', 'k')));
        assertEquals("# Panne\nLe cache est tomb\u00e9.", TextContent.read(utf16le("# Panne\nLe cache est tomb\u00e9.")));
    }

    @Test
    void keepsTextWithEmojiTerminalColoursAndAFewOddCharacters() throws UnreadableDocumentException {
        String text = "# Outage \uD83D\uDD25\n\u001B[31mERROR\u001B[0m cache down\n" + "The cache failed. ".repeat(10)
                + "\uFFFD\u0007\n";

        assertEquals(text, TextContent.read(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void namesAnImageByItsMagicNumber() {
        assertEquals("image/png", notText(PNG));
        assertEquals("image/jpeg", notText(JPEG));
        assertEquals("image/gif", notText(bytes('G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0)));
    }

    @Test
    void namesAPdfAZipAnOfficeDocumentAGzipAndAProgram() throws IOException {
        byte[] pdf = ("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Length 8 /Filter /FlateDecode >>\nstream\n")
                .getBytes(StandardCharsets.ISO_8859_1);

        assertEquals("application/pdf", notText(concat(pdf, randomBytes(2_000))));
        assertEquals("application/zip", notText(zip("notes.txt")));
        assertEquals("application/zip", notText(zip("[Content_Types].xml")), "a .docx is a zip");
        assertEquals("application/gzip", notText(gzip()));
        assertEquals("application/x-executable",
                notText(concat(bytes(0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0), new byte[64])));
    }

    @Test
    void refusesBytesWithANulAndRandomBytesAsAnUnknownBinary() {
        assertEquals("application/octet-stream", notText("# Outage\n\u0000\nThe cache failed.".getBytes(StandardCharsets.UTF_8)));
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            byte[] noise = randomBytes(random, 20 + random.nextInt(3_000));
            assertThrows(UnreadableDocumentException.class, () -> TextContent.read(noise), "round " + round);
        }
    }

    @Test
    void refusesBytesThatOnlyStartLikeUtf16() {
        assertEquals("application/octet-stream", notText(bytes(0xFF, 0xFE, 0, 'b', 'i', 'n')), "read as '\u6200\u6e69'");
        assertEquals("application/octet-stream", notText(bytes(0xFF, 0xFE, 'a', 0, 'b')), "an odd number of bytes");
    }

    @Test
    void textWhoseFirstWordIsSomeFormatsSignatureIsText() throws UnreadableDocumentException {
        for (String start : new String[] {"P1 incident: checkout down", "MZ region outage", "ID3 tags broke the player",
                "%PDF-1.4 uploads crashed the parser"}) {
            String text = start + "\n\nRoot cause: a bad deploy.\n";
            assertEquals(text, TextContent.read(text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void refusesEmptyAndWhitespaceOnlyDocuments() {
        for (byte[] empty : new byte[][] {new byte[0], " \r\n\t \n".getBytes(StandardCharsets.UTF_8), bytes(0xEF, 0xBB, 0xBF),
                bytes(0xFF, 0xFE)}) {
            UnreadableDocumentException refused = assertThrows(UnreadableDocumentException.class,
                    () -> TextContent.read(empty));
            assertTrue(refused.isEmpty());
            assertNull(refused.detectedType());
        }
    }

    @Test
    void checksTextDecodedElsewhere() throws UnreadableDocumentException {
        assertEquals("# Outage", TextContent.check("# Outage"));
        assertTrue(assertThrows(UnreadableDocumentException.class, () -> TextContent.check("  \n")).isEmpty());
        assertTrue(assertThrows(UnreadableDocumentException.class, () -> TextContent.check(null)).isEmpty());
        // a PNG sent as UTF-8 text: its first byte was lost to U+FFFD, so only its NULs tell
        String png = new String(PNG, StandardCharsets.UTF_8);
        assertEquals("application/octet-stream",
                assertThrows(UnreadableDocumentException.class, () -> TextContent.check(png)).detectedType());
        String pdf = "%PDF-1.7\n" + new String(randomBytes(500), StandardCharsets.UTF_8);
        assertEquals("application/pdf",
                assertThrows(UnreadableDocumentException.class, () -> TextContent.check(pdf)).detectedType());
    }

    @Test
    void theReasonSaysWhatWasDetected() {
        UnreadableDocumentException refused = assertThrows(UnreadableDocumentException.class, () -> TextContent.read(PNG));

        assertFalse(refused.isEmpty());
        assertEquals("not text but image/png; send the postmortem as markdown, plain text or HTML", refused.getMessage());
    }

    private static String notText(byte[] bytes) {
        UnreadableDocumentException refused = assertThrows(UnreadableDocumentException.class,
                () -> TextContent.read(bytes));
        assertFalse(refused.isEmpty());
        return refused.detectedType();
    }

    private static byte[] zip(String entry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] gzip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write("# Outage\nThe cache failed.\n".getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static byte[] utf16le(String text) {
        return concat(bytes(0xFF, 0xFE), text.getBytes(StandardCharsets.UTF_16LE));
    }

    private static byte[] randomBytes(int length) {
        return randomBytes(new Random(length), length);
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
