/** Group and target entities and repositories; only the group capability uses them. */
package io.tidewatch.group.internal;
