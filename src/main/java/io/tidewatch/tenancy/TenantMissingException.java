package io.tidewatch.tenancy;

/** Thrown when tenant data is asked for while no organization is selected: the request fails closed. */
public class TenantMissingException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a fixed message that names no tenant. */
    public TenantMissingException() {
        super("no organization is selected for this unit of work");
    }
}
