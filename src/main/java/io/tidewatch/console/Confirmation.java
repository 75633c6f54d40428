package io.tidewatch.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** A confirmation page for a destructive action: what happens, the button that does it, and the way back. */
public record Confirmation(String heading, String message, String action, String button, String cancel) {

    /** The page. */
    @CheckedTemplate(basePath = "console")
    static class Templates {

        static native TemplateInstance confirm(Shell shell, Confirmation confirm);
    }

    /** The page in the frame {@code shell}. */
    TemplateInstance page(Shell shell) {
        return Templates.confirm(shell, this);
    }
}
