package dev.closeout.web.page;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The web pages' sessions (docs/dashboard.md, docs/configuration.md).
 *
 * @param sessionTtl    how long a sign-in lasts; the cookie expires then and is refused after
 * @param sessionSecret the key session cookies and CSRF tokens are signed with (CLOSEOUT_WEB_SESSION_SECRET);
 *                      the same on every instance so any of them accepts a session; unset: a random key per
 *                      process, so sessions end when it restarts
 */
@ConfigurationProperties(WebSessionConfiguration.PREFIX)
public record WebSessionConfiguration(
        @Bindable(defaultValue = "12h") Duration sessionTtl,
        @Nullable String sessionSecret) {

    public static final String PREFIX = "closeout.web";
}
