/** Tenancy internals: the Hibernate and Agroal hooks and the tenant-schema entities that prove a schema's owner. */
package io.tidewatch.tenancy.internal;
