package io.tidewatch.platform.web;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Starts every request with an empty log context, whatever the worker thread carried before. */
public class LogContextFilter {

    @ServerRequestFilter(preMatching = true, priority = 1)
    public void clear() {
        MDC.remove("tenantId");
        MDC.remove("campaignId");
        MDC.remove("jobId");
    }
}
