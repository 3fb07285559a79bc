package dev.closeout.db;

import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.impl.SQLDataType;

import java.sql.SQLException;
import java.time.LocalDateTime;

/**
 * Reads DATETIME columns as {@link LocalDateTime} straight from the driver (JDBC 4.2's
 * {@code getObject(index, LocalDateTime.class)}). jOOQ's own binding reads a {@code java.sql.Timestamp} and converts
 * it, through a {@code Calendar} in the JVM's zone and back: a fifth of the weekly review's time at a million
 * follow-ups went there (docs/benchmarks.md). Everything else (SQL, parameters) is jOOQ's own.
 */
public final class LocalDateTimeBinding implements Binding<LocalDateTime, LocalDateTime> {

    private static final long serialVersionUID = 1L;
    private static final Binding<?, LocalDateTime> JOOQ = SQLDataType.LOCALDATETIME.getBinding();
    private static final Converter<LocalDateTime, LocalDateTime> SAME =
            Converter.of(LocalDateTime.class, LocalDateTime.class, value -> value, value -> value);

    @Override
    public Converter<LocalDateTime, LocalDateTime> converter() {
        return SAME;
    }

    @Override
    public void get(BindingGetResultSetContext<LocalDateTime> ctx) throws SQLException {
        ctx.value(ctx.resultSet().getObject(ctx.index(), LocalDateTime.class));
    }

    @Override
    public void sql(BindingSQLContext<LocalDateTime> ctx) throws SQLException {
        JOOQ.sql(ctx);
    }

    @Override
    public void register(BindingRegisterContext<LocalDateTime> ctx) throws SQLException {
        JOOQ.register(ctx);
    }

    @Override
    public void set(BindingSetStatementContext<LocalDateTime> ctx) throws SQLException {
        JOOQ.set(ctx);
    }

    @Override
    public void set(BindingSetSQLOutputContext<LocalDateTime> ctx) throws SQLException {
        JOOQ.set(ctx);
    }

    @Override
    public void get(BindingGetStatementContext<LocalDateTime> ctx) throws SQLException {
        JOOQ.get(ctx);
    }

    @Override
    public void get(BindingGetSQLInputContext<LocalDateTime> ctx) throws SQLException {
        JOOQ.get(ctx);
    }
}
