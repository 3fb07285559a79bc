package dev.closeout.web.page;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;

import java.net.URI;

/**
 * Requests that htmx sends from a page to update part of it in place ({@code HX-Request: true}; {@link HtmxScript}),
 * and the redirect they are answered with: a 303 would be followed by the browser's request itself and the page it
 * leads to (the sign-in form) put in place of the part; {@code HX-Redirect} makes htmx load it as a page.
 */
final class InPlace {

    static final String REQUEST = "HX-Request";
    static final String REDIRECT = "HX-Redirect";

    private InPlace() {
    }

    static boolean asked(HttpRequest<?> request) {
        return "true".equalsIgnoreCase(request.getHeaders().get(REQUEST));
    }

    /** A 303 to {@code location}, or for htmx a 204 that has it load {@code location} as a page. */
    static MutableHttpResponse<?> seeOther(HttpRequest<?> request, URI location) {
        return asked(request) ? HttpResponse.noContent().header(REDIRECT, location.toString())
                : HttpResponse.seeOther(location);
    }
}
