/** E-mail templates (Gophish's {@code /api/templates/}) with attachments, and {@code /api/import/email}. */
package io.tidewatch.template;
