package dev.closeout.postmortem;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What a re-import of a changed source text did to the postmortem's follow-ups.
 *
 * @param added   actions new in the text, created open
 * @param updated stored actions whose text, kind, group, ticket, priority or due date changed in the
 *                text, or that reappeared after being removed from it
 * @param removed stored actions no longer in the text, now flagged {@code removed_from_source}
 * @param kept    stored actions found again unchanged, a person's addition the text now has among them (it keeps
 *                what the person wrote)
 */
@Serdeable
public record ReimportSummary(int added, int updated, int removed, int kept) {
}
