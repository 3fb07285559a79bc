package dev.closeout.cli;

import dev.closeout.security.ApiTokens;
import dev.closeout.security.Caller;
import dev.closeout.security.Role;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code token create} issues a working token into the configured database and prints it once. */
class TokenCommandTest extends FreshDataDirectoryTest {

    @Test
    void printsATokenThatAuthenticatesWithItsRole() {
        CommandLineRun run = CommandLineRun.of("token", "create", "--name", "nightly-import", "--role", "editor");

        assertEquals(0, run.exitCode(), run.err());
        String token = run.out().strip();
        assertTrue(token.startsWith("co_"), run.out());
        assertTrue(run.err().contains("not shown again"), run.err());
        try (ApplicationContext context = ApplicationContext.run(Map.of("closeout.data-dir", dataDir.toString()))) {
            Caller caller = context.getBean(ApiTokens.class).authenticate(token).orElseThrow();
            assertEquals(new Caller("nightly-import", Role.EDITOR, null), caller);
        }
    }

    @Test
    void rejectsAnUnknownRoleWithAMessage() {
        CommandLineRun run = CommandLineRun.of("token", "create", "--name", "x", "--role", "owner");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--role: unknown role 'owner'"), run.err());
        assertEquals("", run.out());
    }
}
