package io.tidewatch.platform.web;

import java.io.IOException;
import java.util.Comparator;
import java.util.stream.Collectors;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.handlers.FormBodyHandler;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every failure into the Gophish envelope with a precise status: client mistakes are 4xx with a message meant
 * for the client, never a stack trace or a class name; anything unexpected is a logged 500 with a fixed message.
 */
public class EnvelopeMappers {

    /** What a request is told when another one changed or deleted the same object at the same moment. */
    static final String CONCURRENT_CHANGE = "This was changed or deleted by another request at the same time; reload and"
            + " try again";

    static final String INVALID_JSON = "Invalid JSON structure";
    static final String INVALID_MULTIPART = "Invalid multipart request";

    @ServerExceptionMapper
    public Response api(ApiException e) {
        Log.debugf("API error %d: %s", e.status(), e.getMessage());
        return respond(e.status(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 400 && causedByJson(e)) {
            return invalidJson(e);
        }
        if (status >= 500) {
            Log.errorf(e, "Request failed with status %d", status);
        }
        return respond(status, messageFor(status));
    }

    @ServerExceptionMapper
    public Response jsonParse(JsonParseException e) {
        return invalidJson(e);
    }

    @ServerExceptionMapper
    public Response jsonMismatch(MismatchedInputException e) {
        return invalidJson(e);
    }

    @ServerExceptionMapper
    public Response jsonFormat(InvalidFormatException e) {
        return invalidJson(e);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e) {
        return invalidJson(e);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return invalidJson(e);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        String message = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(EnvelopeMappers::describe)
                .collect(Collectors.joining("; "));
        return respond(400, message.isEmpty() ? "Invalid request" : message);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return respond(401, "API Key not set");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return respond(401, "Invalid API Key");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(403, "Forbidden");
    }

    /**
     * A multipart body the form parser cannot read (cut off before its closing boundary, say) is the client's mistake;
     * any other I/O failure is unexpected.
     */
    @ServerExceptionMapper
    public Response io(IOException e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().equals(FormBodyHandler.class.getName())) {
                Log.debugf("Unreadable form body: %s", e.getMessage());
                return respond(400, INVALID_MULTIPART);
            }
        }
        return unexpected(e);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                // Two requests changed or deleted the same row at once; the other one won.
                Log.debugf("Concurrent change refused: %s", cause.getMessage());
                return respond(409, CONCURRENT_CHANGE);
            }
        }
        Log.errorf(e, "Unexpected failure while serving a request");
        return respond(500, "Internal server error");
    }

    /** Builds an envelope response; also used by request filters that abort early. */
    public static Response respond(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(Envelope.error(message)).build();
    }

    private static Response invalidJson(Exception e) {
        Log.debugf("Unreadable JSON body: %s", e.getClass().getSimpleName());
        String field = null;
        for (Throwable cause = e; cause != null && field == null; cause = cause.getCause()) {
            if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                field = mapping.getPath().get(mapping.getPath().size() - 1).getFieldName();
            }
        }
        return respond(400, field == null ? INVALID_JSON : INVALID_JSON + ": " + field + " has an invalid value");
    }

    private static boolean causedByJson(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String field = path.substring(path.lastIndexOf('.') + 1);
        return field + ": " + violation.getMessage();
    }

    static String messageFor(int status) {
        return switch (status) {
            case 400 -> "Invalid request";
            case 401 -> "API Key not set";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 413 -> "Request too large";
            case 415 -> "Unsupported media type";
            default -> status >= 500 ? "Internal server error" : "Request failed";
        };
    }
}
