package dev.closeout.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) on a port of its own, that a test stops and starts again on the same port to
 * play an outage, and reads as people would: who got which mail, its subject, text and HTML parts.
 */
final class Mailbox {

    /** One e-mail as received, with the test's clock time of the tick it arrived in. */
    record Mail(Instant arrived, List<String> to, String subject, String text, String html, String messageId) {
    }

    final int port;
    private GreenMail server;
    /** Copies taken so far by Message-ID and recipient: a mail sent twice is a second copy under the same key. */
    private final Map<String, Integer> seen = new HashMap<>();

    Mailbox() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
    }

    void start() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        seen.clear();
    }

    void stop() {
        server.stop();
    }

    /**
     * Mail that arrived since the last call, stamped with {@code now}. GreenMail keeps one copy per recipient,
     * grouped by mailbox rather than in order of arrival, so new mail is told by counting copies per Message-ID and
     * recipient: a message sent twice shows as two.
     */
    List<Mail> newMail(Instant now) {
        Map<String, List<Mail>> copies = new LinkedHashMap<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            Mail mail = read(message, now);
            copies.computeIfAbsent(mail.messageId() + " " + mail.to(), key -> new ArrayList<>()).add(mail);
        }
        List<Mail> fresh = new ArrayList<>();
        copies.forEach((key, mails) -> {
            int before = seen.getOrDefault(key, 0);
            fresh.addAll(mails.subList(Math.min(before, mails.size()), mails.size()));
            seen.put(key, mails.size());
        });
        return fresh;
    }

    private static Mail read(MimeMessage message, Instant now) {
        try {
            String text = null;
            String html = null;
            Multipart parts = (Multipart) message.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    text = (String) part.getContent();
                } else if (part.isMimeType("text/html")) {
                    html = (String) part.getContent();
                }
            }
            List<String> to = Arrays.stream(message.getRecipients(RecipientType.TO)).map(Object::toString).toList();
            return new Mail(now, to, message.getSubject(), text, html, message.getMessageID());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("unreadable mail", e);
        }
    }
}
