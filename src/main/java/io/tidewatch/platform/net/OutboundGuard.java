package io.tidewatch.platform.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.tidewatch.platform.web.ApiException;

/**
 * Decides whether an outbound connection may go to a host, resolving it once: callers then connect to the returned
 * address (never to the name again), so a second DNS answer cannot swap in an internal address. Link-local,
 * cloud-metadata, multicast and unspecified addresses are always refused; loopback and private ranges only unless
 * {@code tidewatch.outbound.allow-private} is set.
 */
@ApplicationScoped
public class OutboundGuard {

    /** What an address is, for the guard. */
    public enum Kind {
        /** A public unicast address. */
        PUBLIC,
        /** Loopback or a private network: allowed only by configuration. */
        PRIVATE,
        /** Link-local, metadata, multicast, unspecified or reserved: never. */
        FORBIDDEN
    }

    /** Looks host names up; replaceable in unit tests. */
    @FunctionalInterface
    public interface Resolver {
        /** Every address of the host. */
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /**
     * The host resolved, but to an address this server may not reach: a decision of policy, not a passing network
     * failure, so callers that retry (the mailer) give up at once. Still a 400 where it reaches the API.
     */
    public static final class Refused extends ApiException {

        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(400, message);
        }
    }

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|\\[?[0-9a-fA-F:.%]*:[0-9a-fA-F:.%]*]?");
    private static final List<String> METADATA = List.of("100.100.100.200", "168.63.129.16", "192.0.0.192",
            "fd00:ec2:0:0:0:0:0:254");

    private final boolean allowPrivate;
    private final Resolver resolver;

    @Inject
    OutboundGuard(OutboundConfig config) {
        this(config.allowPrivate(), InetAddress::getAllByName);
    }

    private OutboundGuard(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** A guard with explicit settings, for tests and tools. */
    public static OutboundGuard of(boolean allowPrivate, Resolver resolver) {
        return new OutboundGuard(allowPrivate, resolver);
    }

    /**
     * Resolves {@code host} once and returns the address to connect to; 400 naming the host when it does not resolve,
     * {@link Refused} (also a 400) when any of its addresses may not be reached.
     */
    public InetAddress resolve(String host) {
        String name = strip(host);
        if (name.isEmpty()) {
            throw ApiException.badRequest("No host specified");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(name);
        } catch (UnknownHostException | SecurityException e) {
            throw ApiException.badRequest("Could not resolve host " + name);
        }
        if (addresses == null || addresses.length == 0) {
            throw ApiException.badRequest("Could not resolve host " + name);
        }
        for (InetAddress address : addresses) {
            refuseUnlessAllowed(name, address);
        }
        return addresses[0];
    }

    /** Checks a host only when it is an IP literal (used when settings are saved; names are checked on connect). */
    public void checkLiteral(String host) {
        String name = strip(host);
        if (!IP_LITERAL.matcher(name).matches()) {
            return;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(name)) {
                refuseUnlessAllowed(name, address);
            }
        } catch (UnknownHostException e) {
            throw ApiException.badRequest("Invalid address " + name);
        }
    }

    /** True when connections to this address are allowed under the current settings. */
    public boolean allows(InetAddress address) {
        Kind kind = classify(address);
        return kind == Kind.PUBLIC || (kind == Kind.PRIVATE && allowPrivate);
    }

    private void refuseUnlessAllowed(String name, InetAddress address) {
        Kind kind = classify(address);
        if (kind == Kind.FORBIDDEN) {
            throw new Refused("Refusing to connect to " + name
                    + ": it resolves to a link-local, cloud-metadata or reserved address");
        }
        if (kind == Kind.PRIVATE && !allowPrivate) {
            throw new Refused("Refusing to connect to " + name
                    + ": it resolves to a loopback or private-network address, which this server does not allow"
                    + " (tidewatch.outbound.allow-private)");
        }
    }

    /** Classifies one address; IPv4 addresses embedded in IPv6 (mapped, NAT64, 6to4) are judged as IPv4. */
    public static Kind classify(InetAddress address) {
        if (METADATA.contains(address.getHostAddress().toLowerCase(Locale.ROOT))) {
            return Kind.FORBIDDEN;
        }
        if (address instanceof Inet4Address) {
            return classify4(address.getAddress());
        }
        return classify6((Inet6Address) address);
    }

    private static Kind classify4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        if (a0 == 0 || a0 >= 224 || (a0 == 169 && a1 == 254)) {
            return Kind.FORBIDDEN;
        }
        if (METADATA.contains((a0 + "." + a1 + "." + (b[2] & 0xff) + "." + (b[3] & 0xff)))) {
            return Kind.FORBIDDEN;
        }
        boolean isPrivate = a0 == 127 || a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)
                || (a0 == 100 && a1 >= 64 && a1 <= 127) || (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0)
                || (a0 == 198 && (a1 == 18 || a1 == 19));
        return isPrivate ? Kind.PRIVATE : Kind.PUBLIC;
    }

    private static Kind classify6(Inet6Address address) {
        byte[] b = address.getAddress();
        byte[] embedded = embeddedIpv4(b);
        if (embedded != null) {
            return classify4(embedded);
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress() || address.isLinkLocalAddress()) {
            return Kind.FORBIDDEN;
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0 && b[3] == 0) {
            return Kind.FORBIDDEN; // Teredo hides an IPv4 address that cannot be judged reliably.
        }
        if (address.isLoopbackAddress() || (b[0] & 0xfe) == 0xfc || address.isSiteLocalAddress()) {
            return Kind.PRIVATE;
        }
        return Kind.PUBLIC;
    }

    private static byte[] embeddedIpv4(byte[] b) {
        boolean zeroPrefix = allZero(b, 0, 10);
        boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0 && !allZero(b, 12, 14);
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
                && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12);
        if (mapped || compatible || nat64) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return Arrays.copyOfRange(b, 2, 6);
        }
        return null;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static String strip(String host) {
        String name = host == null ? "" : host.trim();
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name;
    }
}
