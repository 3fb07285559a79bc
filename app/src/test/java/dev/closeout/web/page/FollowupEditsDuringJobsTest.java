package dev.closeout.web.page;

import dev.closeout.integrations.jira.fake.FakeJira;
import dev.closeout.integrations.jira.fake.WebhookDelivery;
import dev.closeout.jira.JiraApiTestBase;
import dev.closeout.report.BacklogHistory;
import dev.closeout.support.TwoTeams;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two teams' editors change their follow-ups through the pages while the Jira sync pushes those changes to a fake
 * Jira, Jira's webhooks and reconciliation bring its state back, and the backlog history is counted, all at once
 * on the same follow-ups. Nobody changes anything in Jira itself, so whatever the order things happen in, each
 * follow-up must end as its editor's last accepted form left it, and its page must list every accepted change.
 * A form that meets a concurrent change is answered with the stale-edit 409 page, after which the editor reloads
 * and sends it again, as a person would.
 */
class FollowupEditsDuringJobsTest extends PageTestBase {

    /** What each editor does to each of its follow-ups, in order, each step a form of the follow-up's page. */
    private static final List<Step> SCRIPT = List.of(
            Step.move("in_progress", null),
            Step.edit("ana", "2027-01-15"),
            Step.move("done", null),
            Step.move("open", null),
            Step.edit("", "2027-02-01"),
            Step.move("not_doing", "superseded by the queue rework"),
            Step.move("open", null),
            Step.edit("li", "2027-03-01"),
            Step.move("in_progress", null),
            Step.move("not_doing", "the vendor fixed it on their side"));

    private final FakeJira jira = FakeJira.start();

