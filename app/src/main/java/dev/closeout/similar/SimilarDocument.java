package dev.closeout.similar;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Locale;

/**
 * What the similar-incidents index knows of a postmortem: the texts compared (its root-cause summary and its
 * follow-ups' texts) and the facts matched exactly (service, root-cause component and trigger).
 */
record SimilarDocument(long id, @Nullable String service, @Nullable String component, @Nullable String trigger,
                       @Nullable String cause, List<String> followUps) {

    SimilarDocument {
        followUps = List.copyOf(followUps);
        service = service == null || service.isBlank() ? null : service.strip().toLowerCase(Locale.ROOT);
        cause = cause == null || cause.isBlank() ? null : cause;
    }

    /** The follow-ups' texts as one text, one line each. */
    @Nullable String followUpText() {
        return followUps.isEmpty() ? null : String.join("\n", followUps);
    }
}
