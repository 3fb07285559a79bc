package dev.closeout.postmortem.extraction;

/** Inputs built to hurt a parser: huge lines, deep nesting, wide tables, unclosed markup. */
public final class PathologicalInputs {

    public enum Kind { SINGLE_LINE_5MB, NESTED_LISTS_100K, TABLE_COLUMNS_10K, EMPHASIS_RUN_1MB }

    private PathologicalInputs() {
    }

    public static String build(Kind kind) {
        return switch (kind) {
            case SINGLE_LINE_5MB -> "# Action items\n- " + "fix the thing, ".repeat(5 * 1024 * 1024 / 15);
            case NESTED_LISTS_100K -> "## Action items\n" + "- ".repeat(100_000) + "deep item\n"
                    + "> ".repeat(50_000) + "quoted\n";
            case TABLE_COLUMNS_10K -> "## Action items\n|" + " Action |".repeat(10_000) + "\n|"
                    + " --- |".repeat(10_000) + "\n|" + " x |".repeat(10_000) + "\n";
            case EMPHASIS_RUN_1MB -> "## Action items\n- " + "**a *b _c `d [e](".repeat(1024 * 1024 / 18) + "\n";
        };
    }
}
