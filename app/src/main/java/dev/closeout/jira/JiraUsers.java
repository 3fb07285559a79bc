package dev.closeout.jira;

import dev.closeout.integrations.tracker.IssueTracker;
import dev.closeout.integrations.tracker.TrackerUser;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import static dev.closeout.db.jooq.Tables.JIRA_USER;

/**
 * Owners and Jira users: an owner's e-mail is looked up once (table {@code jira_user}) and the answer kept,
 * a miss for a day, a hit for a month, so a person who joins or leaves Jira is noticed.
 */
@Singleton
public class JiraUsers {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Duration KEEP_HIT = Duration.ofDays(30);
    private static final Duration KEEP_MISS = Duration.ofDays(1);

    private final DSLContext dsl;
    private final Clock clock;

    JiraUsers(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /**
     * The Jira user to assign a follow-up of this owner to; empty when the owner is not an e-mail address
     * or no single active Jira user has it.
     */
    @Transactional
    public Optional<String> userIdOf(@Nullable String owner, IssueTracker tracker) {
        if (owner == null || !EMAIL.matcher(owner.strip()).matches()) {
            return Optional.empty();
        }
        String email = owner.strip().toLowerCase(Locale.ROOT);
        LocalDateTime now = LocalDateTime.now(clock);
        var cached = dsl.selectFrom(JIRA_USER).where(JIRA_USER.EMAIL.eq(email)).fetchOptional();
        if (cached.isPresent()) {
            Duration keep = cached.get().getAccountId() == null ? KEEP_MISS : KEEP_HIT;
            if (cached.get().getResolvedAt().plus(keep).isAfter(now)) {
                return Optional.ofNullable(cached.get().getAccountId());
            }
        }
        Optional<TrackerUser> user = tracker.userByEmail(email);
        // update, else insert: jOOQ's upsert renders MySQL 8's "AS excluded", which MariaDB refuses
        String accountId = user.map(TrackerUser::id).orElse(null);
        String displayName = user.map(TrackerUser::displayName).orElse(null);
        int updated = dsl.update(JIRA_USER)
                .set(JIRA_USER.ACCOUNT_ID, accountId)
                .set(JIRA_USER.DISPLAY_NAME, displayName)
                .set(JIRA_USER.RESOLVED_AT, now)
                .where(JIRA_USER.EMAIL.eq(email))
                .execute();
        if (updated == 0) {
            dsl.insertInto(JIRA_USER)
                    .set(JIRA_USER.EMAIL, email)
                    .set(JIRA_USER.ACCOUNT_ID, accountId)
                    .set(JIRA_USER.DISPLAY_NAME, displayName)
                    .set(JIRA_USER.RESOLVED_AT, now)
                    .onDuplicateKeyIgnore()
                    .execute();
        }
        return user.map(TrackerUser::id);
    }

    /**
     * The owner a Jira assignee stands for: their e-mail when Jira shows it or Closeout looked it up before,
     * else their display name.
     */
    @ReadOnly
    public String ownerOf(TrackerUser assignee) {
        if (assignee.email() != null && !assignee.email().isBlank()) {
            return assignee.email().strip().toLowerCase(Locale.ROOT);
        }
        return dsl.select(JIRA_USER.EMAIL).from(JIRA_USER).where(JIRA_USER.ACCOUNT_ID.eq(assignee.id()))
                .limit(1).fetchOptional(JIRA_USER.EMAIL)
                .orElse(assignee.displayName() != null ? assignee.displayName() : assignee.id());
    }
}
