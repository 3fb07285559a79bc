package dev.closeout.web.page;

import dev.closeout.security.Role;
import io.micronaut.core.annotation.Nullable;

import java.util.HashMap;
import java.util.Map;

/** What every page's template is given: the stylesheet's URL and, when signed in, the visitor. */
final class PageModel {

    private PageModel() {
    }

    static Map<String, Object> of(Stylesheet stylesheet, @Nullable Visitor visitor) {
        Map<String, Object> model = new HashMap<>();
        model.put("stylesheet", stylesheet.url());
        if (visitor != null) {
            model.put("visitor", visitor.caller().name());
            model.put("role", visitor.caller().role().wireName());
            model.put("csrf", visitor.csrfToken());
            // templates show edit controls only to those the API would let edit; a forged form is refused anyway
            model.put("canEdit", visitor.caller().role().compareTo(Role.EDITOR) >= 0);
        }
        return model;
    }
}
