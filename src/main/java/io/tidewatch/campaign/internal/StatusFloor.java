package io.tidewatch.campaign.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import io.tidewatch.campaign.TrackingEvent;

/**
 * The status rank each recently tracked recipient is known to have reached. A result's rank only ever rises (see
 * {@link io.tidewatch.campaign.ResultStatus}), so a rank seen committed is a floor that stays true whatever other
 * writers or replicas do later; tracking that cannot raise a result above its floor (a second open, a click after a
 * submission) needs no status update, only its timeline row. Bounded: when full it starts again empty.
 */
public final class StatusFloor {

    private static final int RESULT_BITS = 40;

    private final ConcurrentHashMap<Long, Integer> ranks = new ConcurrentHashMap<>();
    private final int maxSize;

    public StatusFloor(int maxSize) {
        this.maxSize = maxSize;
    }

    /** The events that may still move a result's status or reported flag: the others are left out. */
    public List<TrackingEvent> mayChange(long orgId, List<TrackingEvent> events) {
        List<TrackingEvent> kept = new ArrayList<>(events.size());
        for (TrackingEvent e : events) {
            if (e.flagged() || e.kind().status() == null) {
                kept.add(e);
                continue;
            }
            Long key = key(orgId, e.resultId());
            Integer floor = key == null ? null : ranks.get(key);
            if (floor == null || floor < e.kind().status().rank()) {
                kept.add(e);
            }
        }
        return kept;
    }

    /** Remembers the ranks committed events have raised their results to (at least). */
    public void committed(long orgId, List<TrackingEvent> events) {
        if (ranks.size() >= maxSize) {
            ranks.clear();
        }
        for (TrackingEvent e : events) {
            if (e.flagged() || e.kind().status() == null) {
                continue;
            }
            Long key = key(orgId, e.resultId());
            if (key != null) {
                ranks.merge(key, e.kind().status().rank(), Math::max);
            }
        }
    }

    private static Long key(long orgId, long resultId) {
        if (orgId < 0 || orgId >= 1L << (63 - RESULT_BITS) || resultId < 0 || resultId >= 1L << RESULT_BITS) {
            return null;
        }
        return (orgId << RESULT_BITS) | resultId;
    }
}
