package io.tidewatch.console;

import java.util.List;

import io.quarkus.qute.TemplateExtension;
import io.tidewatch.campaign.CampaignOverview.Funnel;

/** A campaign funnel's stages for templates: {@code {#for s in funnel.stages}}, each counted against the e-mails sent. */
@TemplateExtension
final class CampaignFunnels {

    /** One stage: its name, how many reached it, and of how many sent; {@code key} names its CSS and test hooks. */
    record Stage(String key, String label, long count, long of) {
    }

    private CampaignFunnels() {
    }

    static List<Stage> stages(Funnel f) {
        return List.of(new Stage("sent", "E-mails sent", f.sent(), f.total()),
                new Stage("opened", "Opened", f.opened(), f.sent()),
                new Stage("clicked", "Clicked the link", f.clicked(), f.sent()),
                new Stage("submitted", "Submitted data", f.submitted(), f.sent()),
                new Stage("reported", "Reported", f.reported(), f.sent()),
                new Stage("error", "Errors", f.error(), f.total()));
    }
}
