package dev.closeout.integrations.jira;

import dev.closeout.integrations.tracker.BackLink;
import dev.closeout.integrations.tracker.Description;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WikiMarkupTest {

    @Test
    void escapesMarkupButNotBareUrls() {
        assertEquals("see https://grafana.example/d/a-b_c?x=1 for \\*lag\\*",
                WikiMarkup.escape("see https://grafana.example/d/a-b_c?x=1 for *lag*"));
    }

    @Test
    void linksWithTheTitleAndAUrlThatCannotEndTheLinkEarly() {
        assertEquals("[PM 118|https://closeout.example/pm?a=%7Cb]",
                WikiMarkup.of(new Description(List.of(),
                        new BackLink.Target("PM 118", "https://closeout.example/pm?a=|b"))));
    }
}
