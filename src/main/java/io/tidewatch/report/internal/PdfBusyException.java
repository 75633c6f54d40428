package io.tidewatch.report.internal;

/** Every PDF rendering turn stayed taken for longer than a request may wait: answered 503 with Retry-After. */
public class PdfBusyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Seconds a client should wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    PdfBusyException() {
        super("all PDF rendering turns are busy", null, false, false);
    }
}
