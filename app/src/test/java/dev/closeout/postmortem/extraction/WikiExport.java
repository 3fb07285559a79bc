package dev.closeout.postmortem.extraction;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A markdown postmortem as a wiki exports it: rendered to HTML by commonmark with GFM tables, inside a full page
 * with the wiki's own header, breadcrumbs, page actions and footer around it. What teams paste or upload when their
 * postmortems live in a wiki.
 */
final class WikiExport {

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).build();

    private WikiExport() {
    }

    static String of(String markdown) {
        FrontMatter page = FrontMatter.of(markdown);
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>%s - Engineering Wiki</title>
                <link rel="stylesheet" href="/assets/wiki.css">
                <script src="/assets/wiki.js"></script>
                </head>
                <body>
                <header class="wiki-header">
                <a class="logo" href="/">Engineering Wiki</a>
                <nav><ul><li><a href="/spaces">Spaces</a></li><li><a href="/recent">Recent changes</a></li></ul></nav>
                <form class="search" action="/search"><input type="search" name="q" placeholder="Search"></form>
                </header>
                <div class="breadcrumbs"><a href="/spaces/sre">SRE</a> / <a href="/spaces/sre/postmortems">Postmortems</a></div>
                <main>
                <div class="page-actions"><a href="?action=edit">Edit</a> <a href="?action=history">History</a></div>
                <article class="wiki-content">
                %s%s</article>
                </main>
                <footer class="wiki-footer">
                <p>Last edited by a wiki user. Content is available under the company's internal terms.</p>
                <p><a href="/help">Help</a> | <a href="/privacy">Privacy</a></p>
                </footer>
                </body>
                </html>
                """.formatted(escape(page.title() == null ? "Postmortems" : page.title()),
                page.title() == null ? "" : "<h1>" + escape(page.title()) + "</h1>\n",
                RENDERER.render(PARSER.parse(page.body())));
    }

    /**
     * YAML front matter is the page's settings, not its text: a wiki or site generator (Hugo, Jekyll, Docusaurus)
     * takes it off and shows its title as the page's heading.
     */
    private record FrontMatter(String title, String body) {

        private static final Pattern TITLE = Pattern.compile("(?m)^title:\\s*[\"']?(.*?)[\"']?\\s*$");

        static FrontMatter of(String markdown) {
            if (!markdown.startsWith("---\n")) {
                return new FrontMatter(null, markdown);
            }
            int end = markdown.indexOf("\n---\n", 3);
            if (end < 0) {
                return new FrontMatter(null, markdown);
            }
            Matcher title = TITLE.matcher(markdown.substring(4, end + 1));
            return new FrontMatter(title.find() ? title.group(1) : null, markdown.substring(end + 5));
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
