package dev.closeout.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;

/** {@code /swagger-ui} itself leads to the UI's page; its files are static resources under it. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class SwaggerUiRedirect {

    @Get("/swagger-ui")
    HttpResponse<Void> redirect() {
        return HttpResponse.seeOther(URI.create("/swagger-ui/index.html"));
    }
}
