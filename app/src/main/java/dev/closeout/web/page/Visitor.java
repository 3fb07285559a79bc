package dev.closeout.web.page;

import dev.closeout.security.Caller;

/**
 * Who is looking at a page: the session their cookie carries, the caller its token stands for today (role and
 * team scope as in the API), and the CSRF token their forms must send back.
 */
public record Visitor(PageSession session, Caller caller, String csrfToken) {
}
