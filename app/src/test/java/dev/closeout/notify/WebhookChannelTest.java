package dev.closeout.notify;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a webhook receives, how each of its answers ends a delivery, and that its URL never shows. */
class WebhookChannelTest {

    private static final String SECRET = "whsec_2f8c0a7d91b4e6";
    private static final String SLACK_TOKEN = "XXXXsecretXXXX";
    private static final String SLACK_PATH = "/services/T000/B000/" + SLACK_TOKEN;
    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    /** Time-outs no load reaches: an answer on its way always arrives. */
    private static final Duration PATIENT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.createDefault();

    private static final Message PAYMENTS_REMINDER = new Message(
            "2 follow-ups of team payments are overdue",
            "AI-103 Rotate the Redis password (due 2026-12-04)\nAI-117 Alert on \"queue depth\" (due 2026-12-06)\n",
            "<!doctype html><html><body><p>2 follow-ups of team payments are overdue</p></body></html>",
            "*2 follow-ups of team payments are overdue*\n"
                    + "• <https://closeout.example.com/actions/AI-103|AI-103> Rotate the Redis password \\ vault — "
                    + "due 2026-12-04\n"
                    + "• <https://closeout.example.com/actions/AI-117|AI-117> Alert on \"queue depth\" für Zürich 🚨\t"
                    + "due 2026-12-06",
            Map.of("event", "reminder",
                    "team", "payments",
                    "overdue", true,
                    "count", 2,
                    "action_items", List.of(
                            Map.of("key", "AI-103", "title", "Rotate the Redis password",
                                    "due_date", "2026-12-04", "owner", "dana@example.com"),
                            Map.of("key", "AI-117", "title", "Alert on \"queue depth\" für Zürich",
                                    "due_date", "2026-12-06", "owner", "lee@example.com"))));

    private final WebhookReceiver receiver = WebhookReceiver.start();
    private final Logger log = (Logger) LoggerFactory.getLogger(WebhookChannel.class);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Level logLevel;

    @BeforeEach
    void captureLogs() {
        logLevel = log.getLevel();
        log.setLevel(Level.DEBUG);
        logs.start();
        log.addAppender(logs);
    }

    @AfterEach
    void stop() {
        log.detachAppender(logs);
        log.setLevel(logLevel);
        receiver.close();
    }

