package io.lifeboat.health.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class FailuresTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @Test
    void namesARefusalFoundAnywhereInTheChain() {
        Exception wrapped = new IllegalStateException("Exception opening socket", new ConnectException(
                "Connection refused"));

        assertThat(Failures.describe(wrapped, TIMEOUT, "ping", "db:27017")).isEqualTo("connection refused: db:27017");
    }

    @Test
    void namesTheTimeoutAndTheStepForASocketTimeout() {
        Exception wrapped = new IOException("The connection attempt failed.", new SocketTimeoutException(
                "Read timed out"));

        assertThat(Failures.describe(wrapped, TIMEOUT, "SELECT 1", "db:5432")).isEqualTo(
                "timed out after 3 s: SELECT 1 on db:5432");
    }

    @Test
    void keepsTheDriversWordsWithoutRedissonsChannelDump() {
        Exception error = new IllegalStateException("NOAUTH Authentication required.. channel: [id: 0x1] data: x");

        assertThat(Failures.describe(error, TIMEOUT, "connect", "cache:6379")).isEqualTo(
                "connect on cache:6379 failed: NOAUTH Authentication required.");
    }
}
