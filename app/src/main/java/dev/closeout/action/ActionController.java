package dev.closeout.action;

import dev.closeout.security.Roles;
import dev.closeout.web.Cursor;
import dev.closeout.web.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import java.time.Clock;
import java.time.LocalDate;

@Controller("/api/actions")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.READER)
class ActionController {

    private final ActionQueries queries;
    private final Clock clock;

    ActionController(ActionQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @Get
    Page<ActionItemResponse> list(@QueryValue @Nullable String status,
                                  @QueryValue @Nullable Integer limit,
                                  @QueryValue @Nullable String cursor) {
        int pageSize = Cursor.limit(limit);
        ActionFilter filter = new ActionFilter(status == null ? null : parseStatus(status));
        LocalDate today = LocalDate.now(clock);
        return Page.of(queries.find(filter, Cursor.decode(cursor), pageSize + 1), pageSize,
                ActionItem::id, action -> ActionItemResponse.of(action, today));
    }

    private static ActionStatus parseStatus(String status) {
        try {
            return ActionStatus.fromWireName(status);
        } catch (IllegalArgumentException e) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "status: " + e.getMessage());
        }
    }
}
