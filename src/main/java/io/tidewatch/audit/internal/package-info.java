/** Audit internals: the chained append and the canonical form that is hashed. */
package io.tidewatch.audit.internal;
