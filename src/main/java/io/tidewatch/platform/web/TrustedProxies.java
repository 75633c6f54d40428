package io.tidewatch.platform.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The reverse proxies whose forwarded headers ({@code Forwarded}, {@code X-Forwarded-For/-Host/-Proto}) are believed:
 * config {@code tidewatch.trusted-proxies}, a list of IP addresses or CIDR ranges, empty by default (no proxy is
 * trusted, so a client cannot choose its own address or host by sending those headers).
 */
@Singleton
public class TrustedProxies {

    private static final Pattern LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final List<Range> ranges;

    TrustedProxies(@ConfigProperty(name = "tidewatch.trusted-proxies") Optional<List<String>> cidrs) {
        List<Range> parsed = new ArrayList<>();
        for (String cidr : cidrs.orElse(List.of())) {
            if (!cidr.isBlank()) {
                parsed.add(Range.parse(cidr.trim()));
            }
        }
        this.ranges = List.copyOf(parsed);
    }

    /** True when the peer with this literal address is a trusted proxy. */
    public boolean isTrusted(String address) {
        if (ranges.isEmpty()) {
            return false;
        }
        byte[] bytes = literal(address);
        return bytes != null && ranges.stream().anyMatch(r -> r.contains(bytes));
    }

    /** The bytes of a literal IPv4 or IPv6 address, or null for anything else (never a DNS lookup). */
    static byte[] literal(String address) {
        if (address == null || address.isEmpty() || address.length() > 45 || !LITERAL.matcher(address).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** One configured address range. */
    record Range(byte[] network, int prefix) {

        static Range parse(String cidr) {
            int slash = cidr.indexOf('/');
            String address = slash < 0 ? cidr : cidr.substring(0, slash);
            byte[] network = literal(address);
            if (network == null) {
                throw new IllegalArgumentException(
                        "tidewatch.trusted-proxies: '" + cidr + "' is not an IP address or CIDR range");
            }
            int prefix = network.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(cidr.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("tidewatch.trusted-proxies: '" + cidr + "' has a bad prefix length");
                }
            }
            return new Range(network, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}
