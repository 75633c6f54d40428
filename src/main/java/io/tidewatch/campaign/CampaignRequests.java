package io.tidewatch.campaign;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import io.tidewatch.campaign.CampaignMaterials.MaterialRef;
import io.tidewatch.campaign.CampaignRequest.RefJson;
import io.tidewatch.gotemplate.PhishingContext;
import io.tidewatch.gotemplate.TemplateException;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.platform.web.GoTime;

/** Checks a campaign request in Gophish's order, with Gophish's messages (all 400). */
final class CampaignRequests {

    static final String DATES = "The launch date must be before the \"send emails by\" date";

    private CampaignRequests() {
    }

    /** A request that passed the checks; a zero or absent launch date means now. */
    record Valid(String name, List<MaterialRef> groups, MaterialRef template, MaterialRef page, MaterialRef profile,
            String url, Instant launch, Optional<Instant> sendBy, boolean shuffle) {
    }

    /** An empty string is no date: Gophish's decoder refuses it, and so does this API (null or absent means none). */
    private static void requireDateOrNull(String text, String field) {
        if (text != null && text.isBlank()) {
            throw ApiException.badRequest(field + ": must be an RFC 3339 date with a zone offset");
        }
    }

    static Valid validate(CampaignRequest request, Instant now) {
        if (request == null) {
            throw ApiException.badRequest("Invalid JSON structure");
        }
        requireDateOrNull(request.launchDate(), "launch_date");
        requireDateOrNull(request.sendByDate(), "send_by_date");
        Instant launch = GoTime.parse(request.launchDate(), "launch_date").map(CampaignRequests::millis).orElse(now);
        Optional<Instant> sendBy = GoTime.parse(request.sendByDate(), "send_by_date").map(CampaignRequests::millis);
        String name = request.name() == null ? "" : request.name().trim();
        if (name.isEmpty()) {
            throw ApiException.badRequest("Campaign name not specified");
        }
        if (name.length() > 255) {
            throw ApiException.badRequest("name: at most 255 characters");
        }
        if (request.groups() == null || request.groups().isEmpty()) {
            throw ApiException.badRequest("No groups specified");
        }
        if (!RefJson.isPresent(request.template())) {
            throw ApiException.badRequest("No email template specified");
        }
        if (!RefJson.isPresent(request.page())) {
            throw ApiException.badRequest("No landing page specified");
        }
        if (!RefJson.isPresent(request.smtp())) {
            throw ApiException.badRequest("No sending profile specified");
        }
        if (sendBy.isPresent() && !launch.isBefore(sendBy.get())) {
            throw ApiException.badRequest(DATES);
        }
        String url = request.url() == null ? "" : request.url().trim();
        if (url.length() > 2048) {
            throw ApiException.badRequest("url: at most 2048 characters");
        }
        try {
            PhishingContext.validateUrl(url);
        } catch (TemplateException e) {
            throw ApiException.badRequest(e.describe("url"));
        }
        List<MaterialRef> groups = request.groups().stream()
                .map(g -> g == null ? MaterialRef.byName("") : g.toRef()).toList();
        return new Valid(name, groups, request.template().toRef(), request.page().toRef(), request.smtp().toRef(), url,
                launch, sendBy, Boolean.TRUE.equals(request.shuffle()));
    }

    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
