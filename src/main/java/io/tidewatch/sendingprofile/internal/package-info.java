/** Sending-profile entities and repositories; only the sending-profile capability uses them. */
package io.tidewatch.sendingprofile.internal;
