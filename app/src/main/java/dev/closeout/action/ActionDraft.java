package dev.closeout.action;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/**
 * A follow-up as a person writes it down when the extraction missed it, checked: a text and a kind, and what else
 * they know of it. What they leave out, the team's defaults fill in ({@link ActionItem#addedByPerson}).
 *
 * @param sourceLine the line of the postmortem's text it is written on (1-based), if they say
 */
public record ActionDraft(
        String text,
        String kind,
        @Nullable String owner,
        @Nullable LocalDate due,
        @Nullable String priority,
        @Nullable String ticket,
        @Nullable Integer sourceLine) {
}
