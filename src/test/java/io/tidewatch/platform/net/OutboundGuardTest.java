package io.tidewatch.platform.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

import io.tidewatch.platform.web.ApiException;

/** The outbound guard refuses link-local and metadata always, private ranges unless allowed, and resolves once. */
class OutboundGuardTest {

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static OutboundGuard guard(boolean allowPrivate, String... answers) {
        return OutboundGuard.of(allowPrivate, host -> {
            InetAddress[] addresses = new InetAddress[answers.length];
            for (int i = 0; i < answers.length; i++) {
                addresses[i] = ip(answers[i]);
            }
            return addresses;
        });
    }

    @Test
    void classifiesAddresses() {
        assertThat(OutboundGuard.classify(ip("169.254.169.254"))).isEqualTo(OutboundGuard.Kind.FORBIDDEN);
        assertThat(OutboundGuard.classify(ip("fe80::1"))).isEqualTo(OutboundGuard.Kind.FORBIDDEN);
        assertThat(OutboundGuard.classify(ip("fd00:ec2::254"))).isEqualTo(OutboundGuard.Kind.FORBIDDEN);
        assertThat(OutboundGuard.classify(ip("100.100.100.200"))).isEqualTo(OutboundGuard.Kind.FORBIDDEN);
        assertThat(OutboundGuard.classify(ip("0.0.0.0"))).isEqualTo(OutboundGuard.Kind.FORBIDDEN);
        assertThat(OutboundGuard.classify(ip("224.0.0.1"))).isEqualTo(OutboundGuard.Kind.FORBIDDEN);
        assertThat(OutboundGuard.classify(ip("::ffff:169.254.169.254"))).isEqualTo(OutboundGuard.Kind.FORBIDDEN);
        assertThat(OutboundGuard.classify(ip("64:ff9b::a9fe:a9fe"))).isEqualTo(OutboundGuard.Kind.FORBIDDEN);
        assertThat(OutboundGuard.classify(ip("2002:a9fe:a9fe::1"))).isEqualTo(OutboundGuard.Kind.FORBIDDEN);
        assertThat(OutboundGuard.classify(ip("127.0.0.1"))).isEqualTo(OutboundGuard.Kind.PRIVATE);
        assertThat(OutboundGuard.classify(ip("::1"))).isEqualTo(OutboundGuard.Kind.PRIVATE);
        assertThat(OutboundGuard.classify(ip("10.1.2.3"))).isEqualTo(OutboundGuard.Kind.PRIVATE);
        assertThat(OutboundGuard.classify(ip("172.31.0.1"))).isEqualTo(OutboundGuard.Kind.PRIVATE);
        assertThat(OutboundGuard.classify(ip("192.168.0.1"))).isEqualTo(OutboundGuard.Kind.PRIVATE);
        assertThat(OutboundGuard.classify(ip("fc00::1"))).isEqualTo(OutboundGuard.Kind.PRIVATE);
        assertThat(OutboundGuard.classify(ip("::ffff:10.0.0.1"))).isEqualTo(OutboundGuard.Kind.PRIVATE);
        assertThat(OutboundGuard.classify(ip("93.184.216.34"))).isEqualTo(OutboundGuard.Kind.PUBLIC);
        assertThat(OutboundGuard.classify(ip("2606:4700::1111"))).isEqualTo(OutboundGuard.Kind.PUBLIC);
        assertThat(OutboundGuard.classify(ip("172.32.0.1"))).isEqualTo(OutboundGuard.Kind.PUBLIC);
    }

    @Test
    void refusesLoopbackAndPrivateNetworksWhenNotAllowed() {
        assertThatThrownBy(() -> guard(false, "127.0.0.1").resolve("localhost"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("Refusing to connect to localhost")
                .hasMessageContaining("tidewatch.outbound.allow-private");
        assertThatThrownBy(() -> guard(false, "10.0.0.5").resolve("intranet.corp")).isInstanceOf(ApiException.class);
        assertThat(guard(false, "93.184.216.34").resolve("example.test")).isEqualTo(ip("93.184.216.34"));
    }

    @Test
    void refusesLinkLocalAndMetadataEvenWhenPrivateIsAllowed() {
        assertThatThrownBy(() -> guard(true, "169.254.169.254").resolve("metadata.google.internal"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("link-local, cloud-metadata");
        assertThat(guard(true, "127.0.0.1").resolve("localhost")).isEqualTo(ip("127.0.0.1"));
    }

    @Test
    void refusesAHostWhenAnyOfItsAddressesIsForbidden() {
        assertThatThrownBy(() -> guard(true, "93.184.216.34", "169.254.169.254").resolve("rebind.test"))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void checksLiteralsWithoutResolvingNames() {
        OutboundGuard guard = guard(false);
        assertThatThrownBy(() -> guard.checkLiteral("169.254.169.254")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> guard.checkLiteral("[::1]")).isInstanceOf(ApiException.class);
        guard.checkLiteral("smtp.example.com");
        assertThatThrownBy(() -> guard(false).resolve("")).hasMessage("No host specified");
        OutboundGuard failing = OutboundGuard.of(false, host -> {
            throw new UnknownHostException(host);
        });
        assertThatThrownBy(() -> failing.resolve("nowhere.invalid")).hasMessage("Could not resolve host nowhere.invalid");
    }
}
