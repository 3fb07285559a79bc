package dev.closeout.web.page;

import io.micronaut.core.annotation.Nullable;

/** What a page calls a postmortem: its title, or its number when the text had none. */
final class PostmortemTitles {

    private PostmortemTitles() {
    }

    static String of(@Nullable String title, long id) {
        return title == null || title.isBlank() ? "Postmortem #" + id : title;
    }
}
