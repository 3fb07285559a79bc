package dev.closeout.report;

import java.util.Optional;

/**
 * A report's answer, as each format renders it: JSON is the record itself (serialised by the API), CSV its
 * {@link CsvTable}, text the aligned tables a terminal shows, Markdown a digest where the report has one.
 */
public interface ReportAnswer extends CsvTable {

    /** Aligned plain-text tables for a terminal (the command line's {@code --format text}). */
    String text();

    /** A digest in Markdown, for the reports that have one. */
    default Optional<String> markdown() {
        return Optional.empty();
    }
}
