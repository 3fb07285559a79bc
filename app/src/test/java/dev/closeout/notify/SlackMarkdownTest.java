package dev.closeout.notify;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SlackMarkdownTest {

    private static String slack(String markdown) {
        return SlackMarkdown.render(Parser.builder().extensions(List.of(TablesExtension.create())).build()
                .parse(markdown));
    }

    @Test
    void theWeeklyDigestReadsInSlackWithItsLinksBoldAndTable() {
        String markdown = """
                ## Weekly review 2026-W49 (2026-11-30 to 2026-12-06)

                - **Created:** 4 follow-ups; **closed:** 2
                - **At the end of the week:** 12 open, 3 overdue

                ### Trend

                | Week | Open | Overdue |
                | --- | ---: | ---: |
                | 2026-W48 | 10 | 2 |
                | 2026-W49 | 12 | 3 |

                ### Oldest overdue

                1. [Alert on pool \\<saturation\\> & lag](https://closeout.example.com/api/actions/100234) — 40 days overdue
                2. [Roll back 4.12.0](https://closeout.example.com/api/actions/100235) — 3 days overdue
                """;
        assertEquals("""
                *Weekly review 2026-W49 (2026-11-30 to 2026-12-06)*
                • *Created:* 4 follow-ups; *closed:* 2
                • *At the end of the week:* 12 open, 3 overdue

                *Trend*
                ```
                Week | Open | Overdue
                2026-W48 | 10 | 2
                2026-W49 | 12 | 3
                ```

                *Oldest overdue*
                1. <https://closeout.example.com/api/actions/100234|Alert on pool &lt;saturation&gt; &amp; lag> — 40 days overdue
                2. <https://closeout.example.com/api/actions/100235|Roll back 4.12.0> — 3 days overdue""", slack(markdown));
    }
}
