/** The SQL, rendering (Qute to HTML, OpenHTMLtoPDF to PDF, SVG charts) and CSV writing behind the reports. */
package io.tidewatch.report.internal;
