/**
 * Gophish's template syntax without a Go runtime: {@code {{.FirstName}}}, pipelines and Go's string functions,
 * {@code {{if}}} and {@code {{with}}} blocks, comments and constants; parsed, type-checked and validated on save,
 * rendered per recipient with HTML escaping of recipient values where the output is HTML. Depends on no capability.
 */
package io.tidewatch.gotemplate;
