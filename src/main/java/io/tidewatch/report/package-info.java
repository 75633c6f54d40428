/**
 * Reports: the per-tenant executive report (one set of figures rendered as JSON, HTML and a branded PDF), campaign
 * results as CSV, and the MSSP's fleet numbers across organizations. Every figure comes from aggregate SQL.
 */
package io.tidewatch.report;
