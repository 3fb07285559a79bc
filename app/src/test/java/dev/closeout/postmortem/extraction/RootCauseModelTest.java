package dev.closeout.postmortem.extraction;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RootCauseModelTest {

    /** Causes the cue tables do not know: only the words tell a Frobnitz fault from a Quuxle one. */
    private static final List<LabelledRootCause> INVENTED_PRODUCTS = List.of(
            summary(0, "The Frobnitz appliance rejected requests after its nightly reload.", "network", "software-bug"),
            summary(1, "Frobnitz nodes stopped answering once the reload finished.", "network", "software-bug"),
            summary(2, "A Frobnitz reload left the appliance without routes.", "network", "software-bug"),
            summary(3, "Quuxle shards went read-only when the shard map was edited by hand.", "database", "human-error"),
            summary(4, "An operator edited the Quuxle shard map by hand and shards went read-only.", "database",
                    "human-error"),
            summary(5, "The Quuxle shard map was edited by hand; shards refused writes.", "database", "human-error"));

    @Test
    void learnsWordsTheCueTablesDoNotKnow() {
        RootCauseModel model = RootCauseModel.train(INVENTED_PRODUCTS, false);
        RootCauseExtractor extractor = new RootCauseExtractor(model);

        RootCause frobnitz = extractor.classify("Every Frobnitz appliance failed after the reload.");
        RootCause quuxle = extractor.classify("Someone edited the Quuxle shard map by hand.");

        assertEquals("network", frobnitz.component());
        assertEquals("software-bug", frobnitz.trigger());
        assertEquals("database", quuxle.component());
        assertEquals("human-error", quuxle.trigger());
    }

    @Test
    void readsBackTheModelItWrote() {
        RootCauseModel model = RootCauseModel.train(INVENTED_PRODUCTS, true);

        RootCauseModel read = RootCauseModel.read(model.lines());

        assertEquals(model.lines(), read.lines());
        assertTrue(read.readsRules());
        String paragraph = "The Frobnitz appliance lost its routes after a reload.";
        assertEquals(new RootCauseExtractor(model).classify(paragraph), new RootCauseExtractor(read).classify(paragraph));
    }

    @Test
    void theSameExamplesGiveTheSameModelFile() {
        List<String> first = RootCauseModel.train(INVENTED_PRODUCTS, true).lines();
        List<String> second = RootCauseModel.train(new ArrayList<>(INVENTED_PRODUCTS), true).lines();

        assertEquals(first, second);
        assertEquals(RootCauseModel.HEADER, first.get(0));
        List<String> componentWords = first.subList(1, first.indexOf("decision trigger")).stream()
                .filter(line -> line.startsWith("word ")).toList();
        assertEquals(componentWords.stream().sorted().toList(), componentWords, "words are written in order");
    }

    @Test
    void refusesLinesThatAreNotAModel() {
        IllegalArgumentException noHeader = assertThrows(IllegalArgumentException.class,
                () -> RootCauseModel.read(List.of("labels a b")));
        List<String> cut = new ArrayList<>(RootCauseModel.train(INVENTED_PRODUCTS, true).lines());
        cut.set(5, "bias 1 2");

        IllegalArgumentException shortBias = assertThrows(IllegalArgumentException.class, () -> RootCauseModel.read(cut));

        assertTrue(noHeader.getMessage().contains("not a root-cause model"), noHeader.getMessage());
        assertTrue(shortBias.getMessage().contains("expected 16 numbers"), shortBias.getMessage());
    }

    @Test
    void theShippedModelIsReadAndReadsTheRules() {
        RootCauseModel model = RootCauseModel.bundled();

        assertNotNull(model, "the model resource " + RootCauseModel.RESOURCE + " is read");
        assertTrue(model.readsRules());
    }

    @Test
    void theRulesAnswerStandsUnlessTheModelIsClearlySurerOfAnother() {
        CauseEvidence rulesSayUnknown = new CauseEvidence(Map.of(),
                new RootCauseClassifier.Scores(new double[Taxonomy.COMPONENTS.size()], new double[Taxonomy.TRIGGERS.size()]),
                new RootCause(null, "other", "unknown"));
        double[] leaning = new double[Taxonomy.TRIGGERS.size()];
        leaning[Taxonomy.TRIGGERS.indexOf("software-bug")] = 0.5;
        double[] sure = new double[Taxonomy.TRIGGERS.size()];
        sure[Taxonomy.TRIGGERS.indexOf("software-bug")] = 8;

        String whenLeaning = new LabelModel(LabelModel.Decision.TRIGGER, true, new double[3], leaning, Map.of())
                .classify(rulesSayUnknown);
        String whenSure = new LabelModel(LabelModel.Decision.TRIGGER, true, new double[3], sure, Map.of())
                .classify(rulesSayUnknown);
        String withoutRules = new LabelModel(LabelModel.Decision.TRIGGER, false, new double[3], leaning, Map.of())
                .classify(rulesSayUnknown);

        assertEquals("unknown", whenLeaning);
        assertEquals("software-bug", whenSure);
        assertEquals("software-bug", withoutRules);
    }

    @Test
    void withoutAModelTheRulesDecide() {
        String paragraph = "The TLS certificate for the API domain expired over the weekend.";

        RootCause rules = RootCauseExtractor.rulesOnly().classify(paragraph);

        assertEquals("certificate", rules.component());
        assertEquals("expiry", rules.trigger());
    }

    private static LabelledRootCause summary(int item, String text, String component, String trigger) {
        return new LabelledRootCause(item, LabelledRootCause.Kind.SUMMARY, "s" + item, text, false, component, trigger);
    }
}
