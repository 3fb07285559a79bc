package dev.closeout.notify;

import dev.closeout.report.WeeklyReview;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weekly digest as every channel sends it: the weekly review's own Markdown digest (docs/reports.md), as the
 * e-mail's text part, rendered to HTML for its HTML part, and turned into Slack's mrkdwn for chat. The numbers
 * are the review's; nothing here counts.
 */
@Singleton
class DigestMessages {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    // the review escapes what postmortems wrote; raw HTML in it is not ours to pass on
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).build();

    /**
     * @param teamName the team's name; null for the digest of all teams
     */
    Message render(WeeklyReview review, @Nullable String teamName, @Nullable String teamKey,
                   @Nullable Long notificationId) {
        String markdown = review.markdown().orElseThrow();
        String subject = "Weekly review " + review.week() + (teamName == null ? ", all teams" : ": " + teamName)
                + " — " + review.openAtEnd() + " open, " + review.overdueAtEnd() + " overdue";
        Node document = parser.parse(markdown);
        String html = "<!DOCTYPE html><html><head><style>table{border-collapse:collapse}"
                + "td,th{border:1px solid #ccc;padding:2px 6px}</style></head><body style=\"font-family:sans-serif\">"
                + renderer.render(document) + "</body></html>";
        String mrkdwn = "*" + FollowUpMessages.slack(subject) + "*\n" + SlackMarkdown.render(document);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("notification_id", notificationId);
        json.put("kind", NotificationKind.DIGEST.wireName());
        json.put("subject", subject);
        json.put("team", teamKey);
        json.put("week", review.week());
        json.put("markdown", markdown);
        json.put("review", review);
        return new Message(subject, markdown, html, mrkdwn, json);
    }
}
