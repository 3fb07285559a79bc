package dev.closeout.postmortem.extraction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The trained root-cause model: one {@link LabelModel} for the component and one for the trigger, read from the
 * resource {@value #RESOURCE} (written by {@code closeout train-root-cause}, docs/extraction.md). It reads the rules'
 * cue scores and answer as well as the words, so it is trained for one version of the rules: re-train it when
 * the cue tables or the locator change.
 */
public final class RootCauseModel {

    static final String RESOURCE = "/extraction/root-cause-model.txt";
    static final String HEADER = "closeout root-cause model 1";

    private final LabelModel component;
    private final LabelModel trigger;

    RootCauseModel(LabelModel component, LabelModel trigger) {
        this.component = component;
        this.trigger = trigger;
    }

    /** Read once, on first use. */
    private static final class Bundled {
        static final RootCauseModel MODEL = load();

        private static RootCauseModel load() {
            try (InputStream in = RootCauseModel.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    return null;
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                return read(reader.lines().toList());
            } catch (IOException | RuntimeException e) {
                // a model that cannot be read leaves the rules to decide: extraction never fails on it
                return null;
            }
        }
    }

    /** The model shipped with the engine; null when there is none to read, and the rules decide alone. */
    static RootCauseModel bundled() {
        return Bundled.MODEL;
    }

    RootCause classify(CauseEvidence evidence) {
        return new RootCause(null, component.classify(evidence), trigger.classify(evidence));
    }

    /** Whether the model reads the rules' evidence besides the words. */
    public boolean readsRules() {
        return component.readsRules();
    }

    /**
     * A model trained on {@code examples}, reading the rules' evidence or the words alone. The same examples in the
     * same order give the same model.
     */
    public static RootCauseModel train(List<LabelledRootCause> examples, boolean readsRules) {
        RootCauseExtractor rules = RootCauseExtractor.rulesOnly();
        DocumentReader reader = new DocumentReader();
        List<LabelModelTraining.Example> components = new ArrayList<>();
        List<LabelModelTraining.Example> triggers = new ArrayList<>();
        for (LabelledRootCause example : examples) {
            CauseEvidence evidence = example.kind() == LabelledRootCause.Kind.DOCUMENT
                    ? rules.evidence(readDocument(reader, example.text()))
                    : rules.evidence(example.text());
            components.add(new LabelModelTraining.Example(evidence, example.component()));
            triggers.add(new LabelModelTraining.Example(evidence, example.trigger()));
        }
        return new RootCauseModel(LabelModelTraining.train(LabelModel.Decision.COMPONENT, readsRules, components),
                LabelModelTraining.train(LabelModel.Decision.TRIGGER, readsRules, triggers));
    }

    private static Document readDocument(DocumentReader reader, String text) {
        TextCache.startDocument();
        return reader.read(text);
    }

    /** The model file: the header, then each decision's lines. Deterministic: words in order, fixed decimals. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.addAll(component.lines());
        lines.addAll(trigger.lines());
        return lines;
    }

    /**
     * Reads what {@link #lines()} wrote; lines starting with '#' are comments.
     *
     * @throws IllegalArgumentException naming what is wrong, when the lines are not a model
     */
    public static RootCauseModel read(List<String> lines) {
        List<String> content = lines.stream().filter(line -> !line.startsWith("#") && !line.isBlank()).toList();
        if (content.isEmpty() || !content.get(0).equals(HEADER)) {
            throw new IllegalArgumentException("not a root-cause model: the first line is not '" + HEADER + "'");
        }
        int trigger = content.indexOf("decision trigger");
        if (trigger < 0 || !content.get(1).equals("decision component")) {
            throw new IllegalArgumentException("a root-cause model has a component decision, then a trigger decision");
        }
        return new RootCauseModel(LabelModel.read(content.subList(1, trigger)),
                LabelModel.read(content.subList(trigger, content.size())));
    }
}
