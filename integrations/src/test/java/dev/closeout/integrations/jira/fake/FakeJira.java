package dev.closeout.integrations.jira.fake;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process Jira for tests, speaking Cloud REST v3 under {@code /rest/api/3} and Data Center REST v2 under
 * {@code /rest/api/2} over one store. It behaves as /work/shared/jira/CONTRACT.md describes real Jira, checks every
 * request against Atlassian's OpenAPI spec, and can inject faults and emit webhooks.
 *
 * <pre>{@code
 * try (FakeJira jira = FakeJira.start()) {
 *     jira.user("712020:dana", "Dana Kowalski", "dana@example.com");
 *     // point the client at jira.baseUrl() with EMAIL/API_TOKEN (Cloud) or PAT (DC)
 * }
 * }</pre>
 * {@link #close()} fails the test if any request did not conform to the spec.
 */
public final class FakeJira implements AutoCloseable {
    public static final String EMAIL = "closeout-bot@example.com";
    public static final String API_TOKEN = "fake-api-token";
    public static final String PAT = "fake-personal-access-token";
    public static final String PROPERTY_KEY = "closeout.action";

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK and
        // every request costs ~40 ms. Read once per JVM, when the first HttpServer is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final FakeStore store;
    private final Dispatcher dispatcher;

    private FakeJira(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        this.store = new FakeStore("http://127.0.0.1:" + server.getAddress().getPort());
        this.dispatcher = new Dispatcher(store);
        server.createContext("/", dispatcher);
    }

    /** Starts on a free port of 127.0.0.1 with project OPS. */
    public static FakeJira start() {
        // otherwise the first request would take seconds and trip the read timeout of the client under test
        SpecValidator.warmUp();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            AtomicInteger n = new AtomicInteger();
            // cached: clients call concurrently, and lost-response holds park a thread each
            ExecutorService executor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "fake-jira-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            FakeJira jira = new FakeJira(server, executor);
            server.start();
            return jira;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash or {@code /rest}. */
    public URI baseUrl() {
        return URI.create(store.baseUrl());
    }

    /** False simulates an expired or revoked token: every /rest request gets 401. */
    public FakeJira setCredentialsValid(boolean valid) {
        dispatcher.credentialsValid(valid);
        return this;
    }

    /** The site's default time zone, in which timestamps are rendered and absolute JQL dates read (default Asia/Shanghai, +08:00 all year). */
    public FakeJira siteZone(ZoneId zone) {
        store.siteZone(zone);
        return this;
    }

    /** Eventual consistency: search does not see issues written less than {@code lag} ago unless reconciled. */
    public FakeJira searchLag(Duration lag) {
        store.searchLag(lag);
        return this;
    }

    /**
     * Eventual consistency counted in searches, not time, so a test does not depend on the machine's speed:
     * an issue created from now on is missing from the next {@code searches} searches (any JQL, either API)
     * unless reconciled. A create whose answer was lost is then not found by the search right after it and
     * "finishes late".
     */
    public FakeJira searchLagInSearches(int searches) {
        store.searchLagInSearches(searches);
        return this;
    }

    /** How long a lost response keeps the connection silent before dropping it (default 3 s). */
    public FakeJira lostResponseHold(Duration hold) {
        dispatcher.lostResponseHold(hold);
        return this;
    }

    public FakeProject project(String key) {
        return store.project(key);
    }

    public FakeUser user(String accountId, String displayName, String email) {
        return store.addUser(accountId, displayName, email);
    }

    public List<FakeIssue> issues() {
        return store.issues();
    }

    /** By id, key, or a key the issue had before it was moved. */
    public Optional<FakeIssue> issue(String idOrKey) {
        return store.issue(idOrKey);
    }

    public int issueCount() {
        return store.issues().size();
    }

    // Jira-side edits, as a person in Jira's UI would make them; each bumps updated and queues a webhook.

    /** Moves the issue into the status of {@code categoryKey} ("new", "indeterminate", "done"). */
    public void personTransitions(String key, String categoryKey, String resolutionOrNull) {
        store.personTransitions(key, categoryKey, resolutionOrNull);
    }

    public void personSetsDue(String key, LocalDate due) {
        store.personSetsDue(key, due);
    }

    public void personAssigns(String key, String accountIdOrNull) {
        store.personAssigns(key, accountIdOrNull);
    }

    public void deleteIssue(String key) {
        store.delete(key);
    }

    /** New key in the target project, same id; the old key still resolves on GET issue. */
    public void moveIssue(String key, String newProjectKey) {
        store.move(key, newProjectKey);
    }

    public Faults faults() {
        return dispatcher.faults();
    }

    public List<RecordedRequest> requests() {
        return dispatcher.requests();
    }

    public int count(String operationId) {
        return (int) dispatcher.requests().stream().filter(r -> operationId.equals(r.operationId())).count();
    }

    public void resetRequests() {
        dispatcher.resetRequests();
    }

    /** Requests that did not conform to the OpenAPI spec (each was answered 400). */
    public List<String> violations() {
        return dispatcher.violations();
    }

    /** Webhook deliveries queued since the last drain, oldest first. */
    public List<WebhookDelivery> pendingWebhooks() {
        return store.pendingWebhooks();
    }

    /** Returns and forgets the queued deliveries. */
    public List<WebhookDelivery> drainWebhooks() {
        return store.drainWebhooks();
    }

    /** POSTs a delivery as Jira would; signs it with {@code X-Hub-Signature} when {@code secret} is non-null. */
    public int deliver(URI target, String secret, WebhookDelivery delivery) {
        return Webhooks.send(target, secret, delivery, null);
    }

    /** Sends the same delivery again (same identifier) with {@code X-Atlassian-Webhook-Retry}. */
    public int redeliver(URI target, String secret, WebhookDelivery delivery, int retryNumber) {
        return Webhooks.send(target, secret, delivery, retryNumber);
    }

    /** Stops the server; throws if any request broke the spec, so the test that sent it fails. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        List<String> violations = dispatcher.violations();
        if (!violations.isEmpty()) {
            throw new AssertionError("fake Jira received requests that do not conform to the Jira OpenAPI spec:\n  "
                    + String.join("\n  ", violations));
        }
    }
}
