package dev.closeout.postmortem.extraction;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.List;

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
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>Postmortems - Engineering Wiki</title>
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
                %s</article>
                </main>
                <footer class="wiki-footer">
                <p>Last edited by a wiki user. Content is available under the company's internal terms.</p>
                <p><a href="/help">Help</a> | <a href="/privacy">Privacy</a></p>
                </footer>
                </body>
                </html>
                """.formatted(RENDERER.render(PARSER.parse(markdown)));
    }
}
