package dev.closeout.web.page;

import io.micronaut.core.io.ResourceResolver;
import jakarta.inject.Singleton;

/**
 * htmx, which lets the rows of {@code /follow-ups} update in place: its built file from its WebJar
 * (org.webjars.npm:htmx.org, pinned in app/pom.xml), served as a {@link HashedAsset}, and the settings the page
 * gives it in its {@code htmx-config} meta tag. Every form it enhances is a plain form first: without the script
 * the page works as before.
 */
@Singleton
class HtmxScript {

    static final String VERSION = "2.0.4";
    private static final String FILE = "META-INF/resources/webjars/htmx.org/" + VERSION + "/dist/htmx.min.js";

    /**
     * htmx's settings. Under the pages' Content-Security-Policy (no inline script or style, no eval:
     * {@link PageHeaders}) it must not add its indicator {@code <style>}, evaluate code or run scripts that come
     * with a response. Its history cache is off, as pages are sent {@code no-store}: it would keep a signed-in
     * person's list in localStorage; going back reloads the page from the server instead. Responses: a 409 (a stale
     * version) or a 422 (a reason or date missing) is the row again with the message, put in place like a 200;
     * any other refusal (403, 404, 400, 500) is the error page, whose {@code <main>} replaces the page's, as a plain
     * form's answer would show it.
     */
    static final String CONFIG = """
            {"includeIndicatorStyles":false,"allowEval":false,"allowScriptTags":false,"selfRequestsOnly":true,\
            "historyCacheSize":0,"refreshOnHistoryMiss":true,"responseHandling":[{"code":"204","swap":false},\
            {"code":"[23]..","swap":true},{"code":"409|422","swap":true,"error":false},\
            {"code":"[45]..","swap":true,"error":true,"target":"main","select":"main","swapOverride":"outerHTML"}]}\
            """;

    private final HashedAsset asset;

    HtmxScript(ResourceResolver resources) {
        asset = HashedAsset.of(resources, FILE, "htmx-" + VERSION, "js", ChartScripts.CONTENT_TYPE);
    }

    String url() {
        return asset.url();
    }

    HashedAsset asset() {
        return asset;
    }
}
