package dev.closeout.security;

import dev.closeout.team.TeamKeys;
import dev.closeout.web.Cursor;
import dev.closeout.web.Page;
import dev.closeout.web.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Token management, for admins. A token's secret is in the answer to its creation and nowhere else. */
@Controller("/api/tokens")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.ADMIN)
@Tag(name = "tokens")
// any operation answers 400 to a query parameter it does not take (UnknownQueryParameterFilter)
@ProblemResponses.BadRequest
@ProblemResponses.Unauthenticated
@ProblemResponses.Forbidden
@ProblemResponses.Unavailable
class TokenController {

    private final ApiTokens tokens;
    private final TeamKeys teamKeys;

    TokenController(ApiTokens tokens, TeamKeys teamKeys) {
        this.tokens = tokens;
        this.teamKeys = teamKeys;
    }

    @Operation(operationId = "createToken", summary = "Issue an API token",
            description = "A token with a role (reader, editor or admin), scoped to one team (`team`, its key) or to "
                    + "none. Its secret is in this answer and nowhere else.")
    @ApiResponse(responseCode = "201", description = "The token with its secret; Location is its URL.",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @ProblemResponses.TooLarge
    @ProblemResponses.UnsupportedMediaType
    @Post
    HttpResponse<TokenResponse> create(@Body @Valid CreateTokenRequest request) {
        Role role;
        try {
            role = Role.fromWireName(request.role());
        } catch (IllegalArgumentException e) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "role: " + e.getMessage());
        }
        ApiTokens.Issued issued;
        try {
            issued = tokens.issue(request.name(), role, request.team());
        } catch (IllegalArgumentException e) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        return HttpResponse.<TokenResponse>created(TokenResponse.of(issued.stored(), request.team(), issued.token()))
                .headers(headers -> headers.location(URI.create("/api/tokens/" + issued.stored().id())));
    }

    @Operation(operationId = "listTokens", summary = "List the API tokens",
            description = "Every token, oldest first, a page at a time; without their secrets.")
    @Get
    Page<TokenResponse> list(@QueryValue @Nullable Integer limit, @QueryValue @Nullable String cursor) {
        int pageSize = Cursor.limit(limit);
        Long after = Cursor.decode(cursor);
        List<ApiToken> page = tokens.list(after == null ? 0 : after, pageSize + 1);
        // one query for the page's team keys, not one per token
        Map<Long, String> keys = teamKeys.keysOf(page.stream().map(ApiToken::teamId).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        return Page.of(page, pageSize, ApiToken::id, token ->
                TokenResponse.of(token, token.teamId() == null ? null : keys.get(token.teamId()), null));
    }

    @Operation(operationId = "revokeToken", summary = "Revoke an API token",
            description = "The token is refused from now on, on every instance within the token cache's lifetime.")
    @ApiResponse(responseCode = "204", description = "Revoked.")
    @ProblemResponses.NotFound
    @Delete("/{id}")
    HttpResponse<Void> revoke(long id) {
        if (!tokens.revoke(id)) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "no token with id " + id);
        }
        return HttpResponse.noContent();
    }
}