    @Test
    void slackGetsTheMrkdwnAsItsTextEscapedInUtf8() throws Exception {
        channel(SECRET).sendSlack("ntf-4711", receiver.url(SLACK_PATH), PAYMENTS_REMINDER);

        WebhookReceiver.Received request = receiver.one();
        assertEquals("POST", request.method());
        assertEquals(SLACK_PATH, request.path());
        assertEquals("application/json; charset=utf-8", request.header("Content-Type"));
        assertEquals("ntf-4711", request.header("X-Closeout-Delivery"));
        String expected = "{\"text\":\"*2 follow-ups of team payments are overdue*\\n"
                + "• <https://closeout.example.com/actions/AI-103|AI-103> Rotate the Redis password \\\\ vault — "
                + "due 2026-12-04\\n"
                // Jackson writes a character beyond the BMP as its escaped surrogate pair: the same JSON string
                + "• <https://closeout.example.com/actions/AI-117|AI-117> Alert on \\\"queue depth\\\" für Zürich "
                + "\\uD83D\\uDEA8\\tdue 2026-12-06\"}";
        assertEquals(expected, request.text());
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), request.body());
        assertEquals(Map.of("text", PAYMENTS_REMINDER.mrkdwn()),
                JSON.readValue(request.body(), Argument.mapOf(String.class, Object.class)));
    }

    @Test
    void jsonGetsTheMessageBodySignedWithTheSecret() throws Exception {
        channel(SECRET).sendJson("ntf-4712", receiver.url("/hooks/closeout"), PAYMENTS_REMINDER);

        WebhookReceiver.Received request = receiver.one();
        assertEquals("POST", request.method());
        assertEquals("/hooks/closeout", request.path());
        assertEquals(PAYMENTS_REMINDER.json(), JSON.readValue(request.body(), Argument.mapOf(String.class, Object.class)));
        assertEquals("ntf-4712", request.header("X-Closeout-Delivery"));
        assertEquals("Closeout", request.header("User-Agent"));
        assertEquals("application/json; charset=utf-8", request.header("Content-Type"));
        assertEquals("sha256=" + hmacSha256Hex(SECRET, request.body()), request.header("X-Closeout-Signature"));
    }

    @Test
    void jsonIsNotSignedWithoutASecret() throws Exception {
        channel(null).sendJson("ntf-4713", receiver.url("/hooks/closeout"), PAYMENTS_REMINDER);

        WebhookReceiver.Received request = receiver.one();
        assertNull(request.header("X-Closeout-Signature"));
        assertEquals("ntf-4713", request.header("X-Closeout-Delivery"));
        assertEquals(PAYMENTS_REMINDER.json(), JSON.readValue(request.body(), Argument.mapOf(String.class, Object.class)));
    }

    @Test
    void serverErrorsMayPassAndEveryTryCarriesTheSameDelivery() throws Exception {
        receiver.answer(500, "rollup_error").answer(500, "rollup_error").answer(200, "ok");
        WebhookChannel channel = channel(SECRET);
        String url = receiver.url(SLACK_PATH);

        DeliveryException first = assertThrows(DeliveryException.class,
                () -> channel.sendSlack("ntf-4714", url, PAYMENTS_REMINDER));
        DeliveryException second = assertThrows(DeliveryException.class,
                () -> channel.sendSlack("ntf-4714", url, PAYMENTS_REMINDER));
        channel.sendSlack("ntf-4714", url, PAYMENTS_REMINDER);

        assertFalse(first.isPermanent());
        assertFalse(second.isPermanent());
        assertEquals("webhook at 127.0.0.1 answered 500: rollup_error", first.getMessage());
        assertTrue(first.retryAfter().isEmpty(), "no Retry-After: the caller's backoff");
        List<WebhookReceiver.Received> tries = receiver.received();
        assertEquals(3, tries.size());
        tries.forEach(t -> assertEquals("ntf-4714", t.header("X-Closeout-Delivery")));
        tries.forEach(t -> assertArrayEquals(tries.get(0).body(), t.body()));
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 425, 429, 502, 503, 504})
    void answersThatMayPass(int status) {
        receiver.answer(status, "");

        DeliveryException e = assertThrows(DeliveryException.class,
                () -> channel(SECRET).sendJson("ntf-4715", receiver.url("/hooks/closeout"), PAYMENTS_REMINDER));

        assertFalse(e.isPermanent());
        assertEquals("webhook at 127.0.0.1 answered " + status, e.getMessage());
    }

    @Test
    void tooManyRequestsCarriesRetryAfterInSeconds() {
        receiver.answer(429, "rate_limited", "Retry-After", "120");

        DeliveryException e = assertThrows(DeliveryException.class,
                () -> channel(SECRET).sendSlack("ntf-4716", receiver.url(SLACK_PATH), PAYMENTS_REMINDER));

        assertFalse(e.isPermanent());
        assertEquals(Duration.ofSeconds(120), e.retryAfter().orElseThrow());
        assertEquals("webhook at 127.0.0.1 answered 429: rate_limited", e.getMessage());
    }

    @Test
    void retryAfterAsAnHttpDateCountsFromNow() {
        receiver.answer(503, "", "Retry-After", "Mon, 07 Dec 2026 09:01:30 GMT");

        DeliveryException e = assertThrows(DeliveryException.class,
                () -> channel(SECRET).sendJson("ntf-4717", receiver.url("/hooks/closeout"), PAYMENTS_REMINDER));

        assertEquals(Duration.ofSeconds(90), e.retryAfter().orElseThrow());
    }

    @Test
    void retryAfterIsCappedAtAnHourInBothForms() {
        receiver.answer(429, "", "Retry-After", "86400")
                .answer(503, "", "Retry-After", "Tue, 08 Dec 2026 09:00:00 GMT");
        WebhookChannel channel = channel(SECRET);
        String url = receiver.url("/hooks/closeout");

        DeliveryException seconds = assertThrows(DeliveryException.class,
                () -> channel.sendJson("ntf-4718", url, PAYMENTS_REMINDER));
        DeliveryException date = assertThrows(DeliveryException.class,
                () -> channel.sendJson("ntf-4718", url, PAYMENTS_REMINDER));

        assertEquals(Duration.ofHours(1), seconds.retryAfter().orElseThrow());
        assertEquals(Duration.ofHours(1), date.retryAfter().orElseThrow());
    }

    @Test
    void retryAfterInThePastMeansNow() {
        receiver.answer(503, "", "Retry-After", "Mon, 07 Dec 2026 08:00:00 GMT");

        DeliveryException e = assertThrows(DeliveryException.class,
                () -> channel(SECRET).sendJson("ntf-4719", receiver.url("/hooks/closeout"), PAYMENTS_REMINDER));

        assertEquals(Duration.ZERO, e.retryAfter().orElseThrow());
    }

    @Test
    void unknownWebhookIsPermanentWithSlacksCode() {
        receiver.answer(404, "no_service");

        DeliveryException e = assertThrows(DeliveryException.class,
                () -> channel(SECRET).sendSlack("ntf-4720", receiver.url(SLACK_PATH), PAYMENTS_REMINDER));

        assertTrue(e.isPermanent());
        assertEquals("webhook at 127.0.0.1 answered 404: no_service", e.getMessage());
    }

    @Test
    void archivedChannelIsPermanent() {
        receiver.answer(410, "channel_is_archived");

        DeliveryException e = assertThrows(DeliveryException.class,
                () -> channel(SECRET).sendSlack("ntf-4721", receiver.url(SLACK_PATH), PAYMENTS_REMINDER));

        assertTrue(e.isPermanent());
        assertTrue(e.retryAfter().isEmpty());
        assertEquals("webhook at 127.0.0.1 answered 410: channel_is_archived", e.getMessage());
    }

    @Test
    void redirectIsPermanentAndNotFollowed() {
        receiver.answer(302, "", "Location", receiver.url("/moved/hooks/closeout"));

        DeliveryException e = assertThrows(DeliveryException.class,
                () -> channel(SECRET).sendJson("ntf-4722", receiver.url("/hooks/closeout"), PAYMENTS_REMINDER));

        assertTrue(e.isPermanent());
        assertTrue(e.getMessage().startsWith("webhook at 127.0.0.1 answered 302"), e.getMessage());
        assertEquals("/hooks/closeout", receiver.one().path());
    }

    @Test
    void aLongErrorPageIsQuotedOnOneLineAndCut() {
        String page = "<html>\n<head><title>400 Bad Request</title></head>\n<body>\r\n" + "x".repeat(5000)
                + "</body></html>";
        receiver.answer(400, page);

        DeliveryException e = assertThrows(DeliveryException.class,
                () -> channel(SECRET).sendJson("ntf-4723", receiver.url("/hooks/closeout"), PAYMENTS_REMINDER));

        assertTrue(e.isPermanent());
        String quoted = e.getMessage().substring("webhook at 127.0.0.1 answered 400: ".length());
        assertTrue(quoted.startsWith("<html> <head><title>400 Bad Request</title></head> <body> xxx"), quoted);
        assertEquals(WebhookChannel.QUOTED_CHARS + 1, quoted.length(), "200 characters and an ellipsis");
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"));
    }

    @Test
    void silentReceiverMayPassOnceTheTimeOutEnds() {
        receiver.neverAnswer();

        DeliveryException e = assertThrows(DeliveryException.class,
                () -> channel(SECRET, Duration.ofSeconds(1))
                        .sendSlack("ntf-4724", receiver.url(SLACK_PATH), PAYMENTS_REMINDER));

        assertFalse(e.isPermanent());
        assertEquals("webhook at 127.0.0.1 did not answer within 1000 ms", e.getMessage());
    }

    @Test
    void closedPortMayPass() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        DeliveryException e = assertThrows(DeliveryException.class,
                () -> channel(SECRET).sendJson("ntf-4725", "http://127.0.0.1:" + port + "/hooks/closeout",
                        PAYMENTS_REMINDER));

        assertFalse(e.isPermanent());
        assertTrue(e.getMessage().startsWith("could not connect to the webhook at 127.0.0.1"), e.getMessage());
    }

    @Test
    void droppedConnectionMayPass() {
        receiver.hangUp();

        DeliveryException e = assertThrows(DeliveryException.class,
                () -> channel(SECRET).sendJson("ntf-4726", receiver.url("/hooks/closeout"), PAYMENTS_REMINDER));

        assertFalse(e.isPermanent());
        assertTrue(e.getMessage().startsWith("the connection to the webhook at 127.0.0.1 broke"), e.getMessage());
    }

    @Test
    void interruptedSenderMayPassAndStaysInterrupted() {
        receiver.neverAnswer();
        WebhookChannel channel = channel(SECRET);
        String url = receiver.url("/hooks/closeout");

        Thread.currentThread().interrupt();
        DeliveryException e;
        try {
            e = assertThrows(DeliveryException.class, () -> channel.sendJson("ntf-4727", url, PAYMENTS_REMINDER));
        } finally {
            assertTrue(Thread.interrupted(), "the interrupt is kept for the caller (and cleared here)");
        }

        assertFalse(e.isPermanent());
        assertEquals("interrupted while delivering to the webhook at 127.0.0.1", e.getMessage());
    }

    @Test
    void urlThatIsNoHttpUrlIsPermanent() {
        DeliveryException e = assertThrows(DeliveryException.class,
                () -> channel(SECRET).sendSlack("ntf-4728", "hooks.slack.com" + SLACK_PATH, PAYMENTS_REMINDER));

        assertTrue(e.isPermanent());
        assertEquals("the webhook URL is not an http(s) URL with a host", e.getMessage());
    }

    /**
     * Every outcome against a URL whose path is Slack's token: reasons, causes and log lines name the host only,
     * even when the receiver quotes the path back.
     */
    @Test
    void theUrlsTokenIsNeverInAReasonNorALogLine() throws IOException {
        String url = receiver.url(SLACK_PATH + "?channel=XXXXsecretXXXX");
        receiver.answer(200, "ok")
                .answer(500, "Internal error while posting to " + SLACK_PATH)
                .answer(429, "slow down", "Retry-After", "30")
                .answer(404, "Cannot POST " + SLACK_PATH + "?channel=" + SLACK_TOKEN)
                .answer(403, "invalid_token: " + SLACK_TOKEN)
                .answer(301, "Moved to https://hooks.example.com" + SLACK_PATH, "Location",
                        "https://hooks.example.com" + SLACK_PATH)
                .hangUp()
                .neverAnswer();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        WebhookChannel channel = channel(SECRET);
        List<String> reasons = new ArrayList<>();

        for (int i = 0; i < 7; i++) {
            try {
                channel.sendSlack("ntf-4729", url, PAYMENTS_REMINDER);
            } catch (DeliveryException e) {
                reasons.addAll(messages(e));
            }
        }
        DeliveryException silent = assertThrows(DeliveryException.class,
                () -> channel(SECRET, Duration.ofSeconds(1)).sendSlack("ntf-4729", url, PAYMENTS_REMINDER));
        reasons.addAll(messages(silent));
        for (String broken : List.of("http://127.0.0.1:" + closedPort + SLACK_PATH,
                "https://hooks.slack.com/services/T000/B000/" + SLACK_TOKEN + " trailing words",
                "hooks.slack.com" + SLACK_PATH)) {
            DeliveryException e = assertThrows(DeliveryException.class,
                    () -> channel.sendSlack("ntf-4729", broken, PAYMENTS_REMINDER));
            reasons.addAll(messages(e));
        }

        assertEquals(8, receiver.received().size());
        assertTrue(reasons.size() >= 10, reasons.toString());
        reasons.forEach(reason -> assertFalse(reason.contains(SLACK_TOKEN), reason));
        assertTrue(reasons.contains("webhook at 127.0.0.1 answered 404: Cannot POST …"), reasons.toString());
        assertTrue(logs.list.size() >= 11, "one line per outcome");
        for (ILoggingEvent event : logs.list) {
            assertFalse(event.getFormattedMessage().contains(SLACK_TOKEN), event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                assertFalse(String.valueOf(t.getMessage()).contains(SLACK_TOKEN), t.getMessage());
            }
        }
    }

    private static List<String> messages(DeliveryException e) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return messages;
    }

    private static WebhookChannel channel(String secret) {
        return channel(secret, PATIENT);
    }

    private static WebhookChannel channel(String secret, Duration timeout) {
        NotifyConfiguration configuration = new NotifyConfiguration(true, List.of("-3d", "0d", "+1d", "+7d"),
                Duration.ofDays(7), Duration.ofDays(14), LocalTime.of(9, 0), ZoneOffset.UTC, null,
                Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofMinutes(5), secret,
                timeout);
        return new WebhookChannel(configuration, JSON, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The receiver's side, written from the documentation rather than from {@link WebhookSignature}. */
    private static String hmacSha256Hex(String key, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
