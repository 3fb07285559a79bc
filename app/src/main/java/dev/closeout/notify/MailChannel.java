package dev.closeout.notify;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Sends a notification as one e-mail to all its recipients over SMTP ({@link SmtpConfiguration}). The message is
 * handed over whole or not at all: a recipient the server refuses fails the message for every recipient, so a
 * failed notification means nobody got it (Jakarta Mail's {@code sendpartial} stays off).
 */
@Singleton
public class MailChannel {

    private static final Logger LOG = LoggerFactory.getLogger(MailChannel.class);
    /** Goes into the Message-ID and a header as it is, so nothing that could break a header line. */
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final SmtpConfiguration smtp;
    private final @Nullable Session session;
    private final @Nullable InternetAddress from;

    public MailChannel(SmtpConfiguration smtp) {
        this.smtp = smtp;
        this.session = smtp.configured() ? Session.getInstance(properties(smtp)) : null;
        this.from = smtp.configured() ? from(smtp) : null;
    }

    /** Whether e-mail is on: {@code closeout.notify.smtp.host} is set. */
    public boolean configured() {
        return session != null;
    }

    /**
     * Sends {@code message} to every address in {@code to} as one e-mail whose Message-ID is
     * {@code <reference@closeout>}, so a second try of the same notification is recognisable as the same mail.
     *
     * @param reference what the e-mail is, e.g. {@code notification-100234}: letters, digits, {@code . _ -}
     * @throws DeliveryException passing when the server is unreachable, slow or answers 4xx; permanent when it
     *                           refuses an address, the message or the login (5xx), or an address is not one
     */
    public void send(String reference, List<String> to, Message message) throws DeliveryException {
        if (!REFERENCE.matcher(reference).matches()) {
            throw new IllegalArgumentException("reference: '" + reference
                    + "' must be letters, digits, '.', '_' or '-' (it becomes the Message-ID)");
        }
        if (session == null) {
            throw DeliveryException.permanent("e-mail is off: closeout.notify.smtp.host (CLOSEOUT_NOTIFY_SMTP_HOST)"
                    + " is not set", null);
        }
        try {
            MimeMessage mime = message(session, reference, recipients(to), message);
            transmit(session, mime);
        } catch (DeliveryException e) {
            LOG.warn("e-mail {} to {} recipient(s) not sent ({}): {}", reference, to.size(),
                    e.isPermanent() ? "permanent" : "tried again later", e.getMessage());
            throw e;
        }
    }

    private void transmit(Session session, MimeMessage mime) throws DeliveryException {
        Transport transport;
        try {
            transport = session.getTransport("smtp");
        } catch (MessagingException e) {
            throw new IllegalStateException("Jakarta Mail has no smtp transport: is angus-mail on the class path?", e);
        }
        try {
            transport.connect(smtp.host(), smtp.port(), smtp.username(), smtp.password());
            transport.sendMessage(mime, mime.getAllRecipients());
        } catch (MessagingException e) {
            throw MailFailure.of(e, smtp);
        } finally {
            try {
                transport.close();
            } catch (MessagingException e) {
                // QUIT unanswered after the server took the message, or the connection already gone: what
                // happened to the message is decided above, and sending it again would send it twice
            }
        }
    }

    private MimeMessage message(Session session, String reference, InternetAddress[] to, Message message)
            throws DeliveryException {
        try {
            MimeMessage mime = new ReferencedMessage(session, reference);
            mime.setFrom(from);
            mime.setRecipients(MimeMessage.RecipientType.TO, to);
            mime.setSubject(message.subject(), UTF_8);
            MimeBodyPart text = new MimeBodyPart();
            text.setText(message.text(), UTF_8, "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(message.html(), UTF_8, "html");
            // the last part is the richest: readers that show HTML show it, the others the text
            MimeMultipart alternative = new MimeMultipart("alternative", text, html);
            mime.setContent(alternative);
            // RFC 3834: no vacation or out-of-office replies to a machine; Exchange reads the second header
            mime.setHeader("Auto-Submitted", "auto-generated");
            mime.setHeader("X-Auto-Response-Suppress", "All");
            mime.setHeader("X-Closeout-Notification", reference);
            mime.saveChanges();
            return mime;
        } catch (MessagingException e) {
            // building a message from checked strings does not fail short of a bug in the message itself
            throw DeliveryException.permanent("e-mail " + reference + " could not be built: " + e.getMessage(), e);
        }
    }

    private static InternetAddress[] recipients(List<String> to) throws DeliveryException {
        if (to.isEmpty()) {
            throw DeliveryException.permanent("no e-mail address to send to", null);
        }
        List<InternetAddress> addresses = new ArrayList<>();
        for (String address : to) {
            try {
                addresses.add(new InternetAddress(address, true));
            } catch (AddressException e) {
                throw DeliveryException.permanent("'" + address + "' is not an e-mail address: " + e.getMessage(), e);
            }
        }
        return addresses.toArray(InternetAddress[]::new);
    }

    private static InternetAddress from(SmtpConfiguration smtp) {
        try {
            return new InternetAddress(smtp.from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException(SmtpConfiguration.PREFIX + ".from: '" + smtp.from()
                    + "' is not an e-mail address: " + e.getMessage(), e);
        }
    }

    private static Properties properties(SmtpConfiguration smtp) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", smtp.host().strip());
        properties.put("mail.smtp.port", Integer.toString(smtp.port()));
        properties.put("mail.smtp.auth", Boolean.toString(smtp.username() != null && !smtp.username().isBlank()));
        // the certificate must name the host, whichever way TLS starts
        properties.put("mail.smtp.ssl.checkserveridentity", "true");
        if (smtp.ssl()) {
            properties.put("mail.smtp.ssl.enable", "true");
        } else if (smtp.starttls()) {
            properties.put("mail.smtp.starttls.enable", "true");
            // never fall back to sending the password and the mail in clear text
            properties.put("mail.smtp.starttls.required", "true");
        }
        properties.put("mail.smtp.connectiontimeout", Long.toString(smtp.connectTimeout().toMillis()));
        properties.put("mail.smtp.timeout", Long.toString(smtp.timeout().toMillis()));
        properties.put("mail.smtp.writetimeout", Long.toString(smtp.timeout().toMillis()));
        return properties;
    }

    /** A message whose Message-ID is the notification's own rather than a random one made at each save. */
    private static final class ReferencedMessage extends MimeMessage {

        private final String reference;

        ReferencedMessage(Session session, String reference) {
            super(session);
            this.reference = reference;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + reference + "@closeout>");
        }
    }
}
