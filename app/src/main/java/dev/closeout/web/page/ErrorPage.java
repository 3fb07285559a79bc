package dev.closeout.web.page;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.views.ModelAndView;

import java.util.Map;

/** The page that says why a request was refused or could not be answered, with its status. */
final class ErrorPage {

    private ErrorPage() {
    }

    static HttpResponse<?> refusedForm(Stylesheet stylesheet, @Nullable Visitor visitor) {
        return of(stylesheet, visitor, HttpStatus.FORBIDDEN,
                "This form is out of date or was not sent from Closeout's own pages; nothing was changed.");
    }

    static HttpResponse<?> of(Stylesheet stylesheet, @Nullable Visitor visitor, HttpStatus status, String message) {
        Map<String, Object> model = PageModel.of(stylesheet, visitor);
        model.put("status", status.getCode());
        model.put("reason", status.getReason());
        model.put("message", message);
        return HttpResponse.status(status).body(new ModelAndView<>("error", model));
    }
}
