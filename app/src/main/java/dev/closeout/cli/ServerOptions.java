package dev.closeout.cli;

import io.micronaut.core.annotation.Nullable;

/**
 * The {@code --server URL --token T} pair of the commands that can work through a running Closeout instead of
 * the database ({@code import}, {@code report}); the token defaults to {@link #TOKEN_VARIABLE}.
 */
final class ServerOptions {

    static final String TOKEN_VARIABLE = "CLOSEOUT_TOKEN";

    private ServerOptions() {
    }

    /** The token to send: {@code --token}, else the environment variable. */
    static @Nullable String token(@Nullable String token) {
        return token != null ? token : System.getenv(TOKEN_VARIABLE);
    }

    /**
     * What is wrong with the pair, in one line for stderr, or null when nothing is: a token without a server,
     * a server that is no http(s) URL, a server without a token. The token itself is never in the line.
     */
    static @Nullable String problem(@Nullable String server, @Nullable String token, @Nullable String apiToken,
                                    String withoutServer) {
        if (server == null && token != null) {
            return "--token is for --server; without it " + withoutServer;
        }
        if (server != null && !server.matches("(?i)https?://[^/\\s]+.*")) {
            return "--server: '" + server + "' is not an http:// or https:// URL";
        }
        if (server != null && (apiToken == null || apiToken.isBlank())) {
            return "--server needs --token or the environment variable " + TOKEN_VARIABLE;
        }
        return null;
    }
}
