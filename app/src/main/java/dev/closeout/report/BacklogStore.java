package dev.closeout.report;

import dev.closeout.action.ActionEvent;
import dev.closeout.db.jooq.tables.records.BacklogDayRecord;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep10;
import org.jooq.SQLDialect;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.closeout.db.jooq.Tables.ACTION_EVENT;
import static dev.closeout.db.jooq.Tables.BACKLOG_DAY;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.noCondition;

/** The table {@code backlog_day}: the backlog at the end of each day, per team, as the history job wrote it. */
@Singleton
class BacklogStore {

    private final DSLContext dsl;
    private final ReportCalendar calendar;

    BacklogStore(DSLContext dsl, ReportCalendar calendar) {
        this.dsl = dsl;
        this.calendar = calendar;
    }

    /** One team's backlog at the end of one day, and its follow-ups created, closed and reopened that day. */
    record Row(LocalDate day, long team, int open, int overdue, int created, int done, int notDoing, int reopened) {
    }

    /** The day the first follow-up was created, in the reports' calendar; empty when there is none. */
    @ReadOnly
    Optional<LocalDate> firstDay() {
        return dsl.select(min(ACTION_EVENT.OCCURRED_AT)).from(ACTION_EVENT)
                .where(ACTION_EVENT.FIELD.eq(ActionEvent.CREATED))
                .fetchOptional(0, LocalDateTime.class).map(calendar::dayOf);
    }

    /**
     * When each of the days in {@code from..to} was counted (the earliest of its rows), for the days that
     * are there; rows counted in another zone than the reports' are not the reports' days.
     */
    @ReadOnly
    Map<LocalDate, LocalDateTime> countedAt(LocalDate from, LocalDate to) {
        return dsl.select(BACKLOG_DAY.AS_OF, min(BACKLOG_DAY.COMPUTED_AT)).from(BACKLOG_DAY)
                .where(BACKLOG_DAY.AS_OF.between(from, to))
                .and(BACKLOG_DAY.TIME_ZONE.eq(zone()))
                .groupBy(BACKLOG_DAY.AS_OF)
                .fetchMap(BACKLOG_DAY.AS_OF, min(BACKLOG_DAY.COMPUTED_AT));
    }

    /** Forgets the days counted in another zone (the setting changed): they are counted again. */
    @Transactional
    int forgetOtherZones() {
        return dsl.deleteFrom(BACKLOG_DAY).where(BACKLOG_DAY.TIME_ZONE.ne(zone())).execute();
    }

    /**
     * Writes the days {@code from..to}: {@code rows} as counted, and zero for a team that has a row on those
     * days but none in {@code rows} (its follow-ups moved to another team). An upsert: instances writing the
     * same days at once write the same numbers.
     */
    @Transactional
    void write(LocalDate from, LocalDate to, List<Row> rows, Set<Long> teams, LocalDateTime countedAt) {
        dsl.update(BACKLOG_DAY)
                .set(BACKLOG_DAY.OPEN_COUNT, 0)
                .set(BACKLOG_DAY.OVERDUE_COUNT, 0)
                .set(BACKLOG_DAY.CREATED_COUNT, 0)
                .set(BACKLOG_DAY.DONE_COUNT, 0)
                .set(BACKLOG_DAY.NOT_DOING_COUNT, 0)
                .set(BACKLOG_DAY.REOPENED_COUNT, 0)
                .set(BACKLOG_DAY.COMPUTED_AT, countedAt)
                .where(BACKLOG_DAY.AS_OF.between(from, to))
                .and(teams.isEmpty() ? noCondition() : BACKLOG_DAY.TEAM_ID.notIn(teams))
                .execute();
        if (rows.isEmpty()) {
            return;
        }
        InsertValuesStep10<BacklogDayRecord, LocalDate, Long, Integer, Integer, Integer, Integer, Integer, Integer,
                String, LocalDateTime> insert = upserts()
                .insertInto(BACKLOG_DAY, BACKLOG_DAY.AS_OF, BACKLOG_DAY.TEAM_ID, BACKLOG_DAY.OPEN_COUNT,
                        BACKLOG_DAY.OVERDUE_COUNT, BACKLOG_DAY.CREATED_COUNT, BACKLOG_DAY.DONE_COUNT,
                        BACKLOG_DAY.NOT_DOING_COUNT, BACKLOG_DAY.REOPENED_COUNT, BACKLOG_DAY.TIME_ZONE,
                        BACKLOG_DAY.COMPUTED_AT);
        for (Row row : rows) {
            insert = insert.values(row.day(), row.team(), row.open(), row.overdue(), row.created(), row.done(),
                    row.notDoing(), row.reopened(), zone(), countedAt);
        }
        insert.onDuplicateKeyUpdate()
                .set(BACKLOG_DAY.OPEN_COUNT, excluded(BACKLOG_DAY.OPEN_COUNT))
                .set(BACKLOG_DAY.OVERDUE_COUNT, excluded(BACKLOG_DAY.OVERDUE_COUNT))
                .set(BACKLOG_DAY.CREATED_COUNT, excluded(BACKLOG_DAY.CREATED_COUNT))
                .set(BACKLOG_DAY.DONE_COUNT, excluded(BACKLOG_DAY.DONE_COUNT))
                .set(BACKLOG_DAY.NOT_DOING_COUNT, excluded(BACKLOG_DAY.NOT_DOING_COUNT))
                .set(BACKLOG_DAY.REOPENED_COUNT, excluded(BACKLOG_DAY.REOPENED_COUNT))
                .set(BACKLOG_DAY.TIME_ZONE, excluded(BACKLOG_DAY.TIME_ZONE))
                .set(BACKLOG_DAY.COMPUTED_AT, excluded(BACKLOG_DAY.COMPUTED_AT))
                .execute();
    }

    /** The rows of {@code days}, of one team or (null) of every team. */
    @ReadOnly
    List<Row> read(Collection<LocalDate> days, @Nullable Long team) {
        return dsl.select(BACKLOG_DAY.AS_OF, BACKLOG_DAY.TEAM_ID, BACKLOG_DAY.OPEN_COUNT, BACKLOG_DAY.OVERDUE_COUNT,
                        BACKLOG_DAY.CREATED_COUNT, BACKLOG_DAY.DONE_COUNT, BACKLOG_DAY.NOT_DOING_COUNT,
                        BACKLOG_DAY.REOPENED_COUNT)
                .from(BACKLOG_DAY)
                .where(BACKLOG_DAY.AS_OF.in(days))
                .and(BACKLOG_DAY.TIME_ZONE.eq(zone()))
                .and(team == null ? noCondition() : BACKLOG_DAY.TEAM_ID.eq(team))
                .fetch(row -> new Row(row.value1(), row.value2(), row.value3(), row.value4(), row.value5(),
                        row.value6(), row.value7(), row.value8()));
    }

    /**
     * jOOQ's MySQL dialect writes an upsert's new values as a row alias ({@code AS excluded}, MySQL 8.0.19+),
     * which MariaDB refuses; its MariaDB dialect writes {@code VALUES(column)}, which MySQL 8 still takes, so
     * that is the one used on both. H2 keeps its own (a MERGE).
     */
    private DSLContext upserts() {
        return dsl.dialect().family() == SQLDialect.MYSQL ? dsl.configuration().derive(SQLDialect.MARIADB).dsl() : dsl;
    }

    private String zone() {
        return calendar.zone().getId();
    }
}
