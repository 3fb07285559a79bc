package dev.closeout.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@code /api} operation (or every operation of a controller) that keeps a team-scoped token
 * inside its team: it shows only the team's items and answers 404 for another team's. Team-scoped tokens
 * are refused (403) on every operation without it ({@link TeamScopeRule}), so an endpoint added later is
 * unscoped-only until its author makes it filter by team. The rule is in docs/api.md, "Team scope".
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface TeamScoped {
}
