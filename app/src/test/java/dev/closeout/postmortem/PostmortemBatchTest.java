package dev.closeout.postmortem;

import dev.closeout.support.ApiTestBase;
import dev.closeout.support.Corpus;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /api/postmortems/batch}: many postmortems at once; a bad one fails alone. */
class PostmortemBatchTest extends ApiTestBase {

    private static final String SMALL = "# Cache outage\n\n## Action items\n- Add an alert on cache evictions\n";

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("closeout.import.batch-limit", "3");
        return properties;
    }

    @Test
    void importsAJsonArrayAndReportsEachItem() {
        importJson("seeds/exapp.md", Corpus.read(Corpus.SEED_LB_ROUTING));
        List<Map<String, Object>> items = List.of(
                Map.of("source", "seeds/exapp.md", "text", Corpus.read(Corpus.SEED_LB_ROUTING)),
                Map.of("source", "seeds/exampleapp.md", "text", Corpus.read(Corpus.SEED_EXAMPLEAPP)),
                Map.of("source", "empty.md", "text", " "));

        HttpResponse<Map<String, Object>> response = post(items);

        assertEquals(HttpStatus.OK, response.getStatus());
        Map<String, Object> body = response.body();
        List<Map<String, Object>> results = list(body.get("items"));
        assertEquals(List.of("unchanged", "imported", "failed"), results.stream().map(item -> item.get("status")).toList());
        assertEquals(7, results.get(0).get("actions"));
        assertEquals("empty.md", results.get(2).get("source"));
        assertTrue(((String) results.get(2).get("error")).startsWith("text:"), results.get(2).toString());
        assertNull(results.get(2).get("id"));
        assertEquals(List.of(1, 0, 1, 1), List.of(body.get("imported"), body.get("updated"), body.get("unchanged"),
                body.get("failed")));
        assertEquals(2, list(getJson("/api/postmortems").get("items")).size());
    }

    @Test
    void aChangedTextInABatchUpdatesItsSource() {
        importJson("cache.md", SMALL);

        Map<String, Object> body = post(List.of(Map.of("source", "cache.md",
                "text", SMALL + "- Size the cache for twice the peak load\n"))).body();

        Map<String, Object> item = list(body.get("items")).get(0);
        assertEquals("updated", item.get("status"));
        assertEquals(2, item.get("actions"));
        assertEquals(1, body.get("updated"));
    }

    @Test
    void importsMultipartFilesNamedByTheirFileName() {
        MultipartBody files = MultipartBody.builder()
                .addPart("file", "exapp.md", MediaType.of("text/markdown"),
                        Corpus.read(Corpus.SEED_LB_ROUTING).getBytes(StandardCharsets.UTF_8))
                .addPart("file", "cache.txt", MediaType.TEXT_PLAIN_TYPE, SMALL.getBytes(StandardCharsets.UTF_8))
                .addPart("file", "empty.md", MediaType.TEXT_PLAIN_TYPE, " \n".getBytes(StandardCharsets.UTF_8))
                .build();

        Map<String, Object> body = exchange(HttpRequest.POST("/api/postmortems/batch", files)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(ADMIN)).body();

        List<Map<String, Object>> results = list(body.get("items"));
        assertEquals(List.of("exapp.md", "cache.txt", "empty.md"), results.stream().map(item -> item.get("source")).toList());
        assertEquals(List.of("imported", "imported", "failed"), results.stream().map(item -> item.get("status")).toList());
        assertEquals("exapp.md", getJson("/api/postmortems/" + results.get(0).get("id")).get("source"));
        assertEquals(2, body.get("imported"));
    }

    @Test
    void aJsonItemThatIsNotTextOrIsEmptyFailsAloneNamingWhy() {
        List<Map<String, Object>> items = List.of(
                Map.of("source", "nul.md", "text", "# Outage\u0000\u0000\u0001"),
                Map.of("source", "cache.md", "text", SMALL),
                Map.of("source", "blank.md", "text", " \n\t "));

        Map<String, Object> body = post(items).body();

        List<Map<String, Object>> results = list(body.get("items"));
        assertEquals(List.of("failed", "imported", "failed"), results.stream().map(item -> item.get("status")).toList());
        assertEquals("text: not text but application/octet-stream; send the postmortem as markdown, plain text or HTML",
                results.get(0).get("error"));
        assertEquals("text: empty; send the postmortem", results.get(2).get("error"));
        assertEquals(List.of(1, 2), List.of(body.get("imported"), body.get("failed")));
        assertEquals(List.of("cache.md"), storedSources());
    }

    @Test
    void aFileThatIsNotTextOrIsEmptyFailsAloneNamingItsType() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1};
        MultipartBody files = MultipartBody.builder()
                .addPart("file", "diagram.md", MediaType.of("text/markdown"), png)
                .addPart("file", "cache.txt", MediaType.TEXT_PLAIN_TYPE, SMALL.getBytes(StandardCharsets.UTF_8))
                .addPart("file", "blank.txt", MediaType.TEXT_PLAIN_TYPE, " \r\n ".getBytes(StandardCharsets.UTF_8))
                .build();

        Map<String, Object> body = exchange(HttpRequest.POST("/api/postmortems/batch", files)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(ADMIN)).body();

        List<Map<String, Object>> results = list(body.get("items"));
        assertEquals(List.of("diagram.md", "cache.txt", "blank.txt"), results.stream().map(item -> item.get("source"))
                .toList());
        assertEquals(List.of("failed", "imported", "failed"), results.stream().map(item -> item.get("status")).toList());
        assertEquals("file: not text but image/png; send the postmortem as markdown, plain text or HTML",
                results.get(0).get("error"));
        assertEquals("file: empty; send the postmortem", results.get(2).get("error"));
        assertNull(results.get(0).get("id"));
        assertEquals(List.of(1, 0, 0, 2), List.of(body.get("imported"), body.get("updated"), body.get("unchanged"),
                body.get("failed")));
        assertEquals(List.of("cache.txt"), storedSources());
    }

    private List<String> storedSources() {
        return transactions.executeRead(status -> dsl.select(dev.closeout.db.jooq.Tables.POSTMORTEM.SOURCE_REF)
                .from(dev.closeout.db.jooq.Tables.POSTMORTEM).fetch(dev.closeout.db.jooq.Tables.POSTMORTEM.SOURCE_REF));
    }

    @Test
    void refusesMoreItemsThanTheLimitAndImportsNone() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            items.add(Map.of("source", "pm-" + i, "text", SMALL.replace("Cache", "Cache " + i)));
        }

        assertProblem(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "items: at most 3", () -> post(items));
        assertEquals(List.of(), getJson("/api/postmortems").get("items"));
    }

    @Test
    void aReaderCannotImport() {
        String reader = token("dashboard", "reader");

        assertProblem(HttpStatus.FORBIDDEN, "403", () -> exchange(HttpRequest.POST("/api/postmortems/batch",
                List.of(Map.of("source", "x", "text", SMALL))).bearerAuth(reader)));
        assertEquals(List.of(), getJson("/api/postmortems").get("items"));
    }

    private HttpResponse<Map<String, Object>> post(List<Map<String, Object>> items) {
        return exchange(HttpRequest.POST("/api/postmortems/batch", items).bearerAuth(ADMIN));
    }
}
