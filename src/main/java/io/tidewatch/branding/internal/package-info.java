/** Branding storage (control schema) and the checks an uploaded image passes: type by content, SVG sanitizing. */
package io.tidewatch.branding.internal;
