package dev.closeout.postmortem;

import dev.closeout.action.ActionItem;

import java.util.List;

/** A postmortem after import, its follow-ups, and whether this import stored it for the first time. */
public record ImportResult(Postmortem postmortem, List<ActionItem> actions, boolean created) {
}
