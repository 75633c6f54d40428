/**
 * Client organizations (tenants): their lifecycle and schema, members and roles, seats and the seat cap, and which
 * organization a request acts in.
 */
package io.tidewatch.organization;
