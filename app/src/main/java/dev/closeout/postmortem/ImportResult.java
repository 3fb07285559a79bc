package dev.closeout.postmortem;

import dev.closeout.action.ActionItem;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * A postmortem after import, its follow-ups, what the import did, and for a re-import of a changed
 * source text what happened to the follow-ups.
 */
public record ImportResult(Postmortem postmortem, List<ActionItem> actions, ImportOutcome outcome,
                           @Nullable ReimportSummary reimport) {

    /** This result as a caller scoped to {@code scopeTeamId} (null: no team) sees it: its team's follow-ups only. */
    ImportResult seenBy(@Nullable Long scopeTeamId) {
        return scopeTeamId == null ? this : new ImportResult(postmortem,
                actions.stream().filter(action -> scopeTeamId.equals(action.teamId())).toList(), outcome, reimport);
    }

    /** Whether this import stored the postmortem for the first time. */
    public boolean created() {
        return outcome == ImportOutcome.IMPORTED;
    }
}
