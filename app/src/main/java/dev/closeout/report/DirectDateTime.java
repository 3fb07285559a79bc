package dev.closeout.report;

import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;

import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.function.Function;

/**
 * A {@code DATETIME} read straight into a {@link LocalDateTime} ({@code ResultSet.getObject(i, LocalDateTime.class)},
 * JDBC 4.2), for the reports that read hundreds of thousands of them. jOOQ's default reads a
 * {@code java.sql.Timestamp} and converts it, which MySQL Connector/J builds through a {@code GregorianCalendar}
 * per value: a quarter of the recurring-causes report's time at 100,000 postmortems (docs/reports.md). The value is
 * the same: the column's date and time as stored, which the default's round trip through the JVM's zone gives back
 * too.
 */
final class DirectDateTime implements Binding<LocalDateTime, LocalDateTime> {

    private static final Converter<LocalDateTime, LocalDateTime> SAME = Converter.ofNullable(LocalDateTime.class,
            LocalDateTime.class, Function.identity(), Function.identity());

    // after SAME: building the type asks the binding for its converter
    private static final DataType<LocalDateTime> TYPE = SQLDataType.LOCALDATETIME
            .asConvertedDataType(new DirectDateTime());

    private DirectDateTime() {
    }

    /** The field, read as this binding reads it; its SQL is unchanged. */
    static Field<LocalDateTime> of(Field<LocalDateTime> field) {
        return field.coerce(TYPE);
    }

    @Override
    public Converter<LocalDateTime, LocalDateTime> converter() {
        return SAME;
    }

    @Override
    public void get(BindingGetResultSetContext<LocalDateTime> ctx) throws SQLException {
        ctx.value(ctx.resultSet().getObject(ctx.index(), LocalDateTime.class));
    }

    // the rest only matters if such a field is ever bound as a value: plain JDBC 4.2 as well

    @Override
    public void sql(BindingSQLContext<LocalDateTime> ctx) {
        ctx.render().sql(ctx.variable());
    }

    @Override
    public void register(BindingRegisterContext<LocalDateTime> ctx) throws SQLException {
        ctx.statement().registerOutParameter(ctx.index(), Types.TIMESTAMP);
    }

    @Override
    public void set(BindingSetStatementContext<LocalDateTime> ctx) throws SQLException {
        ctx.statement().setObject(ctx.index(), ctx.value(), Types.TIMESTAMP);
    }

    @Override
    public void set(BindingSetSQLOutputContext<LocalDateTime> ctx) throws SQLException {
        throw new SQLException("DATETIME values are not written to SQL output streams");
    }

    @Override
    public void get(BindingGetStatementContext<LocalDateTime> ctx) throws SQLException {
        ctx.value(ctx.statement().getObject(ctx.index(), LocalDateTime.class));
    }

    @Override
    public void get(BindingGetSQLInputContext<LocalDateTime> ctx) throws SQLException {
        throw new SQLException("DATETIME values are not read from SQL input streams");
    }
}
