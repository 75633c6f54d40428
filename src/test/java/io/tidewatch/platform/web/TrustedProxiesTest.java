package io.tidewatch.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Which peers may speak for a client: exact addresses and CIDR ranges, IPv4 and IPv6, nothing by default. */
class TrustedProxiesTest {

    @Test
    void trustsNobodyByDefault() {
        TrustedProxies none = new TrustedProxies(Optional.empty());
        assertThat(none.isTrusted("127.0.0.1")).isFalse();
        assertThat(none.isTrusted("10.0.0.1")).isFalse();
    }

    @Test
    void matchesAddressesInsideTheConfiguredRanges() {
        TrustedProxies proxies = new TrustedProxies(Optional.of(List.of("10.0.0.0/8", "192.168.1.7", "fd00::/8")));
        assertThat(proxies.isTrusted("10.244.3.9")).isTrue();
        assertThat(proxies.isTrusted("11.0.0.1")).isFalse();
        assertThat(proxies.isTrusted("192.168.1.7")).isTrue();
        assertThat(proxies.isTrusted("192.168.1.8")).isFalse();
        assertThat(proxies.isTrusted("fd12:3456::1")).isTrue();
        assertThat(proxies.isTrusted("fe80::1")).isFalse();
        assertThat(proxies.isTrusted("not-an-address.example")).isFalse();
    }

    @Test
    void handlesPrefixesThatDoNotFallOnByteBoundaries() {
        TrustedProxies proxies = new TrustedProxies(Optional.of(List.of("172.16.0.0/12")));
        assertThat(proxies.isTrusted("172.31.255.255")).isTrue();
        assertThat(proxies.isTrusted("172.32.0.0")).isFalse();
        assertThat(proxies.isTrusted("172.15.255.255")).isFalse();
    }

    @Test
    void refusesHostNamesAndBadPrefixesAtStart() {
        assertThatThrownBy(() -> new TrustedProxies(Optional.of(List.of("proxy.internal"))))
                .hasMessageContaining("tidewatch.trusted-proxies");
        assertThatThrownBy(() -> new TrustedProxies(Optional.of(List.of("10.0.0.0/33"))))
                .hasMessageContaining("prefix");
    }

    @Test
    void normalizesHostsWithoutPortsOrCase() {
        assertThat(RequestOrigin.normalizeHost("Northwind.SAT.example.com:3333")).isEqualTo("northwind.sat.example.com");
        assertThat(RequestOrigin.normalizeHost("northwind.example.com.")).isEqualTo("northwind.example.com");
        assertThat(RequestOrigin.normalizeHost("[::1]:8443")).isEqualTo("::1");
        assertThat(RequestOrigin.normalizeHost(" ")).isNull();
    }
}
