package dev.closeout.storage;

import io.micronaut.core.annotation.Nullable;

/** Fits free text from documents into the column widths of the schema (db/ migrations). */
public final class Columns {

    public static final int TITLE = 500;
    public static final int SERVICE = 200;
    public static final int SOURCE_REF = 500;
    public static final int ROOT_CAUSE_SUMMARY = 2000;
    public static final int ACTION_TEXT = 4000;
    public static final int NAME = 200;
    public static final int PRIORITY = 32;
    public static final int TICKET = 200;

    private Columns() {
    }

    /** The value, cut at {@code max} characters with an ellipsis when longer. */
    public static @Nullable String fit(@Nullable String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        return value.substring(0, max - 1) + "…";
    }
}
