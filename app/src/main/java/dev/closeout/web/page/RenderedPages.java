package dev.closeout.web.page;

import io.micronaut.core.io.Writable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringWriter;

/**
 * Renders every page before its response is sent. Micronaut Views hands the server a view that renders while
 * the body is written, and a template that fails there leaves the request hanging with no answer
 * (micronaut-views#832); rendered here, a failure becomes a 500 page that says so, and is logged. Runs after the
 * views filter has turned the controller's {@code ModelAndView} into that lazy body (a lower order is further
 * out, so its response part runs later).
 */
@ServerFilter("/**")
class RenderedPages implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(RenderedPages.class);
    /** In a {@code <main>}, as every page's text is: htmx shows an error answer's {@code <main>} (HtmxScript). */
    static final String FAILED_PAGE = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Error · Closeout</title></head><body><main><h1>500</h1><p>This page could not be shown; the error "
            + "is logged on the server. <a href=\"/\">Back to the weekly review</a></p></main></body></html>";

    @ResponseFilter
    void render(MutableHttpResponse<?> response) {
        if (!(response.body() instanceof Writable view)) {
            return;
        }
        StringWriter page = new StringWriter();
        try {
            view.writeTo(page);
            response.body(page.toString());
        } catch (IOException | RuntimeException e) {
            LOG.error("a page's view failed to render", e);
            response.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.TEXT_HTML_TYPE).body(FAILED_PAGE);
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.RENDERING.before();
    }
}
