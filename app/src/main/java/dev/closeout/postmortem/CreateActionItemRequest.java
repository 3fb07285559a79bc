package dev.closeout.postmortem;

import dev.closeout.action.ActionDraft;
import dev.closeout.action.ActionItem;
import dev.closeout.action.InvalidRequest;
import dev.closeout.storage.Columns;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * {@code POST /api/postmortems/{id}/actions}: a follow-up the extraction missed, as a person writes it down. A
 * text and a kind are required; owner, due date, priority and ticket are what the postmortem (or the person)
 * says, and what is left out the team's defaults fill in as for an extracted follow-up; {@code sourceLine} is the
 * line of the postmortem it is written on, when it is written there.
 */
@Serdeable
public record CreateActionItemRequest(
        @Nullable String text,
        @Nullable String kind,
        @Nullable String owner,
        @Nullable String due,
        @Nullable String priority,
        @Nullable String ticket,
        @Nullable Integer sourceLine) {

    /** The follow-up {@code request} describes, checked: 400 naming the first field that is wrong. */
    static ActionDraft draftOf(@Nullable CreateActionItemRequest request) {
        if (request == null) {
            throw InvalidRequest.of("body", "required: a JSON object with text, kind and any of owner, due, "
                    + "priority, ticket, source_line");
        }
        return request.draft();
    }

    private ActionDraft draft() {
        String checkedText = required("text", text, Columns.ACTION_TEXT);
        String checkedKind = required("kind", kind, Columns.NAME);
        if (!ActionItem.KINDS.contains(checkedKind)) {
            throw InvalidRequest.of("kind", "must be corrective or preventative, was '" + checkedKind + "'");
        }
        if (sourceLine != null && sourceLine < 1) {
            throw InvalidRequest.of("source_line", "must be a line of the postmortem, 1 or more");
        }
        return new ActionDraft(checkedText, checkedKind, optional("owner", owner, Columns.NAME), dueDate(),
                optional("priority", priority, Columns.PRIORITY), optional("ticket", ticket, Columns.TICKET),
                sourceLine);
    }

    private @Nullable LocalDate dueDate() {
        if (due == null) {
            return null;
        }
        try {
            return LocalDate.parse(due.strip());
        } catch (DateTimeParseException e) {
            throw InvalidRequest.of("due", "must be a date YYYY-MM-DD or null, was '" + due + "'");
        }
    }

    private static String required(String field, @Nullable String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw InvalidRequest.of(field, "required, a non-blank string");
        }
        return optional(field, value, maxLength);
    }

    private static @Nullable String optional(String field, @Nullable String value, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw InvalidRequest.of(field, "must not be blank; leave it out or null when there is none");
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw InvalidRequest.of(field, "must be at most " + maxLength + " characters");
        }
        return stripped;
    }
}
