package dev.closeout.jira;

import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.time.LocalDateTime;
import java.util.Optional;

import static dev.closeout.db.jooq.Tables.JIRA_SYNC_PASS;

/** When each kind of pass last ran, shared by every instance (table {@code jira_sync_pass}). */
@Singleton
public class SyncPasses {

    static final String SYNC = "sync";
    static final String RECONCILE = "reconcile";

    private final DSLContext dsl;

    SyncPasses(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** When the last finished pass of this kind started. */
    @ReadOnly
    public Optional<LocalDateTime> lastStarted(String name) {
        return dsl.select(JIRA_SYNC_PASS.STARTED_AT).from(JIRA_SYNC_PASS).where(JIRA_SYNC_PASS.NAME.eq(name))
                .fetchOptional(JIRA_SYNC_PASS.STARTED_AT);
    }

    @ReadOnly
    public Optional<LocalDateTime> lastFinished(String name) {
        return dsl.select(JIRA_SYNC_PASS.FINISHED_AT).from(JIRA_SYNC_PASS).where(JIRA_SYNC_PASS.NAME.eq(name))
                .fetchOptional(JIRA_SYNC_PASS.FINISHED_AT);
    }

    /** A pass that started at {@code started} finished at {@code finished}; an older pass never overwrites a newer. */
    @Transactional
    public void finished(String name, LocalDateTime started, LocalDateTime finished) {
        int updated = dsl.update(JIRA_SYNC_PASS)
                .set(JIRA_SYNC_PASS.STARTED_AT, started)
                .set(JIRA_SYNC_PASS.FINISHED_AT, finished)
                .where(JIRA_SYNC_PASS.NAME.eq(name))
                .and(JIRA_SYNC_PASS.STARTED_AT.le(started))
                .execute();
        if (updated == 0) {
            dsl.insertInto(JIRA_SYNC_PASS)
                    .set(JIRA_SYNC_PASS.NAME, name)
                    .set(JIRA_SYNC_PASS.STARTED_AT, started)
                    .set(JIRA_SYNC_PASS.FINISHED_AT, finished)
                    .onDuplicateKeyIgnore()
                    .execute();
        }
    }
}
