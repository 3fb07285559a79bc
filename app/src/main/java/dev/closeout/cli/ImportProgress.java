package dev.closeout.cli;

import java.io.PrintStream;

/**
 * The progress of an import on standard error: {@code [ 12/40] file}. On a terminal one line is redrawn
 * in place (and cleared while result lines are printed); otherwise, as in a log, each file gets a line.
 */
final class ImportProgress {

    private static final String CLEAR_LINE = "\r\033[K";
    private static final int WIDTH = 100;

    private final PrintStream err;
    private final int total;
    private final boolean redraw;
    private String shown = "";

    ImportProgress(PrintStream err, int total, boolean redraw) {
        this.err = err;
        this.total = total;
        this.redraw = redraw;
    }

    /** Whether this JVM talks to a person: then the bar is redrawn in place. */
    static boolean interactive() {
        return System.console() != null;
    }

    void start(int number, String file) {
        String digits = Integer.toString(total);
        String line = "[" + " ".repeat(digits.length() - Integer.toString(number).length()) + number + "/" + digits
                + "] " + file;
        if (!redraw) {
            err.println(line);
            return;
        }
        shown = line.length() > WIDTH ? line.substring(0, WIDTH - 1) + "…" : line;
        err.print(CLEAR_LINE + shown);
        err.flush();
    }

    /** Prints a result line on {@code out} without tearing the bar. */
    void println(PrintStream out, String line) {
        if (redraw) {
            err.print(CLEAR_LINE);
            err.flush();
        }
        out.println(line);
        out.flush();
        if (redraw) {
            err.print(shown);
            err.flush();
        }
    }

    void finish() {
        if (redraw) {
            err.print(CLEAR_LINE);
            err.flush();
        }
    }
}
