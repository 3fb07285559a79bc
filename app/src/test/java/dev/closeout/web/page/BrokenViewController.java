package dev.closeout.web.page;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.Map;

/** Tests only: a page whose template fails while it is rendered, as a mistake in a view would. */
@Controller("/test-only")
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class BrokenViewController {

    @Get("/broken-view")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> broken() {
        return HttpResponse.ok(new ModelAndView<>("test-broken", Map.of()));
    }
}
