/**
 * Schema-per-tenant plumbing: which organization a unit of work acts in, how its schema is selected, created,
 * migrated and dropped. Depends on no other capability.
 */
package io.tidewatch.tenancy;
