/** Organization storage (control schema). */
package io.tidewatch.organization.internal;
