package dev.closeout.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error answers of the API as OpenAPI responses, one annotation per status, each a {@link Problem} in
 * {@code application/problem+json} (what {@link ProblemBodyProvider} writes). A controller method (or class) lists
 * the ones it really answers, so the document at {@code /swagger/closeout-0.1.yml} says which errors a client must
 * handle; {@code DocumentedStatusesExtension} fails a test that sees a status its operation does not list. The
 * descriptions are generic: the operation's own description says what a 409 or a 400 means there.
 */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    /** A parameter or the body is malformed or breaks a rule, or an unknown query parameter; {@code detail} names it. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @ApiResponse(responseCode = "400", description = "A parameter or the body is malformed or breaks a rule, or the "
            + "query has a parameter the operation does not take; `detail` names the field (and "
            + "`unknown_parameters` / `accepted_parameters` list the query's).",
            content = @Content(mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class)))
    public @interface BadRequest {
    }

    /** No {@code Authorization: Bearer} token, or one that does not exist or was revoked. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @ApiResponse(responseCode = "401", description = "No bearer token, or one that does not exist or was revoked.",
            content = @Content(mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class)))
    public @interface Unauthenticated {
    }

    /** The token's role is too low, or its team scope does not reach what was asked. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @ApiResponse(responseCode = "403", description = "The token's role is too low for this operation, or its team "
            + "scope does not allow it.",
            content = @Content(mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class)))
    public @interface Forbidden {
    }

    /** Nothing with that id or key; a team-scoped token is told the same of another team's object. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @ApiResponse(responseCode = "404", description = "Nothing with that id or key; a team-scoped token is told the "
            + "same of another team's.",
            content = @Content(mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class)))
    public @interface NotFound {
    }

    /** {@code Accept} (or {@code format}) asks for a representation the operation does not give. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @ApiResponse(responseCode = "406", description = "Accept asks for a representation this operation does not "
            + "give; `detail` lists the ones it does.",
            content = @Content(mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class)))
    public @interface NotAcceptable {
    }

    /** The request does not fit the current state (a stale version, an illegal move, a duplicate). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @ApiResponse(responseCode = "409", description = "The request does not fit the current state; `detail` says "
            + "why (the operation's description lists the cases).",
            content = @Content(mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class)))
    public @interface Conflict {
    }

    /** The body is larger than the server takes (micronaut.server.max-request-size, closeout.import.batch-limit). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @ApiResponse(responseCode = "413", description = "The body is larger than the server takes.",
            content = @Content(mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class)))
    public @interface TooLarge {
    }

    /** A body without {@code Content-Type}, of a type the operation does not take, or in an unknown charset. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @ApiResponse(responseCode = "415", description = "A body without Content-Type, of a type this operation does "
            + "not take, or in a charset the server does not know.",
            content = @Content(mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class)))
    public @interface UnsupportedMediaType {
    }

    /** The request is well formed but refers to something that cannot be used (a Jira issue that does not exist). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @ApiResponse(responseCode = "422", description = "The request names something that cannot be used; `detail` "
            + "says what.",
            content = @Content(mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class)))
    public @interface Unprocessable {
    }

    /** A change sent without the version it is based on ({@code If-Match} or {@code "version"}). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @ApiResponse(responseCode = "428", description = "The change names no version it is based on: send If-Match "
            + "(the ETag) or \"version\" in the body.",
            content = @Content(mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class)))
    public @interface PreconditionRequired {
    }

    /** Jira answered with an error or could not be reached. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @ApiResponse(responseCode = "502", description = "Jira answered with an error or could not be reached.",
            content = @Content(mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class)))
    public @interface BadGateway {
    }

    /** A passing fault (the database, an index still being built): try again after {@code Retry-After}. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @ApiResponse(responseCode = "503", description = "A passing fault (the database is unreachable, or what the "
            + "operation needs is not ready yet): try again after Retry-After seconds.",
            content = @Content(mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class)))
    public @interface Unavailable {
    }
}
