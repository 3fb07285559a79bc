package dev.closeout.postmortem;

import dev.closeout.postmortem.extraction.TextContent;
import dev.closeout.postmortem.extraction.UnreadableDocumentException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the bytes of a postmortem posted as text ({@code POST /api/postmortems} with a {@code text/*} type) before
 * they are decoded for the controller, and refuses one that is not text with a 415 naming what it is, as
 * {@link ImportedDocument} words it. The controller checks the decoded text too, but decoding as UTF-8 has by then
 * turned the bytes that are not UTF-8 into U+FFFD, and with them the magic number of a PNG, a JPEG or a gzip.
 * An empty body is left to the controller (422, as for JSON). Runs after the security filter, so a request without
 * a token gets its 401 first.
 */
@ServerFilter(value = "/api/postmortems", methods = HttpMethod.POST)
class ImportBodyFilter implements Ordered {

    /** Charsets whose bytes {@link TextContent} reads as they were sent; a body declared in another is left alone. */
    private static final Set<Charset> READ_AS_SENT = Set.of(StandardCharsets.UTF_8, StandardCharsets.US_ASCII,
            StandardCharsets.ISO_8859_1, Charset.forName("windows-1252"));

    private final ErrorResponseProcessor<?> processor;

    ImportBodyFilter(ErrorResponseProcessor<?> processor) {
        this.processor = processor;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request, @Body @Nullable byte[] body) {
        Optional<MediaType> type = request.getContentType();
        if (body == null || type.isEmpty() || !type.get().getType().equals("text") || !readAsSent(type.get())) {
            return null;
        }
        try {
            TextContent.read(body);
            return null;
        } catch (UnreadableDocumentException e) {
            if (e.isEmpty()) {
                return null;
            }
            return processor.processResponse(ErrorContext.builder(request).errorMessage("text: " + e.getMessage())
                    .build(), HttpResponse.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE));
        }
    }

    private static boolean readAsSent(MediaType type) {
        try {
            return type.getCharset().map(READ_AS_SENT::contains).orElse(true);
        } catch (IllegalArgumentException unknownCharset) {
            // RequestMediaTypeFilter refuses it (415 naming the charset) before this runs; never a 500 here
            return false;
        }
    }

    /** After the security filter and after {@code RequestMediaTypeFilter}, which refuses an unknown charset. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after() + 1;
    }
}
