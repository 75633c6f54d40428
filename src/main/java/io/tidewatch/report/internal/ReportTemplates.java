package io.tidewatch.report.internal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The report templates under {@code templates/report/}, written as XHTML so OpenHTMLtoPDF can parse them. */
@CheckedTemplate(basePath = "report")
public final class ReportTemplates {

    private ReportTemplates() {
    }

    /** The executive report page (HTML and PDF alike). */
    public static native TemplateInstance executive(ReportPage page);
}
