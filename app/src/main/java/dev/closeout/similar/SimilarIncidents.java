package dev.closeout.similar;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;

/** The answer of {@code GET /api/postmortems/{id}/similar}: the postmortems most alike, best first. */
@Serdeable
public record SimilarIncidents(List<Item> items) {

    /**
     * One alike postmortem.
     *
     * @param score          how alike, from 0 (nothing in common) to 1 (as alike as the postmortem is to itself)
     * @param sameComponent  its root cause has the same component
     * @param sameTrigger    its root cause has the same trigger
     */
    @Serdeable
    public record Item(PostmortemRef postmortem, double score, boolean sameComponent, boolean sameTrigger) {
    }

    /** The postmortem as a list shows it: its incident date is its incident start's, else its import's. */
    @Serdeable
    public record PostmortemRef(long id, @Nullable String title, LocalDate incidentDate, @Nullable String service) {
    }
}
