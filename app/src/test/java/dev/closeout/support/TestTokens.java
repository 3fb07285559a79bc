package dev.closeout.support;

/** Tokens the tests authenticate with. The admin one is set in src/test/resources/application-test.yml. */
public final class TestTokens {

    public static final String ADMIN = "test-admin-token";

    private TestTokens() {
    }
}
