package dev.closeout.web.page;

import io.micronaut.core.io.ResourceResolver;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The scripts of the pages' charts, both loaded with {@code defer}, in this order: Apache ECharts from its WebJar
 * (org.webjars.npm:echarts, pinned in app/pom.xml) and ours, resources/public/closeout-charts.js, which draws
 * every element with a {@code data-chart} attribute.
 *
 * <p>ECharts' "common" build, not its full one: it has the line and bar charts, grid, legend, tooltip and the canvas
 * renderer the pages use, in 653 KB (215 KB gzipped) where the full build's 1 MB (328 KB gzipped) alone would
 * break the pages' budget of 300 KB on the wire (docs/dashboard.md, "Page weight").
 */
@Singleton
class ChartScripts {

    static final String CONTENT_TYPE = "text/javascript; charset=utf-8";
    private static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.common.min.js";

    private final HashedAsset library;
    private final HashedAsset charts;

    ChartScripts(ResourceResolver resources) {
        library = HashedAsset.of(resources, ECHARTS, "echarts-5.3.1", "js", CONTENT_TYPE);
        charts = HashedAsset.of(resources, "public/closeout-charts.js", "closeout-charts", "js", CONTENT_TYPE);
    }

    /** The scripts' URLs, in the order a page loads them. */
    List<String> urls() {
        return List.of(library.url(), charts.url());
    }

    List<HashedAsset> assets() {
        return List.of(library, charts);
    }
}
