package dev.closeout.action;

import io.micronaut.core.annotation.Nullable;

/**
 * A follow-up was created ({@code before} null) or changed, published inside the transaction that wrote
 * it: a listener's writes (the Jira outbox) commit or roll back with the change.
 *
 * @param before the follow-up before, or null when it was just created
 * @param after  the follow-up as stored
 * @param actor  who made the change ({@code token:<name>}, {@code import}, {@code jira}...)
 */
public record ActionChanged(@Nullable ActionItem before, ActionItem after, String actor) {

    /** True for a follow-up just created. */
    public boolean created() {
        return before == null;
    }
}
