/** Impersonation storage (control schema). */
package io.tidewatch.impersonation.internal;
