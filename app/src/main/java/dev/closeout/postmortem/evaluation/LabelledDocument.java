package dev.closeout.postmortem.evaluation;

import dev.closeout.postmortem.extraction.TextDecoding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A postmortem and the label beside it: NAME.md (or .txt, .html, .rst, ...) with NAME.json. */
public record LabelledDocument(Path document, Path label) {

    /** The document's file name, which mismatches are reported under. */
    public String name() {
        return document.getFileName().toString();
    }

    /** The document's text, decoded as an import decodes it. */
    public String text() throws IOException {
        return TextDecoding.decode(Files.readAllBytes(document));
    }

    public Label readLabel() throws IOException {
        return Label.read(label);
    }
}
