package io.tidewatch.platform.web;

/**
 * A client-facing failure with its HTTP status and a message safe to show; mapped to the Gophish envelope. Domain
 * code throws these through the named factories so statuses stay consistent.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /** Creates a failure with an explicit status. */
    public ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** 400: the request is malformed or fails validation; the message names the field. */
    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    /** 401: no or wrong credentials. */
    public static ApiException unauthorized(String message) {
        return new ApiException(401, message);
    }

    /** 402: the organization's seat cap would be exceeded. */
    public static ApiException paymentRequired(String message) {
        return new ApiException(402, message);
    }

    /** 403: authenticated but not allowed. */
    public static ApiException forbidden() {
        return new ApiException(403, "Forbidden");
    }

    /** 404: missing, or belonging to another tenant: the two are indistinguishable on purpose. */
    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    /** 409: a duplicate or a conflicting state. */
    public static ApiException conflict(String message) {
        return new ApiException(409, message);
    }

    /** 429: too many attempts. */
    public static ApiException tooManyRequests(String message) {
        return new ApiException(429, message);
    }
}
