package dev.closeout.postmortem.extraction;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MarkupTest {

    @Test
    void stripsEmphasisButKeepsIdentifiersAndArithmetic() {
        assertEquals("Root Cause: the db is 5 * 3 old, see expire_logs_days and init in config",
                Markup.strip("**Root Cause:** the _db_ is 5 * 3 ~~old~~, see `expire_logs_days` and __init__ in "
                        + "[config](https://example.com/config)"));
    }

    @Test
    void stripsNestedAndUnclosedEmphasis() {
        assertEquals("Improvements Needed: add alerts", Markup.strip("***Improvements Needed:*** *add alerts"));
    }
}
