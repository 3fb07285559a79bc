package dev.closeout.postmortem.evaluation;

import java.io.IOException;
import java.nio.file.Path;

/** A label file that cannot be read as the corpus label format; the message names the file and what is wrong. */
public final class MalformedLabelException extends IOException {

    public MalformedLabelException(Path file, String reason) {
        super(file + " is not a valid label: " + reason);
    }
}
