package io.tidewatch.campaign.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import io.tidewatch.campaign.CampaignMaterials.GroupMaterial;
import io.tidewatch.campaign.CampaignMaterials.TargetMaterial;

/**
 * Who a campaign sends to and when. Recipients from all groups are deduplicated by address, case-insensitively (the
 * first occurrence wins); with a "send by" date the sends are spread evenly between launch and that date at second
 * granularity, in group order or shuffled.
 */
public final class SendPlan {

    private SendPlan() {
    }

    /** A recipient and when to send to them. */
    public record Planned(TargetMaterial target, Instant sendDate) {
    }

    /** The unique recipients of {@code groups}, in order of first appearance. */
    public static List<TargetMaterial> recipients(List<GroupMaterial> groups) {
        Map<String, TargetMaterial> unique = new LinkedHashMap<>();
        for (GroupMaterial group : groups) {
            for (TargetMaterial target : group.targets()) {
                unique.putIfAbsent(target.email().trim().toLowerCase(Locale.ROOT), target);
            }
        }
        return new ArrayList<>(unique.values());
    }

    /**
     * When each recipient is sent to: all at {@code launch} without {@code sendBy}; otherwise recipient {@code i}
     * of {@code n} at {@code launch + floor(span_seconds * i / n)} seconds, so the last one leaves before
     * {@code sendBy}.
     */
    public static List<Planned> schedule(List<TargetMaterial> recipients, Instant launch, Instant sendBy,
            Random shuffle) {
        List<TargetMaterial> order = new ArrayList<>(recipients);
        if (shuffle != null) {
            Collections.shuffle(order, shuffle);
        }
        long span = sendBy == null ? 0 : Math.max(0, Duration.between(launch, sendBy).getSeconds());
        int n = order.size();
        List<Planned> planned = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long offset = span == 0 ? 0 : Math.floorDiv(span * i, (long) n);
            planned.add(new Planned(order.get(i), launch.plusSeconds(offset)));
        }
        return planned;
    }
}
