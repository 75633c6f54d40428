/** Shared services every capability may use: HTTP conventions, tokens and hashing. Depends on no capability. */
package io.tidewatch.platform;
