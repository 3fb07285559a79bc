package dev.closeout.notify;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The e-mail channel against a real SMTP server (GreenMail) for what arrives, and against a scripted one
 * ({@link ScriptedSmtpServer}) for the replies GreenMail never gives: refused and deferred recipients, silence.
 */
class MailChannelTest {

    private static final String BOT = "closeout-bot";
    private static final String PASSWORD = "s3cret-Pa55word!";
    private static final String REFERENCE = "notification-100234";
    private static final Message OVERDUE = new Message(
            "Überfällig: Rotate the on-call pager secret (INC-2291)",
            "Hello Jürgen,\n\nRotate the on-call pager secret was due on 2026-12-01 and is 6 days overdue.\n"
                    + "Postmortem: INC-2291 Payment retries double-charged customers\n",
            "<!DOCTYPE html><html><body><p>Hello Jürgen,</p><p><b>Rotate the on-call pager secret</b> was due on "
                    + "2026-12-01 and is 6 days overdue.</p></body></html>",
            "*Rotate the on-call pager secret* is 6 days overdue",
            Map.of("kind", "overdue"));

    @RegisterExtension
    final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("closeout@payments.example.com", BOT, PASSWORD));

    @Test
    void sendsOneMessageWithTextAndHtmlToEveryRecipient() throws Exception {
        MailChannel channel = new MailChannel(smtp("localhost", greenMail.getSmtp().getPort(), null, null));

        channel.send(REFERENCE, List.of("juergen@payments.example.com", "Priya Natarajan <priya@search.example.com>"),
                OVERDUE);

        assertTrue(greenMail.waitForIncomingEmail(10_000, 2), "two mailboxes get the message");
        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertArrayEquals(new Address[] {new InternetAddress("juergen@payments.example.com"),
                new InternetAddress("priya@search.example.com", "Priya Natarajan")}, received.getAllRecipients());
        assertEquals(List.of(new InternetAddress("closeout@payments.example.com", "Closeout")),
                Arrays.asList(received.getFrom()));
        assertEquals("Überfällig: Rotate the on-call pager secret (INC-2291)", received.getSubject());
        assertEquals("<notification-100234@closeout>", received.getMessageID());
        assertEquals("auto-generated", received.getHeader("Auto-Submitted", null));
        assertEquals("All", received.getHeader("X-Auto-Response-Suppress", null));
        assertEquals(REFERENCE, received.getHeader("X-Closeout-Notification", null));
        assertTrue(received.isMimeType("multipart/alternative"), received.getContentType());
        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertEquals(2, parts.getCount());
        BodyPart text = parts.getBodyPart(0);
        BodyPart html = parts.getBodyPart(1);
        assertEquals("text/plain; charset=UTF-8", text.getContentType());
        assertEquals("text/html; charset=UTF-8", html.getContentType());
        // MIME sends lines ending in CRLF, and that is what is read back
        assertEquals(OVERDUE.text().replace("\n", "\r\n"), text.getContent());
        assertEquals(OVERDUE.html(), html.getContent());
    }

    @Test
    void logsInWhenAUsernameIsSet() throws Exception {
        MailChannel channel = new MailChannel(smtp("localhost", greenMail.getSmtp().getPort(), BOT, PASSWORD));

        channel.send(REFERENCE, List.of("juergen@payments.example.com"), OVERDUE);

        assertTrue(greenMail.waitForIncomingEmail(10_000, 1));
        assertEquals("<notification-100234@closeout>", greenMail.getReceivedMessages()[0].getMessageID());
    }

    @Test
    void aRefusedLoginIsPermanentAndNeverQuotesThePassword() {
        String wrong = "Pa55word-of-last-year";
        MailChannel channel = new MailChannel(smtp("localhost", greenMail.getSmtp().getPort(), BOT, wrong));

        DeliveryException e = assertThrows(DeliveryException.class,
                () -> channel.send(REFERENCE, List.of("juergen@payments.example.com"), OVERDUE));

        assertTrue(e.isPermanent());
        assertTrue(e.getMessage().startsWith("SMTP server localhost:" + greenMail.getSmtp().getPort()
                + " refused the login of closeout-bot (closeout.notify.smtp.username and password): 535"),
                e.getMessage());
        assertFalse(e.getMessage().contains(wrong), e.getMessage());
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    @Test
    void aRecipientRefusedWith550IsPermanentNamesTheAddressAndNobodyGetsTheMessage() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.answeringRecipients(address ->
                address.equals("bob@example.com") ? "550 5.1.1 no such user" : "250 2.1.5 OK")) {
            MailChannel channel = new MailChannel(smtp("127.0.0.1", server.port(), null, null));

            DeliveryException e = assertThrows(DeliveryException.class, () -> channel.send(REFERENCE,
                    List.of("juergen@payments.example.com", "bob@example.com"), OVERDUE));

            assertTrue(e.isPermanent());
            assertEquals("SMTP server 127.0.0.1:" + server.port() + " refused bob@example.com: 550 5.1.1 no such user",
                    e.getMessage());
            assertFalse(server.commands().contains("DATA"), server.commands().toString());
        }
    }

    @Test
    void aRecipientPutOffWith451IsPassing() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.answeringRecipients(address -> "451 4.3.0 try later")) {
            MailChannel channel = new MailChannel(smtp("127.0.0.1", server.port(), null, null));

            DeliveryException e = assertThrows(DeliveryException.class,
                    () -> channel.send(REFERENCE, List.of("juergen@payments.example.com"), OVERDUE));

            assertFalse(e.isPermanent());
            assertEquals("SMTP server 127.0.0.1:" + server.port() + " put off juergen@payments.example.com: "
                    + "451 4.3.0 try later", e.getMessage());
        }
    }

    @Test
    void aMessageRefusedWith554IsPermanent() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.answeringMessages("554 5.7.1 message rejected as spam")) {
            MailChannel channel = new MailChannel(smtp("127.0.0.1", server.port(), null, null));

            DeliveryException e = assertThrows(DeliveryException.class,
                    () -> channel.send(REFERENCE, List.of("juergen@payments.example.com"), OVERDUE));

            assertTrue(e.isPermanent());
            assertEquals("SMTP server 127.0.0.1:" + server.port() + " refused the message: "
                    + "554 5.7.1 message rejected as spam", e.getMessage());
        }
    }

    @Test
    void aMessagePutOffWith452IsPassing() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.answeringMessages("452 4.3.1 insufficient storage")) {
            MailChannel channel = new MailChannel(smtp("127.0.0.1", server.port(), null, null));

            DeliveryException e = assertThrows(DeliveryException.class,
                    () -> channel.send(REFERENCE, List.of("juergen@payments.example.com"), OVERDUE));

            assertFalse(e.isPermanent());
            assertEquals("SMTP server 127.0.0.1:" + server.port() + " refused the message: "
                    + "452 4.3.1 insufficient storage", e.getMessage());
        }
    }

    @Test
    void aServerThatNeverAnswersIsPassingOnceTheTimeoutIsOver() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.silent()) {
            MailChannel channel = new MailChannel(new SmtpConfiguration("127.0.0.1", server.port(), null, null,
                    "closeout@payments.example.com", false, false, Duration.ofSeconds(10), Duration.ofSeconds(1)));

            DeliveryException e = assertThrows(DeliveryException.class,
                    () -> channel.send(REFERENCE, List.of("juergen@payments.example.com"), OVERDUE));

            assertFalse(e.isPermanent());
            assertEquals("SMTP server 127.0.0.1:" + server.port() + " did not answer in time (connect-timeout 10s, "
                    + "timeout 1s)", e.getMessage());
        }
    }

    @Test
    void aRefusedConnectionIsPassing() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        MailChannel channel = new MailChannel(smtp("127.0.0.1", closed, null, null));

        DeliveryException e = assertThrows(DeliveryException.class,
                () -> channel.send(REFERENCE, List.of("juergen@payments.example.com"), OVERDUE));

        assertFalse(e.isPermanent());
        assertEquals("SMTP server 127.0.0.1:" + closed + " refused the connection", e.getMessage());
    }

    @Test
    void anAddressThatIsNotOneIsPermanentAndNamed() {
        MailChannel channel = new MailChannel(smtp("localhost", greenMail.getSmtp().getPort(), null, null));

        DeliveryException e = assertThrows(DeliveryException.class, () -> channel.send(REFERENCE,
                List.of("juergen@payments.example.com", "priya at search"), OVERDUE));

        assertTrue(e.isPermanent());
        assertTrue(e.getMessage().startsWith("'priya at search' is not an e-mail address"), e.getMessage());
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    @Test
    void withoutAHostEmailIsOff() {
        MailChannel channel = new MailChannel(smtp(null, 587, null, null));

        assertFalse(channel.configured());
        DeliveryException e = assertThrows(DeliveryException.class,
                () -> channel.send(REFERENCE, List.of("juergen@payments.example.com"), OVERDUE));
        assertTrue(e.isPermanent());
        assertEquals("e-mail is off: closeout.notify.smtp.host (CLOSEOUT_NOTIFY_SMTP_HOST) is not set",
                e.getMessage());
    }

    private static SmtpConfiguration smtp(String host, int port, String username, String password) {
        return new SmtpConfiguration(host, port, username, password, "Closeout <closeout@payments.example.com>",
                false, false, Duration.ofSeconds(10), Duration.ofSeconds(30));
    }
}
