/** Landing pages (Gophish's {@code /api/pages/}) and {@code /api/import/site}. */
package io.tidewatch.landingpage;
