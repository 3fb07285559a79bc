package dev.closeout.notify;

import dev.closeout.cli.CloseoutCommand;
import dev.closeout.support.TestDatabase;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The closeout.notify.smtp keys reach the e-mail channel, and its settings never print the password. A command
 * line's context: the service's start-up work (the similar-incidents index) has nothing to do with e-mail.
 */
class MailChannelContextTest {

    @Test
    void readsTheSmtpKeys() {
        Map<String, Object> properties = new HashMap<>(TestDatabase.properties());
        properties.putAll(Map.of(
                "closeout.notify.smtp.host", "smtp.payments.example.com",
                "closeout.notify.smtp.port", "465",
                "closeout.notify.smtp.username", "closeout-bot",
                "closeout.notify.smtp.password", "s3cret-Pa55word!",
                "closeout.notify.smtp.from", "Closeout <closeout@payments.example.com>",
                "closeout.notify.smtp.ssl", "true",
                "closeout.notify.smtp.connect-timeout", "3s",
                "closeout.notify.smtp.timeout", "20s"));
        try (ApplicationContext context = ApplicationContext.builder().banner(false).environments(CloseoutCommand.CLI_ENVIRONMENT)
                .properties(properties).start()) {
            SmtpConfiguration smtp = context.getBean(SmtpConfiguration.class);

            assertEquals(new SmtpConfiguration("smtp.payments.example.com", 465, "closeout-bot", "s3cret-Pa55word!",
                    "Closeout <closeout@payments.example.com>", false, true, Duration.ofSeconds(3),
                    Duration.ofSeconds(20)), smtp);
            assertTrue(context.getBean(MailChannel.class).configured());
            assertFalse(smtp.toString().contains("s3cret"), smtp.toString());
        }
    }

    @Test
    void withoutKeysEmailIsOffAndTheDefaultsHold() {
        try (ApplicationContext context = ApplicationContext.builder().banner(false).environments(CloseoutCommand.CLI_ENVIRONMENT)
                .properties(new HashMap<>(TestDatabase.properties())).start()) {
            SmtpConfiguration smtp = context.getBean(SmtpConfiguration.class);

            assertEquals(new SmtpConfiguration(null, 587, null, null, "closeout@localhost", false, false,
                    Duration.ofSeconds(10), Duration.ofSeconds(30)), smtp);
            assertFalse(context.getBean(MailChannel.class).configured());
        }
    }
}
