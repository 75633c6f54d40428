/**
 * Accounts and how callers prove who they are: passwords, API keys, the first MSSP admin, and the request's
 * authenticated caller.
 */
package io.tidewatch.account;
