package dev.closeout.web.page;

import dev.closeout.action.ActionItem;
import dev.closeout.action.ActionItemRepository;
import dev.closeout.action.ActionViews;
import dev.closeout.postmortem.Postmortem;
import dev.closeout.postmortem.PostmortemCorrection;
import dev.closeout.postmortem.PostmortemCorrections;
import dev.closeout.postmortem.PostmortemFilter;
import dev.closeout.postmortem.PostmortemQueries;
import dev.closeout.postmortem.PostmortemRepository;
import dev.closeout.postmortem.PostmortemResponse;
import dev.closeout.postmortem.PostmortemScope;
import dev.closeout.postmortem.PostmortemSummary;
import dev.closeout.postmortem.extraction.RootCause;
import dev.closeout.report.ReportTeamFilter;
import dev.closeout.security.Caller;
import dev.closeout.security.Role;
import dev.closeout.similar.SimilarSearch;
import dev.closeout.web.Cursor;
import dev.closeout.web.Page;
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
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static dev.closeout.web.page.WeeklyPageController.blankToNull;

/**
 * {@code /postmortems}: the list, filtered and paged as {@code GET /api/postmortems}, and one postmortem's page
 * with its follow-ups, its text with the lines they come from, its similar incidents and, for editors, the
 * root-cause correction of {@code PATCH /api/postmortems/{id}} (docs/dashboard.md). Each answers from the same
 * services as the API, with the visitor's role and team scope.
 */
