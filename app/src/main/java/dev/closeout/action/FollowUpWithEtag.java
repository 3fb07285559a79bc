package dev.closeout.action;

import io.micronaut.http.MediaType;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The OpenAPI 200 answer of the operations on one follow-up: the follow-up, and its version as {@code ETag}, which
 * a change sends back as {@code If-Match}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(responseCode = "200", description = "The follow-up; ETag is its version, to send as If-Match with a "
        + "change.",
        headers = @Header(name = "ETag", description = "The follow-up's version.", schema = @Schema(type = "string")),
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = ActionItemResponse.class)))
@interface FollowUpWithEtag {
}
