package io.tidewatch.platform.web;

import java.io.IOException;
import java.lang.annotation.Annotation;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Answers an unreadable body of an {@link InvalidJson}-annotated parameter with that parameter's message. */
@Provider
public class InvalidJsonInterceptor implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        String message = messageFor(context.getAnnotations());
        if (message == null) {
            return context.proceed();
        }
        try {
            return context.proceed();
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(message);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 400) {
                throw ApiException.badRequest(message);
            }
            throw e;
        }
    }

    private static String messageFor(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof InvalidJson invalid) {
                return invalid.value();
            }
        }
        return null;
    }
}
