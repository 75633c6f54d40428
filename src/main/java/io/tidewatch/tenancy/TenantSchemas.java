package io.tidewatch.tenancy;

import java.util.regex.Pattern;

/** Maps organization ids to schema names and validates every schema name before it reaches SQL or Hibernate. */
public final class TenantSchemas {

    /** The empty schema connections rest on when no tenant is selected: queries there find no tables. */
    public static final String NONE = "tenant_none";

    /** The control schema holding the platform tables. */
    public static final String CONTROL = "tidewatch_control";

    private static final Pattern TENANT_SCHEMA = Pattern.compile("tenant_[1-9][0-9]{0,17}");

    private TenantSchemas() {
    }

    /** The schema of an organization; ids must be positive. */
    public static String of(long orgId) {
        if (orgId <= 0) {
            throw new IllegalArgumentException("organization ids are positive");
        }
        return "tenant_" + orgId;
    }

    /** True for a well-formed tenant schema name (not the sentinel, not the control schema). */
    public static boolean isTenantSchema(String schema) {
        return schema != null && TENANT_SCHEMA.matcher(schema).matches();
    }

    /** Returns the name unchanged when it may be handed to a connection, and throws otherwise. */
    public static String requireSafe(String schema) {
        if (isTenantSchema(schema) || NONE.equals(schema) || CONTROL.equals(schema)) {
            return schema;
        }
        throw new IllegalArgumentException("not a Tidewatch schema name");
    }
}
