/** The admin API's HTTP conventions: the Gophish envelope, error mapping, path normalisation, JSON settings. */
package io.tidewatch.platform.web;
