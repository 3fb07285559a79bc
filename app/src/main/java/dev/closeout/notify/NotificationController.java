package dev.closeout.notify;

import dev.closeout.security.Caller;
import dev.closeout.security.Roles;
import dev.closeout.security.TeamScoped;
import dev.closeout.team.TeamKeys;
import dev.closeout.web.Cursor;
import dev.closeout.web.Page;
import dev.closeout.web.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** What was sent, is to be sent, failed or was skipped, and why (docs/notifications.md, "What was sent"). */
@Controller("/api/notifications")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.READER)
@TeamScoped
@Tag(name = "notifications")
@ProblemResponses.BadRequest
@ProblemResponses.Unauthenticated
@ProblemResponses.Forbidden
@ProblemResponses.Unavailable
class NotificationController {

    private final Notifications notifications;
    private final TeamKeys teamKeys;

    NotificationController(Notifications notifications, TeamKeys teamKeys) {
        this.notifications = notifications;
        this.teamKeys = teamKeys;
    }

    @Operation(operationId = "listNotifications", summary = "List notifications, newest first",
            description = "Reminders, escalations and digests with their state (pending, sent, failed, skipped), "
                    + "attempts and reason. A team-scoped token sees its own team's only; another team's key is 403.")
    @Get
    Page<NotificationResponse> list(@Parameter(description = "a follow-up's id") @QueryValue @Nullable Long action,
                                    @Parameter(description = "a team's key") @QueryValue @Nullable String team,
                                    @Parameter(description = "pending, sent, failed or skipped")
                                    @QueryValue @Nullable String state,
                                    @Parameter(description = "reminder, escalation or digest")
                                    @QueryValue @Nullable String kind,
                                    @QueryValue @Nullable Integer limit, @QueryValue @Nullable String cursor,
                                    Authentication authentication) {
        Caller caller = Caller.of(authentication);
        List<Long> teams = teams(team, caller);
        int pageSize = Cursor.limit(limit);
        List<Notification> rows = notifications.list(action, teams, parse("state", state, NotificationState.class),
                parse("kind", kind, NotificationKind.class), Cursor.decode(cursor), pageSize);
        Map<Long, String> keys = teamKeys.keysOf(rows.stream().map(Notification::teamId)
                .filter(Objects::nonNull).distinct().toList());
        return Page.of(rows, pageSize, Notification::id,
                row -> NotificationResponse.of(row, row.teamId() == null ? null : keys.get(row.teamId())));
    }

    /** The teams whose rows the caller may see and asked for; null: every row. */
    private @Nullable List<Long> teams(@Nullable String team, Caller caller) {
        if (team == null) {
            return caller.teamId() == null ? null : List.of(caller.teamId());
        }
        Long id = teamKeys.idOf(team).orElse(null);
        if (caller.teamId() != null && !caller.teamId().equals(id)) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "team: this token is scoped to another team");
        }
        if (id == null) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "team: no team has the key '" + team + "'");
        }
        return List.of(id);
    }

    private static <E extends Enum<E>> @Nullable E parse(String field, @Nullable String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, field + ": must be one of " + Arrays
                    .stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", ")) + ", was '" + value + "'");
        }
    }
}
