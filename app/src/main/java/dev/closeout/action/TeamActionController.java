package dev.closeout.action;

import dev.closeout.team.TeamKeys;
import dev.closeout.security.Caller;
import dev.closeout.security.Roles;
import dev.closeout.security.TeamScoped;
import dev.closeout.web.Page;
import dev.closeout.web.ProblemResponses;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** One team's follow-ups: {@code GET /api/actions} with the team fixed by the path. */
@Controller("/api/teams/{key}/actions")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.READER)
@TeamScoped
@Tag(name = "actions")
// any operation answers 400 to a query parameter it does not take (UnknownQueryParameterFilter)
@ProblemResponses.BadRequest
class TeamActionController {

    private final ActionLists lists;
    private final TeamKeys teamKeys;

    TeamActionController(ActionLists lists, TeamKeys teamKeys) {
        this.lists = lists;
        this.teamKeys = teamKeys;
    }

    @Operation(operationId = "listTeamActions", summary = "List one team's follow-ups",
            description = "GET /api/actions with the team given by the path (and `team` refused as a parameter). "
                    + "Another team is not found by a token scoped to a team.")
    @ProblemResponses.Unauthenticated
    @ProblemResponses.NotFound
    @ProblemResponses.Unavailable
    @Get
    @ReadOnly // the team's key and the page in one transaction
    Page<ActionItemResponse> list(String key, @RequestBean ActionListParams params, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        // another team is not found by a scoped token, as if it did not exist
        long teamId = teamKeys.idOf(key).filter(caller::reaches).orElseThrow(() ->
                new HttpStatusException(HttpStatus.NOT_FOUND, "no team with key '" + key + "'"));
        if (params.team() != null) {
            throw InvalidRequest.of("team", "the team is already in the path");
        }
        return lists.page(params, teamId, caller);
    }
}
