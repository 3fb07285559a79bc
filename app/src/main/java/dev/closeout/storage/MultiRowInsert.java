package dev.closeout.storage;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One INSERT of many rows into a table, rendered by jOOQ once per number of rows (with {@code ?} for every
 * value) and kept, its values bound on the JDBC statement as they are ({@code setObject}: a
 * {@code LocalDateTime} as one, which MySQL's driver encodes far more cheaply than the {@code Timestamp} jOOQ
 * would bind). For the hot INSERTs of imports, where rendering every value into the query each time cost more
 * CPU than the database spent on the rows. Runs on the connection of the caller's transaction.
 */
public final class MultiRowInsert {

    /** Rows counts whose SQL is kept; a larger INSERT is rendered each time. */
    private static final int KEPT = 64;

    private final DSLContext dsl;
    private final Table<?> table;
    private final List<Field<?>> fields;
    private final Map<Integer, String> sqlByRows = new ConcurrentHashMap<>();

    public MultiRowInsert(DSLContext dsl, Table<?> table, List<Field<?>> fields) {
        this.dsl = dsl;
        this.table = table;
        this.fields = List.copyOf(fields);
    }

    /** Inserts {@code rows}, each the values of the fields in their order; nothing for no rows. */
    public void execute(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String sql = rows.size() <= KEPT ? sqlByRows.computeIfAbsent(rows.size(), this::render) : render(rows.size());
        dsl.connection(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                int index = 1;
                for (Object[] row : rows) {
                    if (row.length != fields.size()) {
                        throw new IllegalArgumentException(row.length + " values for " + fields.size() + " fields");
                    }
                    for (Object value : row) {
                        insert.setObject(index++, value);
                    }
                }
                insert.executeUpdate();
            } catch (SQLException e) {
                // as jOOQ reports a failed statement: the callers' fault handling looks for the SQLException
                throw new DataAccessException("SQL [" + sql + "]; " + e.getMessage(), e);
            }
        });
    }

    private String render(int rows) {
        var insert = dsl.insertInto(table).columns(fields);
        List<Field<?>> placeholders = new ArrayList<>(fields.size());
        for (Field<?> field : fields) {
            placeholders.add(DSL.val(null, field));
        }
        var values = insert.values(placeholders);
        for (int row = 1; row < rows; row++) {
            values = values.values(placeholders);
        }
        return dsl.render(values);
    }
}
