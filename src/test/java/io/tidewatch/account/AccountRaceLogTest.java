package io.tidewatch.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.Fixtures;

/** Accounts racing for one username: one is created, and no log line written meanwhile quotes the e-mail address. */
@QuarkusTest
class AccountRaceLogTest {

    private static final int ATTEMPTS = 10;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final ExtHandler capture = new ExtHandler() {
        @Override
        protected void doPublish(ExtLogRecord record) {
            lines.add(record.getLoggerName() + " " + record.getMessage() + " " + Arrays.toString(record.getParameters())
                    + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void racingSignUpsLogNoUsername() throws Exception {
        String username = "racer-" + Fixtures.unique() + "@accounts.example";
        ExecutorService pool = Executors.newFixedThreadPool(ATTEMPTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < ATTEMPTS; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return Api.asAdmin().body(Map.of("username", username, "password", "correct-horse-battery",
                            "platform_role", "client")).post("/api/accounts").statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> call : calls) {
                statuses.add(call.get(120, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsOnly(201, 400);
            assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(lines).noneMatch(line -> line.toLowerCase(java.util.Locale.ROOT).contains(username));
    }
}
