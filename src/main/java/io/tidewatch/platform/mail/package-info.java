/** E-mail address parsing with the rules and messages of Go's net/mail, which Gophish clients rely on. */
package io.tidewatch.platform.mail;
