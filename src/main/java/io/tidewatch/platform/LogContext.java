package io.tidewatch.platform;

import org.jboss.logging.MDC;

import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;

/**
 * The organization and campaign a piece of background work acts for, in the log context ({@code tenantId},
 * {@code campaignId}) while it runs. Closing it puts back whatever the thread carried before, so nested scopes and
 * reused worker threads never log another unit of work's ids.
 * <p>
 * Quarkus keeps the MDC of a Vert.x thread in the current duplicated context; on a plain (event-loop or worker)
 * context every MDC call sees a fresh, empty map, so {@link #run} gives such work a duplicated context of its own.
 */
public final class LogContext implements AutoCloseable {

    /** MDC key of the organization id. */
    public static final String TENANT = "tenantId";
    /** MDC key of the campaign id. */
    public static final String CAMPAIGN = "campaignId";

    private final Object previousTenant;
    private final Object previousCampaign;

    private LogContext(Long orgId, Long campaignId) {
        previousTenant = MDC.get(TENANT);
        previousCampaign = MDC.get(CAMPAIGN);
        set(TENANT, orgId);
        set(CAMPAIGN, campaignId);
    }

    /** Work for one organization; a campaign id the thread carried is taken out. */
    public static LogContext tenant(long orgId) {
        return new LogContext(orgId, null);
    }

    /** Work for one campaign of one organization. */
    public static LogContext campaign(long orgId, long campaignId) {
        return new LogContext(orgId, campaignId);
    }

    /** Runs {@code work} for a campaign (or only an organization, with a null {@code campaignId}) in its log context. */
    public static void run(long orgId, Long campaignId, Runnable work) {
        ContextInternal current = (ContextInternal) Vertx.currentContext();
        if (current == null || current.isDuplicate()) {
            within(orgId, campaignId, work);
            return;
        }
        ContextInternal own = current.duplicate();
        ContextInternal previous = own.beginDispatch();
        try {
            within(orgId, campaignId, work);
        } finally {
            own.endDispatch(previous);
        }
    }

    private static void within(long orgId, Long campaignId, Runnable work) {
        LogContext context = new LogContext(orgId, campaignId);
        try {
            work.run();
        } finally {
            context.close();
        }
    }

    @Override
    public void close() {
        set(TENANT, previousTenant);
        set(CAMPAIGN, previousCampaign);
    }

    private static void set(String key, Object value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value.toString());
        }
    }
}
