/**
 * Gophish's template syntax without a Go runtime: {@code {{.FirstName}}}, {@code {{if .X}}...{{else}}...{{end}}},
 * comments and string constants; parsed and validated on save, rendered per recipient with HTML escaping where the
 * output is HTML. Depends on no capability.
 */
package io.tidewatch.gotemplate;
