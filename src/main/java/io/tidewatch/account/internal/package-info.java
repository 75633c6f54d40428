/** Account storage (control schema). */
package io.tidewatch.account.internal;
