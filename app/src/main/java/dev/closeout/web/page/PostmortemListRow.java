package dev.closeout.web.page;

import dev.closeout.postmortem.PostmortemSummary;
import io.micronaut.core.annotation.Nullable;

/**
 * A postmortem as the list shows it: {@code incidentDate} is the day its incident started as written (null when
 * the text gave no start), and the counts are the API's, read with the page in one statement.
 */
public record PostmortemListRow(long id, String title, @Nullable String incidentDate, @Nullable String service,
                         @Nullable String component, @Nullable String trigger, int openFollowUps,
                         int followUps) {

    static PostmortemListRow of(PostmortemSummary summary) {
        String start = summary.incident().start();
        return new PostmortemListRow(summary.id(), PostmortemTitles.of(summary.title(), summary.id()),
                start == null ? null : start.substring(0, Math.min(start.length(), 10)), summary.service(),
                summary.rootCause().component(), summary.rootCause().trigger(), summary.openActionCount(),
                summary.actionCount());
    }
}
