package dev.closeout.postmortem;

import dev.closeout.web.ProblemResponses;
import io.micronaut.http.MediaType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The OpenAPI description of importing one postmortem, which two routes serve (a JSON body, or the document itself as
 * the body): the document shows them as one operation, described once here.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Operation(operationId = "importPostmortem", summary = "Import a postmortem",
        description = "The postmortem as JSON `{source, text}`, or as the body itself (Markdown, plain text, HTML) "
                + "with `?source=`. 201 for a new postmortem with its extracted follow-ups; 200 for an unchanged "
                + "text or a re-import of a source, saying what changed. A team-scoped token imports its team's "
                + "services (and services no team owns) only: 403 otherwise, and nothing is written. A body that "
                + "is not text is 415 naming the type detected (e.g. `application/pdf`), an empty one 422.")
@ApiResponse(responseCode = "200", description = "Unchanged, or a re-import of the source; `reimport` says what "
        + "changed.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = ImportResponse.class)))
@ApiResponse(responseCode = "201", description = "A new postmortem; Location is its URL.",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = ImportResponse.class)))
@ProblemResponses.Forbidden
@ProblemResponses.TooLarge
@ProblemResponses.UnsupportedMediaType
@ProblemResponses.Unprocessable
@interface ImportOperation {
}
