package dev.closeout.postmortem;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ActionMatchingTest {

    @Test
    void aRewordedActionMatchesAndADifferentOneDoesNot() {
        Map<Integer, Integer> pairs = ActionMatching.pairs(
                List.of("Add an alert on queue depth for the payment workers", "Document the failover runbook"),
                List.of("Rotate the TLS certificate", "**Add an alert** on queue depth for the  payments workers"));

        assertEquals(Map.of(1, 0), pairs);
    }

    @Test
    void eachStoredActionIsTakenOnceByItsBestMatch() {
        Map<Integer, Integer> pairs = ActionMatching.pairs(
                List.of("Raise the connection pool size of the orders database"),
                List.of("Raise the connection pool size of the order database",
                        "Raise the connection pool size of the orders database"));

        assertEquals(Map.of(1, 0), pairs);
    }

    @Test
    void similarityIsOneMinusEditDistanceOverTheLongerText() {
        assertEquals(1.0, ActionMatching.similarity("abcde", "abcde"));
        assertEquals(0.8, ActionMatching.similarity("abcde", "abcdx"), 1e-9);
        assertEquals(0.0, ActionMatching.similarity("abcde", "vwxyz"), "below the threshold counts as no match");
        assertEquals(1.0, ActionMatching.similarity("", ""));
    }
}
