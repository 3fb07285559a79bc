package dev.closeout.notify;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a failed SMTP exchange means for the notification: a reply in the 5xx range, a refused login or address
 * will not change by trying again (permanent); an unreachable, silent or busy (4xx) server may (passing). The
 * reason names the address or the server and quotes its reply, so a person knows what to fix.
 */
final class MailFailure {

    private static final Pattern REPLY_CODE = Pattern.compile("^\\s*([2-5])\\d\\d\\b");

    private MailFailure() {
    }

    static DeliveryException of(MessagingException failure, SmtpConfiguration smtp) {
        String server = "SMTP server " + smtp.host() + ":" + smtp.port();
        List<Throwable> chain = chain(failure);
        // a refused recipient first: a 550 for one address decides, whatever a 451 for another says
        SMTPAddressFailedException passingRecipient = null;
        for (Throwable t : chain) {
            if (t instanceof SMTPAddressFailedException refused) {
                if (permanent(refused.getReturnCode())) {
                    return DeliveryException.permanent(server + " refused " + refused.getAddress().getAddress()
                            + ": " + reply(refused.getMessage(), smtp), failure);
                }
                passingRecipient = passingRecipient == null ? refused : passingRecipient;
            }
        }
        if (passingRecipient != null) {
            return DeliveryException.passing(server + " put off " + passingRecipient.getAddress().getAddress() + ": "
                    + reply(passingRecipient.getMessage(), smtp), null, failure);
        }
        for (Throwable t : chain) {
            if (t instanceof SMTPSenderFailedException refused) {
                return replied(refused.getReturnCode(), server + " refused the sender "
                        + refused.getAddress().getAddress() + " (closeout.notify.smtp.from): "
                        + reply(refused.getMessage(), smtp), failure);
            }
            if (t instanceof SMTPSendFailedException refused && refused.getReturnCode() >= 400) {
                return replied(refused.getReturnCode(), server + " refused the message: "
                        + reply(refused.getMessage(), smtp), failure);
            }
            if (t instanceof AuthenticationFailedException refused) {
                String because = refused.getMessage() == null ? "" : ": " + reply(refused.getMessage(), smtp);
                String reason = server + " refused the login of " + smtp.username()
                        + " (closeout.notify.smtp.username and password)" + because;
                return replied(replyCode(refused.getMessage()), reason, failure);
            }
        }
        for (Throwable t : chain) {
            if (t instanceof UnknownHostException) {
                return DeliveryException.passing("unknown SMTP host " + smtp.host(), null, failure);
            }
            if (t instanceof ConnectException) {
                return DeliveryException.passing(server + " refused the connection", null, failure);
            }
            if (t instanceof SocketTimeoutException) {
                return DeliveryException.passing(server + " did not answer in time (connect-timeout "
                        + smtp.connectTimeout().toSeconds() + "s, timeout " + smtp.timeout().toSeconds() + "s)",
                        null, failure);
            }
        }
        // a connection lost half-way, a greeting other than 220, a TLS handshake that failed: the server or the
        // network, worth another try
        return DeliveryException.passing(server + ": " + reply(String.valueOf(failure.getMessage()), smtp), null,
                failure);
    }

    private static DeliveryException replied(int code, String reason, MessagingException failure) {
        return code >= 400 && code < 500
                ? DeliveryException.passing(reason, null, failure)
                : DeliveryException.permanent(reason, failure);
    }

    private static boolean permanent(int code) {
        return code >= 500;
    }

    /** The reply's code when the text starts with one (a refused login's message is the server's reply). */
    private static int replyCode(String message) {
        Matcher m = message == null ? null : REPLY_CODE.matcher(message);
        return m != null && m.find() ? Integer.parseInt(m.group().strip()) : 0;
    }

    /** The server's words on one line, with the password blotted out should a server echo it. */
    private static String reply(String message, SmtpConfiguration smtp) {
        String line = message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
        return smtp.password() == null || smtp.password().isEmpty() ? line : line.replace(smtp.password(), "****");
    }

    /** The failure, its causes and the exceptions Jakarta Mail chains to it (one per refused address). */
    private static List<Throwable> chain(MessagingException failure) {
        List<Throwable> chain = new ArrayList<>();
        List<Throwable> todo = new ArrayList<>(List.of(failure));
        while (!todo.isEmpty() && chain.size() < 50) {
            Throwable t = todo.remove(0);
            if (t == null || chain.contains(t)) {
                continue;
            }
            chain.add(t);
            todo.add(t.getCause());
            if (t instanceof MessagingException m) {
                todo.add(m.getNextException());
            }
        }
        return chain;
    }
}