@Controller("/postmortems")
@Secured(SecurityRule.IS_ANONYMOUS) // the session is checked here: pages take no bearer tokens
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class PostmortemPageController {

    /** As many similar incidents as the API answers by default. */
    private static final int SIMILAR = 5;

    private final PostmortemQueries queries;
    private final PostmortemRepository postmortems;
    private final PostmortemScope scope;
    private final PostmortemCorrections corrections;
    private final ActionItemRepository actions;
    private final ActionViews actionViews;
    private final SimilarSearch similar;
    private final Visitors visitors;
    private final Stylesheet stylesheet;
    private final TransactionOperations<Connection> transactions;
    private final ReportTeamFilter teamFilter;

    PostmortemPageController(PostmortemQueries queries, PostmortemRepository postmortems, PostmortemScope scope,
                             PostmortemCorrections corrections, ActionItemRepository actions,
                             ActionViews actionViews, SimilarSearch similar, Visitors visitors,
                             Stylesheet stylesheet, TransactionOperations<Connection> transactions,
                             ReportTeamFilter teamFilter) {
        this.queries = queries;
        this.postmortems = postmortems;
        this.scope = scope;
        this.corrections = corrections;
        this.actions = actions;
        this.actionViews = actionViews;
        this.similar = similar;
        this.visitors = visitors;
        this.stylesheet = stylesheet;
        this.transactions = transactions;
        this.teamFilter = teamFilter;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> list(HttpRequest<?> request, @QueryValue @Nullable String q, @QueryValue @Nullable String service,
                         @QueryValue @Nullable String component, @QueryValue @Nullable String trigger,
                         @QueryValue @Nullable String from, @QueryValue @Nullable String to,
                         @QueryValue @Nullable String team, @QueryValue @Nullable Integer limit,
                         @QueryValue @Nullable String cursor) {
        Optional<Visitor> signedIn = visitors.of(request);
        if (signedIn.isEmpty()) {
            return Visitors.toLogin(request);
        }
        Visitor visitor = signedIn.get();
        PostmortemListQuery query = new PostmortemListQuery(blankToNull(q), blankToNull(service),
                blankToNull(component), blankToNull(trigger), blankToNull(from), blankToNull(to), blankToNull(team), limit);
        Map<String, Object> model = PageModel.of(stylesheet, visitor);
        model.put("query", query);
        model.put("components", RootCause.components());
        model.put("triggers", RootCause.triggers());
        model.put("teamScoped", visitor.caller().teamId() != null);
        try {
            PostmortemFilter filter = PostmortemFilter.of(query.q(), query.service(), query.component(),
                    query.trigger(), query.from(), query.to());
            // a team's postmortems as its own token lists them; a team-scoped visitor gets no other team's
            Long teamId = teamFilter.teamOf(query.team(), visitor.caller());
            int pageSize = Cursor.limit(limit);
            Page<PostmortemListRow> page = Page.of(queries.find(filter, Cursor.decode(cursor), pageSize + 1,
                    teamId), pageSize, PostmortemSummary::id, PostmortemListRow::of);
            model.put("rows", page.items());
            model.put("nextUrl", page.next() == null ? null : query.url(page.next()));
            model.put("firstUrl", cursor == null ? null : query.url(null));
        } catch (HttpStatusException e) {
            // a filter the API refuses (a date that is none, a class not in the taxonomy, another team): the form
            // says which
            model.put("rows", List.of());
            model.put("message", e.getMessage());
            return HttpResponse.status(HttpStatus.valueOf(e.getStatus().getCode()))
                    .body(new ModelAndView<>("postmortems", model));
        }
        return HttpResponse.ok(new ModelAndView<>("postmortems", model));
    }

    @Get("/{id}")
    @Produces(MediaType.TEXT_HTML)
    @ReadOnly
    HttpResponse<?> postmortem(HttpRequest<?> request, long id) {
        Optional<Visitor> signedIn = visitors.of(request);
        if (signedIn.isEmpty()) {
            return Visitors.toLogin(request);
        }
        try {
            return page(signedIn.get(), id, null, HttpStatus.OK, null);
        } catch (HttpStatusException e) {
            return ErrorPage.of(stylesheet, signedIn.get(), HttpStatus.valueOf(e.getStatus().getCode()), e.getMessage());
        }
    }

    /**
     * Corrects the root cause as {@code PATCH /api/postmortems/{id}} does, with only the fields the person changed,
     * so what they left as it was still follows the text on re-import.
     */
    @Post("/{id}/root-cause")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> correctRootCause(HttpRequest<?> request, long id, @Body RootCauseForm form) {
        Optional<Visitor> signedIn = visitors.of(request);
        if (signedIn.isEmpty()) {
            return Visitors.toLogin(request);
        }
        Visitor visitor = signedIn.get();
        if (!visitors.formAllowed(request, visitor, form.csrf())) {
            return ErrorPage.refusedForm(stylesheet, visitor);
        }
        if (visitor.caller().role().compareTo(Role.EDITOR) < 0) {
            return ErrorPage.of(stylesheet, visitor, HttpStatus.FORBIDDEN,
                    "A reader cannot correct a postmortem; nothing was changed.");
        }
        try {
            // read before the correction's own transaction, which reads the postmortem again, locked
            Postmortem current = transactions.executeRead(status -> visible(id, visitor.caller()));
            Map<String, JsonNode> changed = changedRootCause(current, form);
            if (!changed.isEmpty()) {
                corrections.correct(id, PostmortemCorrection.parse(JsonNode.createObjectNode(
                        Map.of("root_cause", JsonNode.createObjectNode(changed)))), visitor.caller().teamId());
            }
            return HttpResponse.seeOther(URI.create("/postmortems/" + id));
        } catch (HttpStatusException e) {
            HttpStatus status = HttpStatus.valueOf(e.getStatus().getCode());
            if (status != HttpStatus.BAD_REQUEST) {
                return ErrorPage.of(stylesheet, visitor, status, e.getMessage());
            }
            return transactions.executeRead(transaction -> page(visitor, id, form, status,
                    e.getMessage() + "; nothing was changed."));
        }
    }

    private HttpResponse<?> page(Visitor visitor, long id, @Nullable RootCauseForm posted, HttpStatus status,
                                 @Nullable String message) {
        Caller caller = visitor.caller();
        Postmortem stored = visible(id, caller);
        List<ActionItem> followUps = actions.findByPostmortemIdOrderByPosition(id).stream()
                .filter(action -> caller.reaches(action.teamId())).toList();
        PostmortemResponse postmortem = PostmortemResponse.of(stored, actionViews.of(followUps));
        Map<String, Object> model = PageModel.of(stylesheet, visitor);
        model.put("postmortem", postmortem);
        model.put("title", PostmortemTitles.of(postmortem.title(), id));
        model.put("facts", PostmortemFact.of(postmortem));
        model.put("lines", SourceLine.of(stored.originalText(), postmortem.actions()));
        model.put("form", posted != null ? posted : new RootCauseForm(null, postmortem.rootCause().summary(),
                postmortem.rootCause().component(), postmortem.rootCause().trigger()));
        model.put("components", RootCause.components());
        model.put("triggers", RootCause.triggers());
        // the index is built once after a start; until then the page says so rather than failing
        model.put("similarReady", similar.isReady());
        model.put("similar", similar.isReady() ? similar.similarTo(id, SIMILAR, caller).items() : List.of());
        if (message != null) {
            model.put("message", message);
        }
        return HttpResponse.status(status).body(new ModelAndView<>("postmortem", model));
    }

    /** The postmortem if the caller sees it; another team's is not found, as in the API. */
    private Postmortem visible(long id, Caller caller) {
        Postmortem postmortem = postmortems.findById(id).orElseThrow(() -> PostmortemScope.notFound(id));
        scope.requireVisible(caller.teamId(), postmortem);
        return postmortem;
    }

    private static Map<String, JsonNode> changedRootCause(Postmortem current, RootCauseForm form) {
        Map<String, JsonNode> changed = new LinkedHashMap<>();
        putIfChanged(changed, "summary", current.rootCauseSummary(), form.summary());
        putIfChanged(changed, "component", current.rootCauseComponent(), form.component());
        putIfChanged(changed, "trigger", current.rootCauseTrigger(), form.trigger());
        return changed;
    }

    private static void putIfChanged(Map<String, JsonNode> changed, String field, @Nullable String current,
                                     @Nullable String posted) {
        // a browser sends a textarea's line ends as CRLF
        String value = blankToNull(posted == null ? null : posted.replace("\r\n", "\n"));
        if (!Objects.equals(value, current)) {
            changed.put(field, value == null ? JsonNode.nullNode() : JsonNode.createStringNode(value));
        }
    }
}
