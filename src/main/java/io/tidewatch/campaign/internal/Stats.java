package io.tidewatch.campaign.internal;

import java.util.Map;

import io.tidewatch.campaign.ResultStatus;

/**
 * Gophish's cumulative funnel, computed from result counts per status: every submitted recipient also clicked, every
 * clicker also opened, every opener was also sent to. Reports are an independent flag; bot-flagged activity never
 * changed a status, so it is not counted.
 */
public record Stats(long total, long sent, long opened, long clicked, long submittedData, long emailReported,
        long error) {

    /** The stats from counts by status wire name ({@code null} key: reported results). */
    public static Stats of(Map<String, Long> counts) {
        long total = 0;
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            if (entry.getKey() != null) {
                total += entry.getValue();
            }
        }
        long submitted = count(counts, ResultStatus.SUBMITTED_DATA);
        long clicked = count(counts, ResultStatus.CLICKED_LINK) + submitted;
        long opened = count(counts, ResultStatus.EMAIL_OPENED) + clicked;
        long sent = count(counts, ResultStatus.EMAIL_SENT) + opened;
        return new Stats(total, sent, opened, clicked, submitted, counts.getOrDefault(null, 0L),
                count(counts, ResultStatus.ERROR));
    }

    private static long count(Map<String, Long> counts, ResultStatus status) {
        return counts.getOrDefault(status.wire(), 0L);
    }
}
