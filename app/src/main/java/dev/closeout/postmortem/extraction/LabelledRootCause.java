package dev.closeout.postmortem.extraction;

/**
 * One labelled root cause to train or score a root-cause model on.
 *
 * @param item        the labelled item it comes from, numbered in its set's order (documents by label file name,
 *                    summaries by line): a document and the labeller's sentence about it share their number
 * @param kind        what {@code text} is
 * @param text        a whole postmortem, a one-paragraph summary, or the labeller's own sentence about the cause
 * @param restated    true for the labeller's sentence: a training example, never one to score the engine on
 */
public record LabelledRootCause(int item, Kind kind, String name, String text, boolean restated, String component,
                                String trigger) {

    /** A whole postmortem, read as the engine reads one, or a paragraph about the root cause. */
    public enum Kind { DOCUMENT, SUMMARY }
}
