package io.tidewatch.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.quarkus.arc.Arc;
import io.tidewatch.audit.AuditActor;
import io.tidewatch.audit.AuditActorSource;

/** Names the authenticated caller (and, for an impersonation token, the impersonating staff member) to the audit log. */
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

    private static AuditActor actor(CallerIdentity who) {
        if (who.isImpersonating()) {
            return new AuditActor(who.accountId(), who.username(), who.accountId(), who.username());
        }
        return new AuditActor(who.accountId(), who.username(), null, null);
    }
}
