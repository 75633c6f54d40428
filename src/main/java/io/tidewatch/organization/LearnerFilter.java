package io.tidewatch.organization;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.tidewatch.account.Caller;
import io.tidewatch.platform.web.EnvelopeMappers;

/**
 * Learners have no API access: a client account whose memberships are all a learner's is refused (403) on every
 * {@code /api} endpoint, those outside an organization too (its key, the organization list). Runs right after
 * authentication; the console refuses them the same way.
 */
public class LearnerFilter {

    private final Caller caller;
    private final MembershipService memberships;

    LearnerFilter(Caller caller, MembershipService memberships) {
        this.caller = caller;
        this.memberships = memberships;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 1)
    public Response refuseLearners(ContainerRequestContext request) {
        if (caller.identity().isEmpty() || !request.getUriInfo().getPath().startsWith("/api")) {
            return null;
        }
        if (!memberships.isLearnerOnly(caller.identity().get())) {
            return null;
        }
        return EnvelopeMappers.respond(403, "Learners have no API access");
    }
}
