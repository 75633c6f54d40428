package io.tidewatch.tenancy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a REST resource whose every method acts inside one organization: the tenant filter resolves and checks the
 * organization before the method runs, and refuses the request when it cannot.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface TenantScoped {

    /**
     * When true, MSSP admins (acting as themselves) may also GET this resource in organizations they are not members
     * of, with a viewer's rights: aggregated figures such as executive reports, which the fleet view already shows.
     */
    boolean msspAdminsRead() default false;
}
