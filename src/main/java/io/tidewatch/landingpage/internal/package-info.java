/** Landing-page entities and repositories; only the landing-page capability uses them. */
package io.tidewatch.landingpage.internal;
