package dev.closeout.postmortem;

import dev.closeout.action.ActionItem;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/**
 * A postmortem after import, its follow-ups, what the import did, and for a re-import of a changed
 * source text what happened to the follow-ups. {@code teamKeys} holds the keys of the follow-ups' teams the
 * import read anyway (a new postmortem's team), so answering it need not read them again.
 */
public record ImportResult(Postmortem postmortem, List<ActionItem> actions, ImportOutcome outcome,
                           @Nullable ReimportSummary reimport, Map<Long, String> teamKeys) {

    /** A result whose follow-ups' team keys are to be looked up when shown. */
    public ImportResult(Postmortem postmortem, List<ActionItem> actions, ImportOutcome outcome,
                        @Nullable ReimportSummary reimport) {
        this(postmortem, actions, outcome, reimport, Map.of());
    }

    /** This result as a caller scoped to {@code scopeTeamId} (null: no team) sees it: its team's follow-ups only. */
    ImportResult seenBy(@Nullable Long scopeTeamId) {
        return scopeTeamId == null ? this : new ImportResult(postmortem,
                actions.stream().filter(action -> scopeTeamId.equals(action.teamId())).toList(), outcome, reimport,
                teamKeys);
    }

    /** Whether this import stored the postmortem for the first time. */
    public boolean created() {
        return outcome == ImportOutcome.IMPORTED;
    }
}
