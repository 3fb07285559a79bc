package dev.closeout.support;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.sql.Connection;

import static dev.closeout.db.jooq.Tables.ACTION_EVENT;
import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static dev.closeout.db.jooq.Tables.API_TOKEN;
import static dev.closeout.db.jooq.Tables.BACKLOG_DAY;
import static dev.closeout.db.jooq.Tables.JIRA_SYNC_PASS;
import static dev.closeout.db.jooq.Tables.JIRA_TICKET;
import static dev.closeout.db.jooq.Tables.JIRA_USER;
import static dev.closeout.db.jooq.Tables.NOTIFICATION;
import static dev.closeout.db.jooq.Tables.JIRA_WEBHOOK_DELIVERY;
import static dev.closeout.db.jooq.Tables.POSTMORTEM;
import static dev.closeout.db.jooq.Tables.TEAM;
import static dev.closeout.db.jooq.Tables.TEAM_DUE_PRIORITY;
import static dev.closeout.db.jooq.Tables.TEAM_JIRA;
import static dev.closeout.db.jooq.Tables.TEAM_SERVICE;
import static dev.closeout.db.jooq.Tables.WEB_SESSION_END;

/** Empties every table between tests, children first so foreign keys hold. */
@Singleton
public class DatabaseCleaner {

    private final DSLContext dsl;
    private final TransactionOperations<Connection> transactions;

    DatabaseCleaner(DSLContext dsl, TransactionOperations<Connection> transactions) {
        this.dsl = dsl;
        this.transactions = transactions;
    }

    public void clean() {
        transactions.executeWrite(status -> {
            dsl.deleteFrom(NOTIFICATION).execute();
            dsl.deleteFrom(BACKLOG_DAY).execute();
            dsl.deleteFrom(JIRA_TICKET).execute();
            dsl.deleteFrom(JIRA_WEBHOOK_DELIVERY).execute();
            dsl.deleteFrom(JIRA_USER).execute();
            dsl.deleteFrom(JIRA_SYNC_PASS).execute();
            dsl.deleteFrom(ACTION_EVENT).execute();
            dsl.deleteFrom(ACTION_ITEM).execute();
            dsl.deleteFrom(POSTMORTEM).execute();
            dsl.deleteFrom(API_TOKEN).execute();
            dsl.deleteFrom(TEAM_SERVICE).execute();
            dsl.deleteFrom(TEAM_DUE_PRIORITY).execute();
            dsl.deleteFrom(TEAM_JIRA).execute();
            dsl.deleteFrom(TEAM).execute();
            dsl.deleteFrom(WEB_SESSION_END).execute();
            return null;
        });
    }
}
