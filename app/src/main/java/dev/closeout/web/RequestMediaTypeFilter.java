package dev.closeout.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.web.router.Router;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Answers 415 for a body the server cannot read, before Micronaut tries: a body without
 * {@code Content-Type} (marked by {@link MissingContentTypeMarker}; Micronaut would guess JSON, or fail
 * to choose between the routes that take the same path with different types) and a charset Java does
 * not know (which would otherwise escape as a 500 from deep in the decoding). Runs after the security
 * filter, so a request without a token gets its 401 first.
 */
@ServerFilter("/api/**")
class RequestMediaTypeFilter implements Ordered {

    private static final int CHARSET_NAME_LENGTH = 64;

    private final Router router;
    private final ErrorResponseProcessor<?> processor;

    RequestMediaTypeFilter(Router router, ErrorResponseProcessor<?> processor) {
        this.router = router;
        this.processor = processor;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        String contentType = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        if (contentType == null) {
            return null;
        }
        if (contentType.equals(MissingContentTypeMarker.MISSING)) {
            return refuse(request, "Content-Type: required with a body; send one of " + accepted(request));
        }
        return unknownCharset(contentType).map(charset -> refuse(request, "Content-Type: charset '" + charset
                + "' is not supported; send UTF-8 (or name a charset such as ISO-8859-1 or windows-1252)"))
                .orElse(null);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    static boolean hasBody(HttpRequest<?> request) {
        if (!request.getMethod().permitsRequestBody()) {
            return false;
        }
        return request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING)
                || request.getHeaders().contentLength().orElse(0L) > 0;
    }

    /** The media types the routes at this method and path take, e.g. "application/json, text/markdown". */
    private String accepted(HttpRequest<?> request) {
        String types = router.find(request.getMethod(), request.getPath(), request)
                .flatMap(match -> match.getRouteInfo().getConsumes().stream())
                .filter(type -> !type.equals(MediaType.ALL_TYPE))
                .filter(type -> !type.getName().equals(MissingContentTypeMarker.MISSING))
                .map(MediaType::getName)
                .distinct()
                .collect(Collectors.joining(", "));
        return types.isEmpty() ? MediaType.APPLICATION_JSON : types;
    }

    /** The charset parameter when Java cannot decode it; parsed by hand because MediaType would throw. */
    private static Optional<String> unknownCharset(String contentType) {
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.split("=", 2);
            if (pair.length == 2 && pair[0].strip().toLowerCase(Locale.ROOT).equals("charset")) {
                String charset = pair[1].strip().replace("\"", "");
                // quoted back to the client: bounded, whatever was sent
                String quoted = charset.substring(0, Math.min(charset.length(), CHARSET_NAME_LENGTH));
                try {
                    return Charset.isSupported(charset) ? Optional.empty() : Optional.of(quoted);
                } catch (IllegalCharsetNameException e) {
                    return Optional.of(quoted);
                }
            }
        }
        return Optional.empty();
    }

    private HttpResponse<?> refuse(HttpRequest<?> request, String detail) {
        return processor.processResponse(ErrorContext.builder(request).errorMessage(detail).build(),
                HttpResponse.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE));
    }
}
