package dev.closeout.postmortem.evaluation;

import dev.closeout.postmortem.extraction.PostmortemExtractor;

import java.io.IOException;
import java.util.List;
import java.util.function.UnaryOperator;

/** Runs the engine on labelled documents and scores what it read against their labels. */
public final class Evaluation {

    private final PostmortemExtractor extractor = new PostmortemExtractor();

    public Score score(List<LabelledDocument> documents) throws IOException {
        return score(documents, UnaryOperator.identity());
    }

    /**
     * Scores each document as {@code publishing} turns it into another format (markdown rendered to HTML, as a
     * wiki exports it) against the same labels.
     */
    public Score score(List<LabelledDocument> documents, UnaryOperator<String> publishing) throws IOException {
        Score score = new Score();
        for (LabelledDocument document : documents) {
            Label label = document.readLabel();
            score.add(document.name(), label, extractor.extract(publishing.apply(document.text())));
        }
        return score;
    }
}
