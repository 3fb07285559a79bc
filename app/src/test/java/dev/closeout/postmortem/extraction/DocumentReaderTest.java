package dev.closeout.postmortem.extraction;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DocumentReaderTest {

    @Test
    void readsHeadingsBulletsTablesAndBoldAsMarkdown() {
        assertEquals(MediaType.MARKDOWN, DocumentReader.detect("Outage\n\n   ## Timeline\n"));
        assertEquals(MediaType.MARKDOWN, DocumentReader.detect("We found:\n\t\t- the cache\n"));
        assertEquals(MediaType.MARKDOWN, DocumentReader.detect("| when | what |\n"));
        assertEquals(MediaType.MARKDOWN, DocumentReader.detect("The **database** failed."));
    }

    @Test
    void readsProseWithMarksThatOpenNoMarkdownAsText() {
        // four spaces before '#' make code, seven '#' no heading, a bullet needs a space, a table a second bar
        assertEquals(MediaType.TEXT, DocumentReader.detect("Outage\n    # not a heading\n####### x\n-dash\n| one\n"));
    }

    /** The scan stands in for the pattern it replaced: the same answer on every short text of these signs. */
    @Test
    void findsMarkdownSignsWhereThePatternDid() {
        Pattern signs = Pattern.compile("(?m)^[ \\t]{0,3}#{1,6}[ \\t]|^[ \\t]*[-*+][ \\t]|\\*\\*|^\\|[^\\n]*\\|");
        char[] alphabet = {' ', '\t', '#', '-', '*', '+', '|', '\n', '\r', '\u2028', '\u0085', 'a'};
        Random random = new Random(13);
        for (int text = 0; text < 200_000; text++) {
            StringBuilder built = new StringBuilder();
            for (int length = random.nextInt(20); length > 0; length--) {
                built.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String sample = built.toString();
            assertEquals(signs.matcher(sample).find(), DocumentReader.hasMarkdownSign(sample), sample);
        }
    }
}
