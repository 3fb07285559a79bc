package dev.closeout.action;

import io.micronaut.core.annotation.Nullable;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.util.Locale;

import static dev.closeout.db.jooq.Tables.ACTION_ITEM;

/**
 * How the owner filters match: "dana", "@dana" and "Dana" are one person, and so are "Dana@Example.com" and
 * "dana@example.com". The follow-up's side is {@code action_item.owner_key} (V19), the owner stripped of spaces
 * and leading '@' and lower-cased by the database; the filter's side is {@link #of}, the same in Java. The owner
 * is kept and shown as written.
 */
public final class OwnerKey {

    /**
     * The generated column, named here because jOOQ's code generator does not read generated columns (V19 hides
     * it from the generator). Indexed with status and each list order, as the owner was.
     */
    public static final Field<String> COLUMN = DSL.field(DSL.name(ACTION_ITEM.getName(), "owner_key"),
            SQLDataType.VARCHAR(200));

    private OwnerKey() {
    }

    /** The key of {@code owner} as the database computes it; empty when it names no one ("@", blanks). */
    public static String of(String owner) {
        String key = owner.strip();
        int start = 0;
        while (start < key.length() && key.charAt(start) == '@') {
            start++;
        }
        // the database trims spaces only after removing the '@'s: "@ dana" keeps its space there too
        return key.substring(start).toLowerCase(Locale.ROOT);
    }

    /** The follow-ups {@code owner} owns, however either side spells it; no condition for no owner. */
    public static Condition matches(@Nullable String owner) {
        return owner == null ? DSL.noCondition() : COLUMN.eq(of(owner));
    }
}
