/** Template entities and repositories; only the template capability uses them. */
package io.tidewatch.template.internal;
