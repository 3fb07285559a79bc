package dev.closeout.integrations.jira.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A bare HTTP client for the fake's own tests: real requests over the loopback, JSON in and out. */
final class TestClient {
    record Reply(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    static final String CLOUD_AUTH = "Basic " + Base64.getEncoder()
            .encodeToString((FakeJira.EMAIL + ":" + FakeJira.API_TOKEN).getBytes(StandardCharsets.UTF_8));
    static final String DC_AUTH = "Bearer " + FakeJira.PAT;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI base;
    private final String authorization;
    private Duration timeout = Duration.ofSeconds(10);

    private TestClient(URI base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    static TestClient cloud(FakeJira jira) {
        return new TestClient(jira.baseUrl(), CLOUD_AUTH);
    }

    static TestClient dataCenter(FakeJira jira) {
        return new TestClient(jira.baseUrl(), DC_AUTH);
    }

    static TestClient withAuthorization(FakeJira jira, String authorization) {
        return new TestClient(jira.baseUrl(), authorization);
    }

    TestClient timeout(Duration t) {
        timeout = t;
        return this;
    }

    Reply get(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    Reply post(String path, Object body) {
        return send("POST", path, body);
    }

    Reply put(String path, Object body) {
        return send("PUT", path, body);
    }

    Reply delete(String path) {
        return send("DELETE", path, null);
    }

    Reply send(String method, String pathAndQuery, Object body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(timeout)
                .header("Accept", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : body.toString()));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(text.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid v3 create body for project OPS: a Task with an ADF paragraph and a link. */
    static ObjectNode createBody(String summary, String... labels) {
        ObjectNode body = json("{'fields':{'project':{'key':'OPS'},'issuetype':{'id':'10002'},'summary':'x',"
                + "'description':{'type':'doc','version':1,'content':[{'type':'paragraph','content':["
                + "{'type':'text','text':'See '},{'type':'text','text':'the postmortem','marks':[{'type':'link','attrs':{'href':'https://pm.example.com/1'}}]}]}]}}}");
        ObjectNode fields = (ObjectNode) body.get("fields");
        fields.put("summary", summary);
        var array = fields.putArray("labels");
        for (String l : labels) {
            array.add(l);
        }
        return body;
    }
}
