package dev.closeout.postmortem.extraction;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SentencesTest {

    @Test
    void splitsAtSentenceEndsButNotInsideNamesOrAbbreviations() {
        assertEquals(List.of("The file wp-settings.phpp was misnamed, e.g. by a typo.", "Apache failed."),
                Sentences.split("The file wp-settings.phpp was misnamed, e.g. by a typo. Apache failed."));
    }

    @Test
    void condensesToTheFirstSentenceAndTheSecondWhenTheFirstIsShort() {
        assertEquals("A bad config. It dropped all traffic to the backends.",
                Sentences.condense("A bad config. It dropped all traffic to the backends. We reverted it."));
        assertEquals("The load balancer sent every request to a single API server after the routing rule change.",
                Sentences.condense("The load balancer sent every request to a single API server after the routing "
                        + "rule change. That server was overloaded."));
    }

    @Test
    void condensesNothingToNothing() {
        assertNull(Sentences.condense("  \n "));
    }
}
