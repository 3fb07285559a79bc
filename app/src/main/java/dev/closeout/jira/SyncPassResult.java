package dev.closeout.jira;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What one pass of the sync worker did.
 *
 * @param claimed  tickets taken from the queue
 * @param created  tickets created in Jira
 * @param linked   existing tickets linked (named in the postmortem, or found again after an unknown outcome)
 * @param pushed   tickets that got a change made in Closeout
 * @param failed   tickets that failed for good (until the configuration or the follow-up changes)
 * @param retrying tickets left for a later pass after a passing failure
 */
@Serdeable
public record SyncPassResult(int claimed, int created, int linked, int pushed, int failed, int retrying) {

    static final SyncPassResult NONE = new SyncPassResult(0, 0, 0, 0, 0, 0);

    SyncPassResult plus(SyncPassResult other) {
        return new SyncPassResult(claimed + other.claimed, created + other.created, linked + other.linked,
                pushed + other.pushed, failed + other.failed, retrying + other.retrying);
    }
}
