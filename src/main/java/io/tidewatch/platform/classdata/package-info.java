/**
 * The application class-data archive: a start that stops itself once the service is up (so the JVM can list the
 * classes a start loads), and the filter that keeps the list to classes an archive can serve safely.
 */
package io.tidewatch.platform.classdata;
