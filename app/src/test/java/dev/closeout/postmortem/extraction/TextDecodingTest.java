package dev.closeout.postmortem.extraction;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextDecodingTest {

    @Test
    void stripsTheUtf8ByteOrderMarkAndWindowsLineEnds() {
        byte[] bytes = "\uFEFF# Title\r\n- item\r\n".getBytes(StandardCharsets.UTF_8);

        assertEquals("# Title\n- item\n", TextDecoding.decode(bytes));
    }

    @Test
    void readsWindows1252WhenTheBytesAreNotUtf8() {
        byte[] bytes = {'i', 't', (byte) 0x92, 's', ' ', (byte) 0x96, ' ', 'o', 'k'};

        assertEquals("it\u2019s \u2013 ok", TextDecoding.decode(bytes));
    }

    @Test
    void readsUtf16WithItsByteOrderMark() {
        byte[] text = "caf\u00e9".getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[text.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(text, 0, bytes, 2, text.length);

        assertEquals("caf\u00e9", TextDecoding.decode(bytes));
    }
}
