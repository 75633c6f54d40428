package io.tidewatch.mailer;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.tidewatch.platform.net.OutboundGuard;

/**
 * Open SMTP sessions per server, reused across batches. At most one session per sender is ever out, so the number of
 * connections is bounded by the number of senders (plus idle ones until they time out).
 */
final class SmtpPool {

    private final MailerConfig config;
    private final OutboundGuard guard;
    private final Map<SmtpServer, Deque<SmtpSession>> idle = new HashMap<>();

    SmtpPool(MailerConfig config, OutboundGuard guard) {
        this.config = config;
        this.guard = guard;
    }

    /** An open session to {@code server} if one is idle, else a new one (it connects on first use). */
    synchronized SmtpSession borrow(SmtpServer server) {
        Deque<SmtpSession> sessions = idle.get(server);
        while (sessions != null && !sessions.isEmpty()) {
            SmtpSession session = sessions.pollFirst();
            if (session.isReusable(config.messagesPerSession())) {
                return session;
            }
            session.close();
        }
        return new SmtpSession(server, config, guard);
    }

    /** Takes a session back: kept open when it is healthy, closed otherwise. */
    void giveBack(SmtpSession session) {
        if (!session.isReusable(config.messagesPerSession())) {
            session.close();
            return;
        }
        synchronized (this) {
            idle.computeIfAbsent(session.server(), k -> new ArrayDeque<>()).addFirst(session);
        }
    }

    /** Closes sessions idle for longer than {@code timeout}. */
    void closeIdle(Duration timeout) {
        List<SmtpSession> stale = new ArrayList<>();
        synchronized (this) {
            for (Iterator<Deque<SmtpSession>> it = idle.values().iterator(); it.hasNext();) {
                Deque<SmtpSession> sessions = it.next();
                sessions.removeIf(s -> {
                    boolean old = s.idleNanos() > timeout.toNanos();
                    if (old) {
                        stale.add(s);
                    }
                    return old;
                });
                if (sessions.isEmpty()) {
                    it.remove();
                }
            }
        }
        stale.forEach(SmtpSession::close);
    }

    /** Closes every idle session. */
    void closeAll() {
        closeIdle(Duration.ZERO);
    }
}
