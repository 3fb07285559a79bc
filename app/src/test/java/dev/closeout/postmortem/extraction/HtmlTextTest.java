package dev.closeout.postmortem.extraction;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTML read as the markdown it shows: what a wiki export of a markdown postmortem must give back. */
class HtmlTextTest {

    private static final String MARKDOWN = """
            # Checkout outage on 2026-03-04

            **Date:** 2026-03-04
            **Authors:** Sam Lee

            ## Root cause

            A configuration change removed the database's connection limit.

            ## Corrective and preventative measures

            1. **Monitoring**
               - Add an alert on the connection pool's saturation (owner: @sam)
               - Graph connections per service
            2. **Process**
               - Review configuration changes to the database in pairs

            Follow-ups:

            - Write a runbook for a saturated connection pool

              It should cover the restart order.

            - Load-test the checkout service before each release
            """;

    private final PostmortemExtractor extractor = new PostmortemExtractor();

    @Test
    void aWikiExportOfAMarkdownPostmortemGivesTheSameActions() {
        Extraction markdown = extractor.extract(MARKDOWN);
        Extraction html = extractor.extract(WikiExport.of(MARKDOWN));

        assertEquals("html", html.mediaType());
        assertEquals(markdown.title(), html.title());
        assertEquals(5, markdown.actions().size(), markdown.actions().toString());
        assertEquals(summary(markdown), summary(html));
    }

    @Test
    void keepsTheLineBreaksOfAParagraph() {
        assertEquals(List.of("**Owner:** Sam", "Due: 2026-05-01"),
                lines("<p><strong>Owner:</strong> Sam\n    Due: 2026-05-01</p>"));
    }

    @Test
    void readsTheParagraphOfALooseListItemAsTheItem() {
        assertEquals(List.of("- Add an alert", "- Write a runbook"),
                lines("<ul>\n<li>\n<p>Add an alert</p>\n</li>\n<li><p>Write a runbook</p></li>\n</ul>"));
    }

    @Test
    void nestsItemsUnderAnOrderedItemAsMarkdownDoes() {
        assertEquals(List.of("1. **Monitoring**", "   - Add an alert", "   - Graph connections"),
                lines("<ol><li><strong>Monitoring</strong><ul><li>Add an alert</li><li>Graph connections</li></ul>"
                        + "</li></ol>"));
    }

    @Test
    void putsBoldSignsAroundTheWordsNotTheSpaces() {
        assertEquals(List.of("Owner: **Sam** today"), lines("<p>Owner:<b> Sam </b>today</p>"));
        assertEquals(List.of("Nothing bold"), lines("<p>Nothing <b> </b>bold</p>"));
    }

    @Test
    void fencesACodeSample() {
        assertEquals(List.of("Check the pods:", "", "```", "kubectl get pods -n prod | grep Error", "  --watch", "```"),
                lines("<p>Check the pods:</p><pre><code>kubectl get pods -n prod | grep Error\n  --watch\n</code></pre>"
                        + "<p>" + "Then restart the deployment and watch the error rate drop. ".repeat(3) + "</p>")
                        .subList(0, 6));
    }

    @Test
    void readsPreformattedSentencesAsText() {
        assertEquals(List.of("Improvements:", "Review the load balancer settings of every service.",
                        "Alert on uneven traffic between the backends."),
                lines("<h2>Action items</h2><pre><code>    Improvements:\n"
                        + "        Review the load balancer settings of every service.\n"
                        + "        Alert on uneven traffic between the backends.\n</code></pre>"
                        + "<p>" + "This paragraph makes the page longer than the block above. ".repeat(4) + "</p>")
                        .subList(2, 5));
    }

    @Test
    void readsAPageThatIsOnePreformattedTextAsItsLines() {
        assertEquals(List.of("Subject: VPN outage", "", "Action items", "- Renew the certificate"),
                lines("<html><body><pre>Subject: VPN outage\n\nAction items\n- Renew the certificate\n</pre></body></html>")
                        .subList(0, 4));
    }

    @Test
    void leavesOutTheSiteAroundTheArticle() {
        String page = """
                <html><body>
                <header><a href="/">Engineering Wiki</a><nav><ul><li>Spaces</li><li>Recent</li></ul></nav></header>
                <main><div>Edit History</div>
                <article><h1>Disk full on db-1</h1><p>The disk of db-1 filled up with logs and the database stopped.</p>
                <h2>Action items</h2><ul><li>Rotate the logs daily</li></ul></article></main>
                <footer><p><a href="/help">Help</a> | <a href="/privacy">Privacy</a></p></footer>
                </body></html>
                """;

        List<String> lines = lines(page);

        assertEquals("# Disk full on db-1", lines.get(0));
        assertEquals("- Rotate the logs daily", lines.get(lines.size() - 1));
        assertFalse(String.join("\n", lines).contains("Edit"), lines.toString());
    }

    @Test
    void readsTheWholePageWhenItsArticleIsASidebar() {
        String page = "<body><h1>Queue backlog</h1><p>" + "The billing queue backed up after a deploy. ".repeat(5)
                + "</p><aside><article>Related: cache outage</article></aside></body>";

        assertTrue(lines(page).contains("# Queue backlog"), lines(page).toString());
    }

    private static List<String> lines(String html) {
        return List.of(HtmlText.toMarkdownLike(html).split("\n", -1));
    }

    private static List<String> summary(Extraction extraction) {
        return extraction.actions().stream()
                .map(action -> action.group() + " | " + action.text() + " | " + action.owner()).toList();
    }
}