    @Inject
    BacklogHistory backlogHistory;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.putAll(JiraApiTestBase.properties(jira));
        return properties;
    }

    @AfterAll
    void closeJira() {
        // throws when any request Closeout sent did not conform to Jira's spec
        jira.close();
    }

    @Test
    void noPageEditIsLostOrRevertedWhileTheJiraSyncAndTheBacklogHistoryRun() throws Exception {
        TwoTeams teams = TwoTeams.setUp(client);
        Map<String, Editor> editors = Map.of(
                TwoTeams.PAY, new Editor("token:pay-ci", signIn(teams.payEditor), teams.payActions()),
                TwoTeams.WEB, new Editor("token:web-ci", signIn(teams.webEditor), teams.searchActions));
        syncUntilSettled();
        jiraReportsBack();
        editors.values().forEach(editor -> editor.ids.forEach(id -> assertTrue(id > 127, "realistic ids: " + id)));

        AtomicBoolean editing = new AtomicBoolean(true);
        AtomicInteger syncPasses = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(5);
        try {
            Future<?> sync = threads.submit(() -> {
                while (editing.get()) {
                    client.retrieve(HttpRequest.POST("/api/integrations/jira/sync", "").bearerAuth(ADMIN));
                    syncPasses.incrementAndGet();
                }
            });
            Future<?> echoes = threads.submit(() -> {
                while (editing.get()) {
                    jiraReportsBack();
                }
            });
            Future<?> history = threads.submit(() -> {
                while (editing.get()) {
                    backlogHistory.refresh();
                }
            });
            List<Future<?>> edits = new ArrayList<>();
            for (Editor editor : editors.values()) {
                edits.add(threads.submit(() -> {
                    editor.work(syncPasses, sync::isDone);
                    return null;
                }));
            }
            try {
                for (Future<?> edit : edits) {
                    edit.get(10, TimeUnit.MINUTES);
                }
            } finally {
                editing.set(false);
            }
            // a job that failed fails the test with its error
            sync.get(1, TimeUnit.MINUTES);
            echoes.get(1, TimeUnit.MINUTES);
            history.get(1, TimeUnit.MINUTES);
        } finally {
            threads.shutdownNow();
        }
        syncUntilSettled();
        jiraReportsBack();

        for (Editor editor : editors.values()) {
            for (long id : editor.ids) {
                Map<String, Object> stored = getJson("/api/actions/" + id);
                State last = editor.states.get(id);
                assertEquals(last, new State((String) stored.get("status"), (String) stored.get("status_reason"),
                        (String) stored.get("owner"), (String) stored.get("due")), "follow-up " + id);
                Document page = Jsoup.parse(body(page("/follow-ups/" + id, editor.session)));
                assertEquals(editor.accepted.get(id), changesBy(editor.actor, page), "follow-up " + id);
                assertEquals(List.of(), changesBy("jira", page), "follow-up " + id + ": Jira undid a change");
            }
        }
        List<String> stale = editors.values().stream().flatMap(editor -> editor.refusals.stream())
                .filter(body -> !body.contains(FollowupPageController.STALE)).toList();
        assertEquals(List.of(), stale, "every refusal is the plain stale-edit page");
    }

    /** Sync passes until nothing waits to be pushed. */
    private void syncUntilSettled() {
        for (int pass = 1; pass <= 10; pass++) {
            client.retrieve(HttpRequest.POST("/api/integrations/jira/sync", "").bearerAuth(ADMIN));
            if (((Number) getJson("/api/integrations/jira/status").get("pending")).intValue() == 0) {
                return;
            }
        }
        throw new AssertionError("the sync did not settle in 10 passes");
    }

    /** What Jira tells Closeout after the pushes: every webhook delivered, then a reconciliation. */
    private void jiraReportsBack() {
        URI webhook = URI.create("http://127.0.0.1:" + server.getPort() + "/api/integrations/jira/webhook");
        for (WebhookDelivery delivery : jira.drainWebhooks()) {
            jira.deliver(webhook, JiraApiTestBase.WEBHOOK_SECRET, delivery);
        }
        client.retrieve(HttpRequest.POST("/api/integrations/jira/reconcile", "").bearerAuth(ADMIN));
    }

    /** The status, owner and due date changes the page's history lists by {@code actor}, oldest first. */
    private static List<String> changesBy(String actor, Document page) {
        List<String> changes = new ArrayList<>();
        for (Element row : page.select("table.history tbody tr")) {
            List<String> cells = row.select("td").eachText();
            String change = cells.get(2);
            if (cells.get(1).equals(actor) && (change.startsWith("status:") || change.startsWith("owner:")
                    || change.startsWith("due:"))) {
                changes.add(change);
            }
        }
        Collections.reverse(changes);
        return changes;
    }

    /** A form an editor sends: a status move, or the owner and due date form. */
    private record Step(String to, String reason, String owner, String due) {

        static Step move(String to, String reason) {
            return new Step(to, reason, null, null);
        }

        static Step edit(String owner, String due) {
            return new Step(null, null, owner, due);
        }

        boolean isMove() {
            return to != null;
        }
    }

    /** A follow-up's status, its reason, owner and due date, as the API answers them ("" owner: none). */
    private record State(String status, String reason, String owner, String due) {
    }

    /**
     * One editor working through {@link #SCRIPT} on each of its follow-ups, one form at a time, from the page each
     * form is on; what it saw accepted and refused.
     */
    private final class Editor {

        final String actor;
        final String session;
        final List<Long> ids;
        final Map<Long, State> states = new LinkedHashMap<>();
        /** The history lines each accepted form should have made, by follow-up, in order. */
        final Map<Long, List<String>> accepted = new HashMap<>();
        final List<String> refusals = new ArrayList<>();

        Editor(String actor, String session, List<Long> ids) {
            this.actor = actor;
            this.session = session;
            this.ids = ids;
        }

        void work(AtomicInteger syncPasses, BooleanSupplier syncStopped) {
            for (long id : ids) {
                Map<String, Object> stored = getJson("/api/actions/" + id);
                states.put(id, new State((String) stored.get("status"), (String) stored.get("status_reason"),
                        (String) stored.get("owner"), (String) stored.get("due")));
                accepted.put(id, new ArrayList<>());
            }
            for (Step step : SCRIPT) {
                for (long id : ids) {
                    sendUntilAccepted(id, step);
                    // the sync runs between this editor's forms, not only before or after them
                    int passes = syncPasses.get();
                    while (syncPasses.get() <= passes && !syncStopped.getAsBoolean()) {
                        LockSupport.parkNanos(1_000_000);
                    }
                }
            }
        }

        /** Sends {@code step} from the follow-up's page; when it meets a concurrent change, reloads and resends. */
        private void sendUntilAccepted(long id, Step step) {
            for (int attempt = 1; attempt <= 20; attempt++) {
                String html = body(page("/follow-ups/" + id, session));
                Map<String, String> form = new LinkedHashMap<>();
                form.put("csrf", csrfOf(html));
                form.put("version", Jsoup.parse(html).selectFirst("form[action$='/status'] input[name=version]").val());
                String path = step.isMove() ? "/follow-ups/" + id + "/status" : "/follow-ups/" + id;
                if (step.isMove()) {
                    form.put("to", step.to());
                    if (step.reason() != null) {
                        form.put("reason", step.reason());
                    }
                } else {
                    form.put("owner", step.owner());
                    form.put("due", step.due());
                }
                HttpResponse<String> answer = send(HttpRequest.POST(path, form).accept(MediaType.TEXT_HTML_TYPE)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).cookie(Cookie.of(COOKIE, session)));
                if (answer.getStatus() == HttpStatus.SEE_OTHER) {
                    accept(id, step);
                    return;
                }
                assertEquals(HttpStatus.CONFLICT, answer.getStatus(), () -> path + " " + form + ": " + body(answer));
                refusals.add(body(answer));
            }
            throw new AssertionError("follow-up " + id + ": " + step + " refused 20 times in a row");
        }

        private void accept(long id, Step step) {
            State before = states.get(id);
            List<String> lines = accepted.get(id);
            State after;
            if (step.isMove()) {
                after = new State(step.to(), step.reason(), before.owner(), before.due());
                lines.add("status: " + before.status() + " → " + step.to());
            } else {
                String owner = step.owner().isEmpty() ? null : step.owner();
                after = new State(before.status(), before.reason(), owner, step.due());
                if (!Objects.equals(owner, before.owner())) {
                    lines.add("owner: " + dash(before.owner()) + " → " + dash(owner));
                }
                if (!Objects.equals(step.due(), before.due())) {
                    lines.add("due: " + dash(before.due()) + " → " + dash(step.due()));
                }
            }
            states.put(id, after);
            assertFalse(lines.isEmpty(), "every step of the script changes something");
        }

        private static String dash(String value) {
            return value == null ? "–" : value;
        }
    }
}
