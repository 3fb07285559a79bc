package dev.closeout.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.annotation.PreMatching;

/**
 * Gives a body sent without {@code Content-Type} a media type no route takes, before the routes are
 * matched. Without it Micronaut answers 400 "More than 1 route matched" where routes share a path (JSON
 * and Markdown imports), before the security filter could answer a stranger 401. With it the request
 * meets security first, then {@link RequestMediaTypeFilter}'s 415 listing what the path accepts.
 */
@ServerFilter("/api/**")
class MissingContentTypeMarker {

    /** Never sent by a client on purpose; only this marker sets it. */
    static final String MISSING = "application/x-closeout-missing-content-type";

    @PreMatching
    @RequestFilter
    void mark(MutableHttpRequest<?> request) {
        if (request.getHeaders().get(HttpHeaders.CONTENT_TYPE) == null && RequestMediaTypeFilter.hasBody(request)) {
            request.getHeaders().set(HttpHeaders.CONTENT_TYPE, MISSING);
        }
    }
}
