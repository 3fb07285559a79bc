package dev.closeout.web.page;

import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.yaml.snakeyaml.Yaml;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * /swagger-ui in a real headless Chromium: every operation of the served document is shown, from files of this
 * server alone (it works offline), and the page starts Swagger UI while it loads rather than after the load event,
 * which left a screenshot blank (issue 14). Screenshot in app/target/screenshots/swagger-ui.png.
 */
class SwaggerUiBrowserTest extends BrowserTestBase {

    @Test
    void showsEveryOperationFromThisServersOwnFiles() {
        Map<String, Map<String, Object>> paths = new Yaml().<Map<String, Map<String, Map<String, Object>>>>load(
                client.retrieve(HttpRequest.GET("/swagger/closeout-0.1.yml"))).get("paths");
        long documented = paths.values().stream().flatMap(item -> item.keySet().stream())
                .filter(Set.of("get", "post", "put", "patch", "delete")::contains).count();
        WebDriver page = browser.driver();

        page.get(url("/swagger-ui"));
        List<WebElement> operations = browser.waitUntil(driver -> {
            List<WebElement> shown = driver.findElements(By.cssSelector(".opblock"));
            return shown.size() == documented ? shown : null;
        });

        assertTrue(operations.stream().anyMatch(op -> op.getText().contains("/api/postmortems")
                && op.getText().contains("Import a postmortem")), "an operation with its path and summary");
        assertTrue(page.findElement(By.cssSelector(".information-container")).getText().contains("Closeout"));
        String origin = server.getURL().toString();
        List<?> loaded = (List<?>) ((JavascriptExecutor) page).executeScript("return [].concat("
                + "Array.from(document.querySelectorAll('script[src], link[href], img[src]'), e => e.src || e.href),"
                + "performance.getEntriesByType('resource').map(e => e.name))");
        assertTrue(loaded.stream().anyMatch(url -> String.valueOf(url).endsWith("/swagger/closeout-0.1.yml")),
                "the resource list includes the document: " + loaded);
        assertEquals(List.of(), loaded.stream().filter(url -> !String.valueOf(url).startsWith(origin)).toList(),
                "scripts, styles and requests from another origin than " + origin);
        assertEquals(List.of(), browser.consoleErrors(), "no script error");
        browser.screenshot("swagger-ui");
    }

    @Test
    void loadsSwaggerUiAsThePageLoadsNotAfterIt() {
        String html = client.retrieve(HttpRequest.GET("/swagger-ui/index.html"));

        // the script is a tag of the page, so the load event waits for it and the UI starts as soon as it has run
        assertTrue(html.contains("<script src=\"/swagger-ui/res/swagger-ui-bundle.js\"></script>"), html);
        assertTrue(!html.contains("onload") && !html.contains("createElement('script')"), html);
        assertTrue(html.contains("validatorUrl: null"), "no request to the online validator: " + html);
    }
}
