package dev.closeout.web.page;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A template that fails while it is rendered must answer 500 with a page that says so. Micronaut Views renders a
 * view lazily, while the response is written, and a failure there left the request hanging until the client gave
 * up (micronaut-views#832): a person saw a spinner, a load balancer a time-out.
 */
class BrokenViewTest extends PageTestBase {

    @Test
    void aTemplateThatFailsIsAnswered500WithAPageNotAHungRequest() {
        HttpResponse<String> response = send(HttpRequest.GET("/test-only/broken-view").accept(MediaType.TEXT_HTML_TYPE));

        assertEquals(HttpStatus.INTERNAL_SERVER_ERROR, response.getStatus());
        assertTrue(response.getContentType().orElseThrow().getName().startsWith("text/html"));
        String body = body(response);
        assertTrue(body.contains("could not be shown"), body);
        assertFalse(body.contains("Before the error"), "no half page: " + body);
        assertFalse(body.contains("Exception"), "no class names: " + body);
    }
}
