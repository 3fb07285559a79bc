package dev.closeout.web.page;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

/** The pages' static files, open to all (the login page needs them), cached for a year by their hashed name. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class AssetController {

    static final String PATH = "/assets";

    private final Stylesheet stylesheet;

    AssetController(Stylesheet stylesheet) {
        this.stylesheet = stylesheet;
    }

    @Get(PATH + "/{file}")
    HttpResponse<byte[]> file(String file) {
        if (!(PATH + "/" + file).equals(stylesheet.url())) {
            return HttpResponse.notFound();
        }
        return HttpResponse.ok(stylesheet.content()).contentType("text/css; charset=utf-8")
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable");
    }
}
