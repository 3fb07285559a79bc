package dev.closeout.action;

import dev.closeout.security.Caller;
import dev.closeout.team.TeamKeys;
import dev.closeout.web.Cursor;
import dev.closeout.web.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One page of follow-ups for the list endpoints and the follow-ups page, from their query parameters. */
@Singleton
public class ActionLists {

    /** No team has this id: a filter on it matches nothing. */
    private static final long NO_TEAM = 0;

    private final ActionQueries queries;
    private final ActionViews views;
    private final TeamKeys teamKeys;
    private final Clock clock;

    ActionLists(ActionQueries queries, ActionViews views, TeamKeys teamKeys, Clock clock) {
        this.queries = queries;
        this.views = views;
        this.teamKeys = teamKeys;
        this.clock = clock;
    }

    /** The page {@code params} ask for, the team by its key in {@code team}. */
    @ReadOnly // the team's key and the page in one transaction
    public Page<ActionItemResponse> page(ActionListParams params, Caller caller) {
        return page(params, teamOf(params, caller), caller);
    }

    /** The id of the team the {@code team} parameter names, null when it names none. */
    @Nullable Long teamOf(ActionListParams params, Caller caller) {
        return params.team() == null ? null : teamKeys.idOf(params.team())
                // a scoped token gets the same empty list for a team that exists and one that does not
                .or(() -> caller.teamId() == null ? Optional.empty() : Optional.of(NO_TEAM))
                .orElseThrow(() -> InvalidRequest.of("team", "no team with key '" + params.team() + "'"));
    }

    /** The page {@code params} ask for, of team {@code teamId} when not null (from the path or the parameter). */
    Page<ActionItemResponse> page(ActionListParams params, @Nullable Long teamId, Caller caller) {
        int limit = Cursor.limit(params.limit());
        ActionSort sort = params.order();
        ActionFilter filter = new ActionFilter(params.statuses(), teamId, params.ownerName(), params.overdueFlag(),
                params.dueBeforeDate(), params.kindName(), params.componentName(), params.triggerName(),
                params.postmortemId(), params.text(), caller.teamId());
        List<ActionQueries.Listed> rows;
        try {
            rows = queries.find(filter, LocalDate.now(clock), sort, Cursor.decode(params.cursor(), sort.wireName()),
                    limit + 1);
        } catch (DateTimeException e) {
            throw InvalidRequest.of("cursor", "'" + params.cursor() + "' is not a cursor from a previous page's 'next'");
        }
        // the extra row asked for only tells that another page exists
        boolean more = rows.size() > limit;
        List<ActionQueries.Listed> shown = more ? rows.subList(0, limit) : rows;
        ActionItem last = more ? shown.get(shown.size() - 1).action() : null;
        String next = last == null ? null
                : Cursor.encode(new Cursor.Key(sort.wireName(), sort.valueOf(last), last.id()));
        Map<Long, String> teamKeys = new HashMap<>();
        shown.stream().filter(row -> row.teamKey() != null)
                .forEach(row -> teamKeys.put(row.action().teamId(), row.teamKey()));
        return new Page<>(views.of(shown.stream().map(ActionQueries.Listed::action).toList(), teamKeys), next);
    }
}
