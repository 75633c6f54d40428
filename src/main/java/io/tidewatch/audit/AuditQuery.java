package io.tidewatch.audit;

import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

import io.tidewatch.audit.internal.AuditFilter;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.platform.web.GoTime;

/**
 * The query parameters of {@code GET /api/audit}, checked: a bad value is a 400 naming its parameter. {@code limit} is
 * null when the caller gave none (a CSV export then holds every matching entry).
 */
record AuditQuery(AuditFilter filter, Integer limit) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    static AuditQuery parse(String action, String actor, String since, String until, String cursor, String limit) {
        String actionName = action(action);
        Long actorId = null;
        String actorName = null;
        if (actor != null && !actor.isBlank()) {
            String value = actor.trim();
            if (DIGITS.matcher(value).matches()) {
                actorId = Long.parseLong(value);
            } else if (value.length() <= 254) {
                actorName = value.toLowerCase(Locale.ROOT);
            } else {
                throw ApiException.badRequest("actor: must be a username or an account id");
            }
        }
        Instant from = GoTime.parse(since, "since").orElse(null);
        Instant to = GoTime.parse(until, "until").orElse(null);
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiException.badRequest("until: must not be before since");
        }
        AuditFilter filter = new AuditFilter(actionName, actionName != null && actionName.indexOf('.') < 0, actorId,
                actorName, from, to, cursor(cursor));
        return new AuditQuery(filter, limit(limit));
    }

    /** The page size for a JSON page: the caller's, or the default. */
    int pageSize() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }

    private static String action(String action) {
        if (action == null || action.isBlank()) {
            return null;
        }
        String name = action.trim().toLowerCase(Locale.ROOT);
        if (name.length() > 64 || !ACTION.matcher(name).matches()) {
            throw ApiException.badRequest("action: must be an action such as member.add, or a prefix such as member");
        }
        return name;
    }

    private static Long cursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        String value = cursor.trim();
        if (!DIGITS.matcher(value).matches() || Long.parseLong(value) < 1) {
            throw ApiException.badRequest("cursor: must be a next_cursor value returned by this API");
        }
        return Long.parseLong(value);
    }

    private static Integer limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return null;
        }
        String value = limit.trim();
        if (!DIGITS.matcher(value).matches() || Long.parseLong(value) < 1 || Long.parseLong(value) > MAX_LIMIT) {
            throw ApiException.badRequest("limit: must be a whole number from 1 to " + MAX_LIMIT);
        }
        return Integer.parseInt(value);
    }
}
