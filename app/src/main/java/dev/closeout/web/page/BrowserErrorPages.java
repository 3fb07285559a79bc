package dev.closeout.web.page;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.HtmlErrorResponseBodyProvider;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The body of an error answered to a browser (a request that accepts HTML and not JSON) from outside a page's
 * controller: Closeout's error page in place of Micronaut's. Above all the 503 of a database that cannot be
 * reached or stays locked ({@code web.DatabaseFaultHandlers}), which a person meets on any page, form or sign-in
 * while the database is away: it says so plainly and to try again; the handler's {@code Retry-After} stays.
 * Clients that accept JSON still get problem+json.
 */
@Singleton
@Replaces(HtmlErrorResponseBodyProvider.class)
class BrowserErrorPages implements HtmlErrorResponseBodyProvider {

    static final String DATABASE_AWAY = "Closeout cannot reach its database for the moment, so nothing could be read "
            + "or saved. Try again in a few seconds.";
    static final String FAILED = "This page could not be shown; the error is logged on the server.";

    private final ThymeleafViewsRenderer<Map<String, Object>> views;
    private final Stylesheet stylesheet;

    BrowserErrorPages(ThymeleafViewsRenderer<Map<String, Object>> views, Stylesheet stylesheet) {
        this.views = views;
        this.stylesheet = stylesheet;
    }

    @Override
    public String body(ErrorContext context, HttpResponse<?> response) {
        Map<String, Object> model = PageModel.of(stylesheet, null);
        model.put("status", response.code());
        model.put("reason", response.reason());
        model.put("message", message(context, response));
        StringWriter page = new StringWriter();
        try {
            views.render("error", model, context.getRequest()).writeTo(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return page.toString();
    }

    @Override
    public String contentType() {
        return MediaType.TEXT_HTML;
    }

    private static String message(ErrorContext context, HttpResponse<?> response) {
        if (response.code() == HttpStatus.SERVICE_UNAVAILABLE.getCode() && !context.getRequest().getPath()
                .startsWith("/api/")) {
            // a page's only 503: the API's others (similar incidents being indexed, the Jira webhook off) say why
            return DATABASE_AWAY;
        }
        if (response.code() >= 500) {
            // an unexpected failure's message is for the server log
            return FAILED;
        }
        return context.getErrors().stream().map(Error::getMessage).findFirst().orElse(response.reason());
    }
}
