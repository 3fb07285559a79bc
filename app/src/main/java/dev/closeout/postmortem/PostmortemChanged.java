package dev.closeout.postmortem;

import dev.closeout.action.ActionItem;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * A postmortem was stored: imported, re-imported or corrected. Published inside the transaction that wrote
 * it; listeners that act on the committed state (the similar-incidents index) listen after the commit.
 *
 * @param postmortem the postmortem as stored
 * @param followUps  its follow-ups as stored, or null when the change did not touch them (a correction)
 */
public record PostmortemChanged(Postmortem postmortem, @Nullable List<ActionItem> followUps) {
}
