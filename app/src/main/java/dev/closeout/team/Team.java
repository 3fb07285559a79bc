package dev.closeout.team;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;
import java.util.regex.Pattern;

/**
 * A team: who follow-ups go to. Its key names it in URLs and tokens and never changes; its default owner
 * takes the follow-ups nobody was named for; its days override the global due-date policy's (null
 * inherits). Its services and per-priority days are rows of their own. Times are UTC.
 */
@MappedEntity("team")
public record Team(
        @Id @GeneratedValue @Nullable Long id,
        String teamKey,
        String name,
        @Nullable String defaultOwner,
        @Nullable String jiraProject,
        @Nullable Integer correctiveDays,
        @Nullable Integer preventativeDays,
        LocalDateTime createdAt,
        LocalDateTime updatedAt) {

    static final Pattern KEY = Pattern.compile("^[a-z0-9][a-z0-9-]{0,63}$");
    // Jira's own rule for project keys: an upper-case letter, then upper-case letters, digits or '_'
    static final Pattern JIRA_PROJECT = Pattern.compile("^[A-Z][A-Z0-9_]{1,63}$");
    static final int MAX_NAME = 200;

    /** A new team; throws {@link IllegalArgumentException} naming the field that breaks a rule. */
    public static Team create(@Nullable String key, @Nullable String name, @Nullable String defaultOwner,
                              @Nullable String jiraProject, DuePolicy policy, LocalDateTime now) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("key: must match " + KEY.pattern()
                    + " (lower-case letters, digits and '-', at most 64), was " + quoted(key));
        }
        return new Team(null, key, name, defaultOwner, jiraProject, policy.correctiveDays(),
                policy.preventativeDays(), now, now).validated();
    }

    /** This team with new values; the key stays. Throws {@link IllegalArgumentException} like {@link #create}. */
    public Team changed(@Nullable String name, @Nullable String defaultOwner, @Nullable String jiraProject,
                        @Nullable Integer correctiveDays, @Nullable Integer preventativeDays, LocalDateTime now) {
        return new Team(id, teamKey, name, defaultOwner, jiraProject, correctiveDays, preventativeDays,
                createdAt, now).validated();
    }

    private Team validated() {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("name: must be 1 to " + MAX_NAME + " characters");
        }
        if (defaultOwner != null && (defaultOwner.isBlank() || defaultOwner.length() > MAX_NAME)) {
            throw new IllegalArgumentException("default_owner: must be 1 to " + MAX_NAME + " characters, or null");
        }
        if (jiraProject != null && !JIRA_PROJECT.matcher(jiraProject).matches()) {
            throw new IllegalArgumentException("jira_project: must be a Jira project key matching "
                    + JIRA_PROJECT.pattern() + ", was " + quoted(jiraProject));
        }
        return new Team(id, teamKey, name.strip(), defaultOwner == null ? null : defaultOwner.strip(), jiraProject,
                correctiveDays, preventativeDays, createdAt, updatedAt);
    }

    private static String quoted(@Nullable String value) {
        return value == null ? "null" : "'" + value + "'";
    }
}
