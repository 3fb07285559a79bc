package dev.closeout.postmortem;

import dev.closeout.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The OpenAPI description of the batch import, which two routes serve (a JSON array, or multipart file parts): the
 * document shows them as one operation, described once here.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Operation(operationId = "importPostmortemBatch", summary = "Import many postmortems in one request",
        description = "A JSON array of `{source, text}`, or one multipart file part per postmortem (its file "
                + "name is the source). Each item succeeds or fails alone: 200 with a result per item (a document "
                + "that is not text or is empty fails alone). 413 past closeout.import.batch-limit items.")
@ProblemResponses.Unauthenticated
@ProblemResponses.Forbidden
@ProblemResponses.TooLarge
@ProblemResponses.UnsupportedMediaType
@ProblemResponses.Unavailable
@interface BatchImportOperation {
}
