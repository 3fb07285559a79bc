package dev.closeout.notify;

import dev.closeout.jira.JiraConfiguration;
import dev.closeout.notify.NotifyQueries.FollowUp;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.apache.commons.text.StringEscapeUtils;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reminder or escalation in words (docs/notifications.md, "What a message says"): what is to be done, from
 * which postmortem, due when and how many days overdue, links to the follow-up's page and its Jira ticket, and
 * how to snooze. One {@link Message} for every channel, so e-mail, Slack and webhook say the same.
 */
@Singleton
class FollowUpMessages {

    /** A subject line holds this much of the follow-up's text. */
    private static final int SUBJECT_TEXT = 90;

    private final String publicUrl;
    private final @Nullable String jiraUrl;

    FollowUpMessages(@Value("${closeout.public-url:}") String publicUrl, JiraConfiguration jira) {
        this.publicUrl = trimmed(publicUrl);
        this.jiraUrl = jira.baseUrl() == null ? null : trimmed(jira.baseUrl().toString());
    }

    Message render(Notification notification, FollowUp followUp) {
        LocalDate day = notification.sendDay();
        LocalDate due = followUp.dueDate();
        long late = due == null ? 0 : ChronoUnit.DAYS.between(due, day);
        boolean escalation = notification.kind() == NotificationKind.ESCALATION;
        String when = late > 0 ? "overdue by " + days(late) : late == 0 ? "due today" : "due in " + days(-late);
        String subject = (escalation ? "Escalation: follow-up " : "Follow-up ") + when + ": "
                + clipped(followUp.text());
        String followUpUrl = publicUrl + "/follow-ups/" + followUp.id();
        String postmortemUrl = publicUrl + "/postmortems/" + followUp.postmortemId();
        String postmortem = followUp.postmortemTitle() == null ? "postmortem " + followUp.postmortemId()
                : followUp.postmortemTitle();
        String jiraLink = followUp.jiraKey() == null || jiraUrl == null ? null : jiraUrl + "/browse/" + followUp.jiraKey();
        String snoozeUntil = day.plusWeeks(1).toString();
        String snooze = "To snooze the reminders, open the follow-up page and choose a date under \"Snooze reminders\", "
                + "or send PATCH " + publicUrl + "/api/actions/" + followUp.id() + " with {\"snoozed_until\": \""
                + snoozeUntil + "\"}.";
        String lead = escalation
                ? "A follow-up of team " + orDash(followUp.teamName()) + " is " + when + " and still open."
                : "A follow-up" + (followUp.owner() == null ? " with no owner" : " owned by " + followUp.owner())
                + " is " + when + ".";

        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {"What", followUp.text(), null});
        facts.add(new String[] {"From", postmortem, postmortemUrl});
        facts.add(new String[] {"Due", due == null ? "-" : due + (late > 0 ? " (" + days(late) + " overdue)" : ""), null});
        facts.add(new String[] {"Owner", orDash(followUp.owner()), null});
        facts.add(new String[] {"Team", orDash(followUp.teamName()), null});
        if (followUp.priority() != null) {
            facts.add(new String[] {"Priority", followUp.priority(), null});
        }
        facts.add(new String[] {"Follow-up", "#" + followUp.id(), followUpUrl});
        if (followUp.jiraKey() != null) {
            facts.add(new String[] {"Jira", followUp.jiraKey(), jiraLink});
        }

        StringBuilder text = new StringBuilder(lead).append("\n\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\"><p>")
                .append(html(lead)).append("</p><table>");
        StringBuilder mrkdwn = new StringBuilder("*").append(slack(subject)).append("*\n");
        for (String[] fact : facts) {
            text.append(fact[0]).append(": ").append(fact[1]).append(fact[2] == null ? "" : " <" + fact[2] + ">")
                    .append('\n');
            html.append("<tr><th align=\"left\">").append(fact[0]).append("</th><td>")
                    .append(fact[2] == null ? html(fact[1])
                            : "<a href=\"" + html(fact[2]) + "\">" + html(fact[1]) + "</a>")
                    .append("</td></tr>");
            mrkdwn.append("*").append(fact[0]).append(":* ")
                    .append(fact[2] == null ? slack(fact[1]) : "<" + fact[2] + "|" + slack(fact[1]) + ">").append('\n');
        }
        text.append('\n').append(snooze).append('\n');
        html.append("</table><p>").append(html(snooze)).append("</p></body></html>");
        mrkdwn.append("_").append(slack(snooze)).append("_");

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("notification_id", notification.id());
        json.put("kind", notification.kind().wireName());
        json.put("subject", subject);
        json.put("text", text.toString());
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", followUp.id());
        item.put("text", followUp.text());
        item.put("status", followUp.status().wireName());
        item.put("owner", followUp.owner());
        item.put("team", followUp.teamName());
        item.put("priority", followUp.priority());
        item.put("due_date", due == null ? null : due.toString());
        item.put("days_overdue", Math.max(0, late));
        item.put("url", followUpUrl);
        item.put("jira_key", followUp.jiraKey());
        item.put("jira_url", jiraLink);
        json.put("follow_up", item);
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("id", followUp.postmortemId());
        source.put("title", followUp.postmortemTitle());
        source.put("url", postmortemUrl);
        json.put("postmortem", source);
        return new Message(subject, text.toString(), html.toString(), mrkdwn.toString(), json);
    }

    private static String days(long days) {
        return days == 1 ? "1 day" : days + " days";
    }

    private static String orDash(@Nullable String value) {
        return value == null ? "-" : value;
    }

    private static String clipped(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= SUBJECT_TEXT ? line : line.substring(0, SUBJECT_TEXT - 1) + "…";
    }

    private static String trimmed(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static String html(String text) {
        return StringEscapeUtils.escapeHtml4(text);
    }

    /** Slack's mrkdwn takes these three as markup; everything else is text. */
    static String slack(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
