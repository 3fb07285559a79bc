package dev.closeout.team;

import dev.closeout.jira.CustomFieldTemplate;
import dev.closeout.jira.JiraMappings;
import dev.closeout.jira.TeamJira;
import dev.closeout.jira.TeamJiraSettings;
import dev.closeout.notify.TeamNotify;
import dev.closeout.notify.TeamNotifySettings;
import dev.closeout.security.Caller;
import dev.closeout.security.Roles;
import dev.closeout.security.TeamScoped;
import dev.closeout.web.Cursor;
import dev.closeout.web.Page;
import dev.closeout.web.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Teams: anyone with a token reads them (a team-scoped token its own team only), admins not scoped to a team
 * create and change them.
 */
@Controller("/api/teams")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.READER)
@Tag(name = "teams")
// any operation answers 400 to a query parameter it does not take (UnknownQueryParameterFilter)
@ProblemResponses.BadRequest
@ProblemResponses.Unauthenticated
@ProblemResponses.Unavailable
class TeamController {

    /**
     * How many follow-ups without a team a creation or change gave the team for its services ({@link ServiceClaims}),
     * in a header so the body stays the team as {@code GET} shows it.
     */
    static final String FOLLOW_UPS_ASSIGNED = "Closeout-Follow-Ups-Assigned";

    private final Teams teams;
    private final TeamQueries queries;
    private final DuePolicy globalPolicy;
    private final TeamJiraSettings jira;
    private final JiraMappings mappings;
    private final CustomFieldTemplate templates;
    private final TeamNotifySettings notify;

    TeamController(Teams teams, TeamQueries queries, DuePolicyConfiguration policy, TeamJiraSettings jira,
                   JiraMappings mappings, CustomFieldTemplate templates, TeamNotifySettings notify) {
        this.teams = teams;
        this.queries = queries;
        this.globalPolicy = policy.policy();
        this.jira = jira;
        this.mappings = mappings;
        this.templates = templates;
        this.notify = notify;
    }

    @Operation(operationId = "createTeam", summary = "Create a team",
            description = "An admin scoped to no team creates a team with its key, name, services, Jira project, "
                    + "due policy, Jira settings and notification settings (time zone, e-mail, Slack and generic "
                    + "webhooks, escalation contact, members' addresses, reminder offsets). Webhook URLs are answered "
                    + "redacted (`scheme://host/…`). 409 when the key exists or a service is another team's.")
    @ApiResponse(responseCode = "201", description = "The team; Location is its URL.",
            content = @Content(schema = @Schema(implementation = TeamResponse.class)))
    @ProblemResponses.Forbidden
    @ProblemResponses.Conflict
    @ProblemResponses.TooLarge
    @ProblemResponses.UnsupportedMediaType
    @Post
    @Secured(Roles.ADMIN)
    HttpResponse<TeamResponse> create(@Body CreateTeamRequest request, Authentication authentication) {
        TeamSaved created;
        try {
            created = validating(() -> teams.create(request, Caller.of(authentication).actor()));
        } catch (DataAccessException e) {
            // a concurrent request created the same key between the check and the insert
            if (request.key() != null && queries.findByKey(request.key()).isPresent()) {
                throw new HttpStatusException(HttpStatus.CONFLICT, "key: a team with key '" + request.key() + "' exists");
            }
            throw e;
        }
        TeamResponse body = view(created.profile());
        return HttpResponse.created(body).headers(headers -> headers.location(URI.create("/api/teams/" + body.key()))
                .add(FOLLOW_UPS_ASSIGNED, Integer.toString(created.followUpsAssigned())));
    }

    /** Every team; a team-scoped token's own only. */
    @Operation(operationId = "listTeams", summary = "List the teams")
    @Get
    @TeamScoped
    Page<TeamResponse> list(@QueryValue @Nullable Integer limit, @QueryValue @Nullable String cursor,
                            Authentication authentication) {
        int pageSize = Cursor.limit(limit);
        List<TeamProfile> found = queries.find(Cursor.decode(cursor), pageSize + 1,
                Caller.of(authentication).teamId());
        // the page's Jira and notification settings in one query each rather than one per team
        List<Long> ids = found.stream().map(profile -> profile.team().id()).toList();
        Map<Long, TeamJira> settings = jira.find(ids);
        Map<Long, TeamNotify> notifications = notify.findAll(ids);
        return Page.of(found, pageSize, profile -> profile.team().id(), profile -> view(profile,
                settings.getOrDefault(profile.team().id(), TeamJira.none(profile.team().id())),
                notifications.getOrDefault(profile.team().id(), TeamNotify.none(profile.team().id()))));
    }

    /** The team; another team is not found by a scoped token, as if it did not exist. */
    @Operation(operationId = "getTeam", summary = "Get a team")
    @ProblemResponses.NotFound
    @Get("/{key}")
    @TeamScoped
    TeamResponse get(String key, Authentication authentication) {
        TeamProfile team = teams.find(key);
        if (!Caller.of(authentication).reaches(team.team().id())) {
            throw Teams.notFound(key);
        }
        return view(team);
    }

    @Operation(operationId = "updateTeam", summary = "Change a team",
            description = "An admin scoped to no team changes a team's name, services, Jira project, due policy, "
                    + "Jira settings or notification settings; fields left out stay as they are, null clears one. A "
                    + "webhook URL sent as the team shows it (redacted, `scheme://host/…`) keeps the one stored. 409 "
                    + "when a service is another team's.")
    @ProblemResponses.Forbidden
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @ProblemResponses.TooLarge
    @ProblemResponses.UnsupportedMediaType
    @Patch("/{key}")
    @Secured(Roles.ADMIN)
    HttpResponse<TeamResponse> update(String key, @Body JsonNode body, Authentication authentication) {
        TeamSaved changed = validating(() -> teams.update(key, TeamPatch.from(body), Caller.of(authentication).actor()));
        return HttpResponse.ok(view(changed.profile()))
                .header(FOLLOW_UPS_ASSIGNED, Integer.toString(changed.followUpsAssigned()));
    }

    private TeamResponse view(TeamProfile profile) {
        return view(profile, jira.find(profile.team().id()), notify.find(profile.team().id()));
    }

    private TeamResponse view(TeamProfile profile, TeamJira settings, TeamNotify notifications) {
        Team team = profile.team();
        return TeamResponse.of(profile, globalPolicy, settings, EffectiveJira.of(
                mappings.merged(team.teamKey(), team.jiraProject(), settings), templates), templates,
                notifications, notify.timeZone(notifications), notify.reminderOffsets(notifications));
    }

    /** Runs {@code change}, answering 400 with the message when it breaks a rule. */
    private static TeamSaved validating(Supplier<TeamSaved> change) {
        try {
            return change.get();
        } catch (IllegalArgumentException e) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }
}
