package dev.closeout.notify;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The SMTP server reminders and digests are sent through, under {@code closeout.notify.smtp} (env
 * {@code CLOSEOUT_NOTIFY_SMTP_HOST} and so on; docs/notifications.md). Without a host e-mail is off.
 *
 * @param host           the SMTP server, e.g. {@code smtp.example.com}; unset, no e-mail is sent
 * @param port           its port, default 587 (submission); 25 for a relay, 465 for SMTPS with {@code ssl}
 * @param username       the login, when the server wants SMTP AUTH; unset, Closeout does not log in
 * @param password       that login's password (a secret: never logged, never in a delivery's reason)
 * @param from           the From address, optionally with a name ({@code Closeout <closeout@example.com>}), and
 *                       the envelope sender bounces go to; default {@code closeout@localhost}
 * @param starttls       upgrades the connection with STARTTLS and refuses a server that does not offer it
 *                       (submission on 587), default false
 * @param ssl            TLS from the first byte (SMTPS, usually port 465), default false; takes precedence over
 *                       {@code starttls}
 * @param connectTimeout time to open the connection, default 10s
 * @param timeout        time for each of the server's answers and for each write to it, default 30s
 */
@ConfigurationProperties(SmtpConfiguration.PREFIX)
public record SmtpConfiguration(
        @Nullable String host,
        @Bindable(defaultValue = "587") int port,
        @Nullable String username,
        @Nullable String password,
        @Bindable(defaultValue = "closeout@localhost") String from,
        @Bindable(defaultValue = "false") boolean starttls,
        @Bindable(defaultValue = "false") boolean ssl,
        @Bindable(defaultValue = "10s") Duration connectTimeout,
        @Bindable(defaultValue = "30s") Duration timeout) {

    public static final String PREFIX = "closeout.notify.smtp";

    public SmtpConfiguration {
        // application.yml reads CLOSEOUT_NOTIFY_SMTP_HOST with an empty default: empty means "no e-mail"
        host = host == null || host.isBlank() ? null : host.strip();
        username = username == null || username.isBlank() ? null : username;
        password = password == null || password.isEmpty() ? null : password;
    }

    /** Whether a host is set, so e-mail can be sent at all. */
    public boolean configured() {
        return host != null && !host.isBlank();
    }

    @Override
    public String toString() {
        // the record's own toString would print the password
        return "SmtpConfiguration[host=" + host + ", port=" + port + ", username=" + username + ", password="
                + (password == null ? "unset" : "****") + ", from=" + from + ", starttls=" + starttls + ", ssl=" + ssl
                + ", connectTimeout=" + connectTimeout + ", timeout=" + timeout + "]";
    }
}
