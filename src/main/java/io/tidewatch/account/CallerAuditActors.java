package io.tidewatch.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.quarkus.arc.Arc;
import io.tidewatch.audit.AuditActor;
import io.tidewatch.audit.AuditActorSource;

/**
 * Names the authenticated caller to the audit log. A request made with an impersonation token is recorded with both
 * identities: the actor is the impersonation ({@code impersonation #12 (org 5)}), the impersonator the staff member.
 */
@ApplicationScoped
class CallerAuditActors implements AuditActorSource {

    private final Instance<Caller> caller;

    CallerAuditActors(Instance<Caller> caller) {
        this.caller = caller;
    }

    @Override
    public AuditActor current() {
        if (!Arc.container().requestContext().isActive()) {
            return AuditActor.SYSTEM;
        }
        return caller.get().identity().map(CallerAuditActors::actor).orElse(AuditActor.SYSTEM);
    }

    @Override
    public boolean mayReadPlatformLog() {
        return Arc.container().requestContext().isActive() && caller.get().identity().isPresent()
                && caller.get().isMsspAdmin();
    }

    static AuditActor actor(CallerIdentity who) {
        if (who.isImpersonating()) {
            String name = "impersonation #" + who.impersonationId() + " (org " + who.impersonatedOrgId() + ")";
            return new AuditActor(null, name, who.accountId(), who.username());
        }
        return new AuditActor(who.accountId(), who.username(), null, null);
    }
}
