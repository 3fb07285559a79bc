package dev.closeout.action;

import dev.closeout.support.ApiTestBase;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.closeout.db.jooq.Tables.TEAM;
import static dev.closeout.support.TestTokens.ADMIN;

/** The requests the follow-up API tests build: imported actions, reads, patches and transitions. */
abstract class ActionApiTestSupport extends ApiTestBase {

    private int imports;

    /** Imports a postmortem with one action per text and answers the actions' ids, in order. */
    List<Long> importActions(String... texts) {
        StringBuilder markdown = new StringBuilder("# Outage " + (++imports) + "\n\n## Action items\n");
        for (String text : texts) {
            markdown.append("- ").append(text).append('\n');
        }
        Map<String, Object> postmortem = client.retrieve(HttpRequest.POST("/api/postmortems", markdown.toString())
                .contentType(MediaType.of("text/markdown")).bearerAuth(ADMIN), JSON_OBJECT);
        return list(postmortem.get("actions")).stream().map(ApiTestBase::id).toList();
    }

    long importAction(String text) {
        return importActions(text).get(0);
    }

    HttpResponse<Map<String, Object>> getAction(long id, String token) {
        return exchange(HttpRequest.GET("/api/actions/" + id).bearerAuth(token));
    }

    HttpResponse<Map<String, Object>> patch(long id, Map<String, ?> body, String ifMatch, String token) {
        MutableHttpRequest<?> request = HttpRequest.PATCH("/api/actions/" + id, body).bearerAuth(token);
        if (ifMatch != null) {
            request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return exchange(request);
    }

    /** Patches with the action's current ETag, as a client that just read it would. */
    HttpResponse<Map<String, Object>> patchCurrent(long id, Map<String, ?> body, String token) {
        return patch(id, body, getAction(id, ADMIN).header(HttpHeaders.ETAG), token);
    }

    HttpResponse<Map<String, Object>> transition(long id, String to, String reason, String token) {
        Map<String, Object> body = new HashMap<>();
        body.put("to", to);
        if (reason != null) {
            body.put("reason", reason);
        }
        return exchange(HttpRequest.POST("/api/actions/" + id + "/transitions", body).bearerAuth(token));
    }

    long insertTeam(String key) {
        LocalDateTime now = LocalDateTime.of(2026, 1, 1, 0, 0);
        return transactions.executeWrite(status -> dsl.insertInto(TEAM, TEAM.TEAM_KEY, TEAM.NAME, TEAM.CREATED_AT,
                TEAM.UPDATED_AT).values(key, "Team " + key, now, now).returning(TEAM.ID).fetchOne(TEAM.ID));
    }

    static List<Long> ids(Map<String, Object> page) {
        return list(page.get("items")).stream().map(ApiTestBase::id).toList();
    }
}
