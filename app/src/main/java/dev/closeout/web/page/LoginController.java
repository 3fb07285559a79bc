package dev.closeout.web.page;

import dev.closeout.security.ApiTokens;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in with an API token and sign-out (docs/dashboard.md). The token is checked as the API checks it; the
 * session cookie refers to it by id and never carries it. Each sign-in starts a new session, whatever cookie
 * came with the request, so nobody can hand a browser a session id to use later.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class LoginController {

    private final ApiTokens tokens;
    private final SessionCookies cookies;
    private final Visitors visitors;
    private final Stylesheet stylesheet;

    LoginController(ApiTokens tokens, SessionCookies cookies, Visitors visitors, Stylesheet stylesheet) {
        this.tokens = tokens;
        this.cookies = cookies;
        this.visitors = visitors;
        this.stylesheet = stylesheet;
    }

    @Get("/login")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> form(@QueryValue @Nullable String next) {
        return HttpResponse.ok(form(LocalPath.orHome(next), null));
    }

    @Post("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> signIn(HttpRequest<?> request, @Body LoginForm form) {
        String next = LocalPath.orHome(form.next());
        if (!SameOrigin.allows(request)) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(form(next, "This form was sent from another site."));
        }
        Optional<ApiTokens.SessionSubject> subject = form.token() == null || form.token().isBlank() ? Optional.empty()
                : tokens.sessionSubject(form.token().strip());
        if (subject.isEmpty()) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                    .body(form(next, "That token is not known: it may be mistyped or revoked."));
        }
        PageSession session = cookies.start(subject.get().reference());
        return HttpResponse.seeOther(URI.create(next)).cookie(cookies.cookie(session, request));
    }

    @Post("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> signOut(HttpRequest<?> request, @Body @Nullable ChangeForm form) {
        Optional<Visitor> visitor = visitors.of(request);
        if (visitor.isPresent()) {
            if (!visitors.formAllowed(request, visitor.get(), form == null ? null : form.csrf())) {
                return ErrorPage.refusedForm(stylesheet, visitor.get());
            }
            cookies.end(visitor.get().session());
        }
        return HttpResponse.seeOther(URI.create("/login")).cookie(cookies.cleared(request));
    }

    private ModelAndView<Map<String, Object>> form(String next, @Nullable String message) {
        Map<String, Object> model = PageModel.of(stylesheet, null);
        model.put("next", next);
        if (message != null) {
            model.put("message", message);
        }
        return new ModelAndView<>("login", model);
    }
}
