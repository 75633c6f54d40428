package io.tidewatch.platform.web;

import java.util.List;
import java.util.OptionalInt;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/**
 * {@code limit}/{@code offset} on a Gophish list: absent means everything (what Gophish clients expect), otherwise a
 * window over the list in its stable order (oldest first). Bad values are a 400 naming the parameter.
 */
public record Paging(int offset, OptionalInt limit) {

    /** Everything. */
    public static final Paging ALL = new Paging(0, OptionalInt.empty());

    /** Reads the raw query parameters. */
    public static Paging of(String limit, String offset) {
        return new Paging(number(offset, "offset").orElse(0), number(limit, "limit"));
    }

    /** Runs the query over this window. */
    public <T> List<T> apply(PanacheQuery<T> query) {
        if (limit.isPresent() && limit.getAsInt() == 0) {
            return List.of();
        }
        if (limit.isEmpty() && offset == 0) {
            return query.list();
        }
        long last = limit.isPresent() ? (long) offset + limit.getAsInt() - 1 : Integer.MAX_VALUE - 1;
        return query.range(offset, (int) Math.min(last, Integer.MAX_VALUE - 1)).list();
    }

    private static OptionalInt number(String value, String name) {
        if (value == null || value.isBlank()) {
            return OptionalInt.empty();
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return OptionalInt.of(parsed);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + ": must be a non-negative integer");
        }
    }
}
