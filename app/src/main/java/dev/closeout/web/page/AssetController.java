package dev.closeout.web.page;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The pages' static files ({@link HashedAsset}s), open to all (the login page needs them), cached for a year by
 * their hashed name. Netty gzips them for a browser that accepts it (the server's default above 1 KB), which is
 * what keeps the chart library within the pages' weight (docs/dashboard.md).
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class AssetController {

    static final String PATH = "/assets";

    /** A check mark in a circle: browsers ask every site for /favicon.ico, and a 404 shows in every console. */
    private static final String FAVICON = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\">"
            + "<circle cx=\"16\" cy=\"16\" r=\"15\" fill=\"#1f5f8b\"/>"
            + "<path d=\"M9 16.5l4.5 4.5L23 11.5\" fill=\"none\" stroke=\"#fff\" stroke-width=\"3\"/></svg>";

    private final Map<String, HashedAsset> byFile;

    AssetController(Stylesheet stylesheet, ChartScripts scripts, HtmxScript htmx) {
        byFile = Stream.concat(Stream.of(stylesheet.asset(), htmx.asset()), scripts.assets().stream())
                .collect(Collectors.toUnmodifiableMap(HashedAsset::file, Function.identity()));
    }

    @Get("/favicon.ico")
    HttpResponse<String> favicon() {
        return HttpResponse.ok(FAVICON).contentType("image/svg+xml")
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=86400");
    }

    @Get(PATH + "/{file}")
    HttpResponse<byte[]> file(String file) {
        HashedAsset asset = byFile.get(file);
        if (asset == null) {
            return HttpResponse.notFound();
        }
        return HttpResponse.ok(asset.content()).contentType(asset.contentType())
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable");
    }
}
