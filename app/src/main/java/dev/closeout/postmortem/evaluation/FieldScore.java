package dev.closeout.postmortem.evaluation;

import java.util.Locale;

/** How often one field was right: over the matched actions, or over the documents. */
public final class FieldScore {

    private int correct;
    private int total;

    void add(boolean right) {
        total++;
        correct += right ? 1 : 0;
    }

    public int correct() {
        return correct;
    }

    public int total() {
        return total;
    }

    /** The share right; 1 when nothing was compared, so an unmeasured field never reads as a failure. */
    public double value() {
        return total == 0 ? 1.0 : (double) correct / total;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.3f (%d/%d)", value(), correct, total);
    }
}
