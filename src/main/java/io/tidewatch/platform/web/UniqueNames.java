package io.tidewatch.platform.web;

import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * Flushes pending writes and turns a unique-constraint violation (two requests racing for one name) into the 409 the
 * earlier name check would have answered, instead of a 500.
 */
public final class UniqueNames {

    private UniqueNames() {
    }

    /**
     * Persists {@code entity} and flushes; a unique violation becomes 409 with {@code conflictMessage}. Identity keys
     * make the insert happen inside {@code persist} itself, so the persist needs the same guard as the flush.
     */
    public static <E> void persist(PanacheRepositoryBase<E, ?> repository, E entity, String conflictMessage) {
        try {
            repository.persist(entity);
            repository.flush();
        } catch (PersistenceException e) {
            if (isConstraintViolation(e)) {
                throw ApiException.conflict(conflictMessage);
            }
            throw e;
        }
    }

    /** Flushes {@code repository}'s session; a unique violation becomes 409 with {@code conflictMessage}. */
    public static void flush(PanacheRepositoryBase<?, ?> repository, String conflictMessage) {
        try {
            repository.flush();
        } catch (PersistenceException e) {
            if (isConstraintViolation(e)) {
                throw ApiException.conflict(conflictMessage);
            }
            throw e;
        }
    }

    private static boolean isConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
