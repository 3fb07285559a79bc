package dev.closeout.security;

/** Role names as compile-time constants, for {@code @Secured}. Spelled as {@link Role#wireName()}. */
public final class Roles {

    public static final String READER = "reader";
    public static final String EDITOR = "editor";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
