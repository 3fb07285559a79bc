package dev.closeout.postmortem.extraction;

/** Text of ASCII characters only: where hand-written scans may stand in for case-insensitive patterns. */
final class AsciiText {

    private AsciiText() {
    }

    static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
