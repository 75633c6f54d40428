package io.tidewatch.campaign;

import java.util.List;

/**
 * The body of {@code POST /api/campaigns/} as Gophish clients send it; every other field they send (ids, dates of
 * the referenced resources, {@code created_date}...) is ignored. Dates stay text so a bad one is a precise 400.
 * {@code shuffle} (Tidewatch) sends in random order instead of group order.
 */
public record CampaignRequest(String name, RefJson template, RefJson page, RefJson smtp, String url, String launchDate,
        String sendByDate, List<RefJson> groups, Boolean shuffle) {

    /** A reference to a template, page, profile or group: by {@code name}, or by {@code id} when no name is given. */
    public record RefJson(Long id, String name) {

        CampaignMaterials.MaterialRef toRef() {
            return new CampaignMaterials.MaterialRef(id == null ? 0 : id, name == null ? "" : name);
        }

        static boolean isPresent(RefJson ref) {
            return ref != null && ref.toRef().isPresent();
        }
    }
}
