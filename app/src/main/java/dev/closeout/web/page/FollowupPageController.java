package dev.closeout.web.page;

import dev.closeout.action.ActionEdit;
import dev.closeout.action.ActionItem;
import dev.closeout.action.ActionItemResponse;
import dev.closeout.action.ActionItems;
import dev.closeout.action.ActionListParams;
import dev.closeout.action.ActionLists;
import dev.closeout.action.ActionNotFoundException;
import dev.closeout.action.ActionStatus;
import dev.closeout.action.ActionViews;
import dev.closeout.action.DismissRequest;
import dev.closeout.action.DismissalConflictException;
import dev.closeout.action.IllegalTransitionException;
import dev.closeout.action.ReasonRequiredException;
import dev.closeout.action.SnoozeNotAheadException;
import dev.closeout.action.StaleActionException;
import dev.closeout.action.TransitionRequest;
import dev.closeout.notify.Notification;
import dev.closeout.notify.Notifications;
import dev.closeout.report.ReportCalendar;
import dev.closeout.security.Role;
import dev.closeout.storage.Columns;
import dev.closeout.team.TeamKeys;
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
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /follow-ups} and {@code /follow-ups/{id}} (docs/dashboard.md): the list of {@code GET /api/actions} with
 * its filters and keyset pages, one follow-up with its history, and the forms that move a follow-up or change
 * its owner and due date. The forms call what the API's transition and PATCH call, with the version the page
 * showed, so a change made meanwhile is refused as the API's If-Match refuses it. The list's forms, sent by htmx
 * ({@link InPlace}), are answered with their row as it is now (with a refusal's message in it) rather than with a
 * redirect or the follow-up's page; the checks are the same either way.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS) // the session is checked here: pages take no bearer tokens
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class FollowupPageController {

    /** Changes listed on a follow-up's page, the latest; the API's history has every one. */
    static final int HISTORY_SHOWN = 100;
    /** The latest reminders and escalations shown; GET /api/notifications?action= has every one. */
    static final int NOTIFICATIONS_SHOWN = 10;
    static final String STALE = "Someone changed this follow-up since you opened the page; it is shown as it "
            + "is now. Yours was not saved: make it again if it still applies.";
    static final String REASON_REQUIRED = "Moving a follow-up to not doing needs a reason: say why it will not be "
            + "done. Nothing was saved.";
    static final String DISMISSED = "This follow-up was dismissed as no follow-up at all: restore it before "
            + "changing it. Nothing was saved.";
    static final String DISMISSAL_REASON_REQUIRED = "Dismissing a follow-up needs a reason: say why it is no "
            + "follow-up. Nothing was saved.";
    static final String DISMISSED_ALREADY = "Someone dismissed this follow-up already; it is shown as it is now.";
    static final String NOT_DISMISSED = "This follow-up is not dismissed (someone restored it); it is shown as it is "
            + "now.";
    static final String EDITORS_ONLY = "Only editors and admins may change follow-ups; nothing was changed.";

    private final ActionLists lists;
    private final ActionItems actions;
    private final ActionViews views;
    private final FollowupRows rows;
    private final TeamKeys teamKeys;
    private final Visitors visitors;
    private final Stylesheet stylesheet;
    private final HtmxScript htmx;
    private final ReportCalendar calendar;
    private final Notifications notifications;

    FollowupPageController(ActionLists lists, ActionItems actions, ActionViews views, FollowupRows rows,
                           TeamKeys teamKeys, Visitors visitors, Stylesheet stylesheet, HtmxScript htmx,
                           ReportCalendar calendar, Notifications notifications) {
        this.lists = lists;
        this.actions = actions;
        this.views = views;
        this.rows = rows;
        this.teamKeys = teamKeys;
        this.visitors = visitors;
        this.stylesheet = stylesheet;
        this.htmx = htmx;
        this.calendar = calendar;
        this.notifications = notifications;
    }

    @Get(FollowupFilters.PATH)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> list(HttpRequest<?> request, @RequestBean ActionListParams sent) {
        Optional<Visitor> signedIn = visitors.of(request);
        if (signedIn.isEmpty()) {
            return Visitors.toLogin(request);
        }
        Visitor visitor = signedIn.get();
        FollowupFilters filters = FollowupFilters.of(sent);
        if (filters.tidied()) {
            return HttpResponse.seeOther(URI.create(filters.url()));
        }
        Page<ActionItemResponse> page;
        try {
            page = lists.page(filters.params(), visitor.caller());
        } catch (HttpStatusException e) {
            return ErrorPage.of(stylesheet, visitor, HttpStatus.valueOf(e.getStatus().getCode()), e.getMessage());
        }
        Map<String, Object> model = PageModel.of(stylesheet, visitor);
        model.put("rows", rows.of(page.items()));
        model.put("filters", filters.params());
        model.put("status", filters.status());
        model.put("overdue", filters.overdue());
        model.put("statuses", FollowupRow.StatusChoice.all());
        model.put("listUrl", filters.url());
        model.put("nextUrl", page.next() == null ? null : filters.url(page.next()));
        model.put("firstUrl", filters.params().cursor() == null ? null : filters.url(null));
        Long scope = visitor.caller().teamId();
        // a team's session lists its team's follow-ups whatever the URL says: the page says which
        model.put("scopeTeam", scope == null ? null : teamKeys.keysOf(List.of(scope)).get(scope));
        model.put("htmx", htmx.url());
        model.put("htmxConfig", HtmxScript.CONFIG);
        return HttpResponse.ok(new ModelAndView<>("followups", model));
    }

    @Get(FollowupFilters.PATH + "/{id}")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> followup(HttpRequest<?> request, String id) {
        Optional<Visitor> signedIn = visitors.of(request);
        if (signedIn.isEmpty()) {
            return Visitors.toLogin(request);
        }
        Long actionId = idOf(id);
        return actionId == null ? notFound(signedIn.get(), id)
                : followupPage(signedIn.get(), actionId, HttpStatus.OK, null, null, Kept.NOTHING);
    }

    @Post(FollowupFilters.PATH + "/{id}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> move(HttpRequest<?> request, String id, @Body @Nullable StatusForm form) {
        StatusForm sent = form == null ? new StatusForm(null, null, null, null, null) : form;
        return checked(request, id, sent.csrf(), sent.back(), sender -> move(sender, id, sent));
    }

    private HttpResponse<?> move(Sender sender, String id, StatusForm sent) {
        Kept kept = new Kept(sent.to(), sent.reason(), null, null);
        ActionStatus to;
        String reason;
        long version;
        try {
            version = versionOf(sent.version());
            TransitionRequest transition = new TransitionRequest(sent.to(), sent.reason());
            to = transition.status();
            reason = transition.checkedReason();
        } catch (HttpStatusException e) {
            return refused(sender, HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage(), kept);
        }
        try {
            actions.move(sender.actionId(), version, to, reason, sender.visitor().caller());
        } catch (ActionNotFoundException e) {
            return notFound(sender.visitor(), id);
        } catch (StaleActionException e) {
            return refused(sender, HttpStatus.CONFLICT, STALE, Kept.NOTHING);
        } catch (ReasonRequiredException e) {
            return refused(sender, HttpStatus.UNPROCESSABLE_ENTITY, REASON_REQUIRED, kept);
        } catch (IllegalTransitionException e) {
            return refused(sender, HttpStatus.CONFLICT, e.getMessage(), Kept.NOTHING);
        } catch (DismissalConflictException e) {
            return refused(sender, HttpStatus.CONFLICT, DISMISSED, Kept.NOTHING);
        }
        return saved(sender);
    }

    @Post(FollowupFilters.PATH + "/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> edit(HttpRequest<?> request, String id, @Body @Nullable FollowupEditForm form) {
        FollowupEditForm sent = form == null ? new FollowupEditForm(null, null, null, null, null) : form;
        return checked(request, id, sent.csrf(), sent.back(), sender -> edit(sender, id, sent));
    }

    private HttpResponse<?> edit(Sender sender, String id, FollowupEditForm sent) {
        Kept kept = new Kept(null, null, sent.owner() == null ? "" : sent.owner(), sent.due() == null ? "" : sent.due());
        String owner = WeeklyPageController.blankToNull(sent.owner());
        long version;
        LocalDate due;
        try {
            version = versionOf(sent.version());
            due = dateOf("due", sent.due(), "to clear it");
            if (owner != null && owner.length() > Columns.NAME) {
                throw new HttpStatusException(HttpStatus.BAD_REQUEST, "owner: must be at most " + Columns.NAME
                        + " characters");
            }
        } catch (HttpStatusException e) {
            return refused(sender, HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage(), kept);
        }
        Visitor visitor = sender.visitor();
        long actionId = sender.actionId();
        try {
            // only what the person changed: saving the due date shown again must not make it theirs (due source)
            ActionItem current = actions.get(actionId, visitor.caller());
            ActionEdit edit = new ActionEdit(
                    Objects.equals(owner, current.owner()) ? null : new ActionEdit.Change<>(owner), null,
                    Objects.equals(due, current.dueDate()) ? null : new ActionEdit.Change<>(due), null, null, null,
                    null);
            if (edit.owner() != null || edit.due() != null) {
                actions.edit(actionId, version, edit, visitor.caller());
            }
        } catch (ActionNotFoundException e) {
            return notFound(visitor, id);
        } catch (StaleActionException e) {
            return refused(sender, HttpStatus.CONFLICT, STALE, Kept.NOTHING);
        } catch (DismissalConflictException e) {
            return refused(sender, HttpStatus.CONFLICT, DISMISSED, Kept.NOTHING);
        }
        return saved(sender);
    }

    /**
     * Snoozes the follow-up's reminders to its owner until a day after today, or stops snoozing them (an empty day),
     * as the API's PATCH with {@code snoozed_until} does: the change is in its history, and no change to its ticket.
     */
    @Post(FollowupFilters.PATH + "/{id}/snooze")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> snooze(HttpRequest<?> request, String id, @Body @Nullable SnoozeForm form) {
        SnoozeForm sent = form == null ? new SnoozeForm(null, null, null, null) : form;
        return checked(request, id, sent.csrf(), sent.back(), sender -> snooze(sender, id, sent));
    }

    private HttpResponse<?> snooze(Sender sender, String id, SnoozeForm sent) {
        long version;
        LocalDate until;
        try {
            version = versionOf(sent.version());
            until = dateOf("snoozed_until", sent.until(), "to stop snoozing");
        } catch (HttpStatusException e) {
            return refused(sender, HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage(), Kept.NOTHING);
        }
        try {
            actions.edit(sender.actionId(), version, new ActionEdit(null, null, null, null, null, null,
                    new ActionEdit.Change<>(until)), sender.visitor().caller());
        } catch (SnoozeNotAheadException e) {
            return refused(sender, HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage(), Kept.NOTHING);
        } catch (ActionNotFoundException e) {
            return notFound(sender.visitor(), id);
        } catch (StaleActionException e) {
            return refused(sender, HttpStatus.CONFLICT, STALE, Kept.NOTHING);
        } catch (DismissalConflictException e) {
            return refused(sender, HttpStatus.CONFLICT, DISMISSED, Kept.NOTHING);
        }
        return saved(sender);
    }

    /**
     * Dismisses the follow-up as no follow-up at all (the extraction took a sentence for one), as the API's
     * {@code POST /api/actions/{id}/dismiss} does: it leaves the lists and reports, and its page offers to restore it.
     */
    @Post(FollowupFilters.PATH + "/{id}/dismiss")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> dismiss(HttpRequest<?> request, String id, @Body @Nullable DismissalForm form) {
        DismissalForm sent = form == null ? new DismissalForm(null, null, null) : form;
        return checked(request, id, sent.csrf(), sent.back(), sender -> dismiss(sender, id, sent));
    }

    private HttpResponse<?> dismiss(Sender sender, String id, DismissalForm sent) {
        try {
            String reason = new DismissRequest(sent.reason()).checkedReason();
            actions.dismiss(sender.actionId(), reason, sender.visitor().caller());
        } catch (HttpStatusException e) {
            return refused(sender, HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage(), Kept.NOTHING);
        } catch (ReasonRequiredException e) {
            return refused(sender, HttpStatus.UNPROCESSABLE_ENTITY, DISMISSAL_REASON_REQUIRED, Kept.NOTHING);
        } catch (ActionNotFoundException e) {
            return notFound(sender.visitor(), id);
        } catch (DismissalConflictException e) {
            return refused(sender, HttpStatus.CONFLICT, DISMISSED_ALREADY, Kept.NOTHING);
        }
        return saved(sender);
    }

    /** Brings a dismissed follow-up back among the others, as the API's {@code POST /api/actions/{id}/restore}. */
    @Post(FollowupFilters.PATH + "/{id}/restore")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> restore(HttpRequest<?> request, String id, @Body @Nullable DismissalForm form) {
        DismissalForm sent = form == null ? new DismissalForm(null, null, null) : form;
        return checked(request, id, sent.csrf(), sent.back(), sender -> restore(sender, id));
    }

    private HttpResponse<?> restore(Sender sender, String id) {
        try {
            actions.restore(sender.actionId(), sender.visitor().caller());
        } catch (ActionNotFoundException e) {
            return notFound(sender.visitor(), id);
        } catch (DismissalConflictException e) {
            return refused(sender, HttpStatus.CONFLICT, NOT_DISMISSED, Kept.NOTHING);
        }
        return saved(sender);
    }

    /** What a form goes on to do once it has passed the checks every form here makes first. */
    private interface FormAction {
        HttpResponse<?> run(Sender sender);
    }

    /**
     * A form that has passed those checks: who sent it about which follow-up, the page it goes back to, and whether
     * htmx sent it from the list to have the follow-up's row back ({@code inPlace}).
     */
    private record Sender(Visitor visitor, long actionId, String back, boolean inPlace) {
    }

    /** The answer to a form that changed the follow-up: its row now, or back to the page it came from. */
    private HttpResponse<?> saved(Sender sender) {
        return sender.inPlace() ? row(sender, HttpStatus.OK, null, Kept.NOTHING)
                : HttpResponse.seeOther(URI.create(sender.back()));
    }

    /** The answer to a form refused for what it held: its row or the follow-up's page, with the message. */
    private HttpResponse<?> refused(Sender sender, HttpStatus status, String message, Kept kept) {
        return sender.inPlace() ? row(sender, status, message, kept)
                : followupPage(sender.visitor(), sender.actionId(), status, message, sender.back(), kept);
    }

    /**
     * The checks of every form here, in order: signed in (else to sign-in), sent from our page with the session's
     * CSRF token (else 403), a follow-up id (else 404); then {@code action}, to answer {@code back} on success.
     * A form htmx sent is checked the same: only the answer to one that passed differs.
     */
    private HttpResponse<?> checked(HttpRequest<?> request, String id, @Nullable String csrf, @Nullable String back,
                                    FormAction action) {
        Optional<Visitor> signedIn = visitors.of(request);
        if (signedIn.isEmpty()) {
            return toLogin(request, id);
        }
        Visitor visitor = signedIn.get();
        HttpResponse<?> refused = refusal(request, visitor, csrf);
        if (refused != null) {
            return refused;
        }
        Long actionId = idOf(id);
        if (actionId == null) {
            return notFound(visitor, id);
        }
        return action.run(new Sender(visitor, actionId, backTo(back, actionId), InPlace.asked(request)));
    }

    /**
     * The follow-up's page with {@code status} and {@code message} (a form's answer), its forms going back to
     * {@code back} (null: this page) and holding what the person sent when it was refused ({@code kept}).
     */
    private HttpResponse<?> followupPage(Visitor visitor, long id, HttpStatus status, @Nullable String message,
                                         @Nullable String back, Kept kept) {
        ActionItem action;
        try {
            action = actions.get(id, visitor.caller());
        } catch (ActionNotFoundException e) {
            return notFound(visitor, Long.toString(id));
        }
        FollowupRow row = rowOf(action);
        List<HistoryLine> history = actions.recentHistory(id, HISTORY_SHOWN, visitor.caller()).stream()
                .map(HistoryLine::of).toList();
        Map<String, Object> model = PageModel.of(stylesheet, visitor);
        model.put("row", row);
        model.put("snoozed", action.snoozedOn(calendar.today()));
        model.put("history", history);
        model.put("historyCut", history.size() == HISTORY_SHOWN);
        // the follow-up is the caller's to see (actions.get checked it), and so is what was sent about it
        List<Notification> sent = notifications.list(id, null, null, null, null, NOTIFICATIONS_SHOWN);
        model.put("notifications", sent.subList(0, Math.min(sent.size(), NOTIFICATIONS_SHOWN)).stream()
                .map(ReminderLine::of).toList());
        model.put("message", message);
        model.put("back", back == null ? FollowupFilters.PATH + "/" + id : back);
        kept.putInto(model, row);
        return HttpResponse.status(status).body(new ModelAndView<>("followup", model));
    }

    /**
     * The follow-up's row of {@code /follow-ups} as it is now, its forms going back to the list the form came from,
     * with {@code message} (a form's answer) and what the person sent when it was refused ({@code kept}): htmx
     * puts it in place of the row the form was in.
     */
    private HttpResponse<?> row(Sender sender, HttpStatus status, @Nullable String message, Kept kept) {
        ActionItem action;
        try {
            action = actions.get(sender.actionId(), sender.visitor().caller());
        } catch (ActionNotFoundException e) {
            return notFound(sender.visitor(), Long.toString(sender.actionId()));
        }
        FollowupRow row = rowOf(action);
        Map<String, Object> model = PageModel.of(stylesheet, sender.visitor());
        model.put("row", row);
        model.put("listUrl", sender.back());
        model.put("message", message);
        kept.putInto(model, row);
        return HttpResponse.status(status).body(new ModelAndView<>("followup-row", model));
    }

    private FollowupRow rowOf(ActionItem action) {
        return rows.of(List.of(views.of(action))).get(0);
    }

    /**
     * Why a form may not be acted on, null when it may: not sent from our pages with the session's CSRF token,
     * or sent by a reader (the API's transition and PATCH are for editors).
     */
    private @Nullable HttpResponse<?> refusal(HttpRequest<?> request, Visitor visitor, @Nullable String csrf) {
        if (!visitors.formAllowed(request, visitor, csrf)) {
            return ErrorPage.refusedForm(stylesheet, visitor);
        }
        if (visitor.caller().role().compareTo(Role.EDITOR) < 0) {
            return ErrorPage.of(stylesheet, visitor, HttpStatus.FORBIDDEN, EDITORS_ONLY);
        }
        return null;
    }

    private HttpResponse<?> notFound(Visitor visitor, String id) {
        // another team's follow-up is not found, as in the API
        return ErrorPage.of(stylesheet, visitor, HttpStatus.NOT_FOUND, "There is no follow-up " + id + ".");
    }

    /** A form sent after the session ended: sign in again, then back to the follow-up (nothing was changed). */
    private static HttpResponse<?> toLogin(HttpRequest<?> request, String id) {
        Long actionId = idOf(id);
        String next = actionId == null ? FollowupFilters.PATH : FollowupFilters.PATH + "/" + actionId;
        return InPlace.seeOther(request, UriBuilder.of("/login").queryParam("next", next).build());
    }

    /** Where a form goes back to: the local page it names (the list with its filters), else the follow-up. */
    private static String backTo(@Nullable String back, long id) {
        String own = FollowupFilters.PATH + "/" + id;
        return back == null || back.isBlank() ? own : LocalPath.orHome(back.strip());
    }

    private static @Nullable Long idOf(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long versionOf(@Nullable String version) {
        try {
            return Long.parseLong(Objects.requireNonNullElse(version, "").strip());
        } catch (NumberFormatException e) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST,
                    "version: the form lacks the version of the follow-up it was shown with; reload the page");
        }
    }

    /** The day a form's {@code field} holds, null when it is empty ({@code orEmpty} says what that does). */
    private static @Nullable LocalDate dateOf(String field, @Nullable String value, String orEmpty) {
        String given = WeeklyPageController.blankToNull(value);
        try {
            return given == null ? null : LocalDate.parse(given);
        } catch (DateTimeParseException e) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST,
                    field + ": must be a date YYYY-MM-DD, or empty " + orEmpty + "; was '" + given + "'");
        }
    }

    /** What a refused form had in it, to show it again; null fields show the follow-up's own values. */
    private record Kept(@Nullable String to, @Nullable String reason, @Nullable String owner, @Nullable String due) {
        static final Kept NOTHING = new Kept(null, null, null, null);

        /** The forms' values for {@code row}: what was kept, else the follow-up's own. */
        void putInto(Map<String, Object> model, FollowupRow row) {
            model.put("chosenMove", to);
            model.put("reasonValue", reason);
            model.put("ownerValue", owner != null ? owner : row.item().owner());
            model.put("dueValue", due != null ? due : row.item().due() == null ? null : row.item().due().toString());
            // a refused owner and due date form stays open in its row, showing what was sent
            model.put("editKept", owner != null);
        }
    }
}
