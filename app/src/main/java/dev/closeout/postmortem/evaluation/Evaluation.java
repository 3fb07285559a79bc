package dev.closeout.postmortem.evaluation;

import dev.closeout.postmortem.extraction.PostmortemExtractor;

import java.io.IOException;
import java.util.List;

/** Runs the engine on labelled documents and scores what it read against their labels. */
public final class Evaluation {

    private final PostmortemExtractor extractor = new PostmortemExtractor();

    public Score score(List<LabelledDocument> documents) throws IOException {
        Score score = new Score();
        for (LabelledDocument document : documents) {
            Label label = document.readLabel();
            score.add(document.name(), label, extractor.extract(document.text()));
        }
        return score;
    }
}
