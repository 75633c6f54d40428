package io.tidewatch.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a JSON request-body parameter: the message a body that cannot be read answers with (400), where Gophish words it
 * differently per resource ({@code Invalid request}, {@code Error decoding JSON Request} ...). Without it the
 * message is {@code Invalid JSON structure}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface InvalidJson {

    /** The envelope message for an unreadable body. */
    String value();
}
