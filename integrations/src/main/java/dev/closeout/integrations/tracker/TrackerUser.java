package dev.closeout.integrations.tracker;

/**
 * A person in the tracker. {@code id} is what assigns to them: the accountId on Jira Cloud, the
 * username on Jira Data Center. E-mail may be null where the person hides it.
 */
public record TrackerUser(String id, String displayName, String email) {
}
