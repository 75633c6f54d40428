package io.tidewatch.platform.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;

import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Socket factories that connect to one address checked by {@link OutboundGuard}, whatever host name the protocol
 * library asks for: the name still serves TLS (SNI and certificate checks), the address is fixed. Used with Jakarta
 * Mail as {@code mail.<protocol>.socketFactory} and {@code mail.<protocol>.ssl.socketFactory}.
 */
public final class PinnedSockets {

    private PinnedSockets() {
    }

    /** A plain socket factory whose sockets always connect to {@code address}. */
    public static SocketFactory plain(InetAddress address) {
        return new PlainFactory(address);
    }

    /**
     * A TLS factory for protocol libraries that open a plain pinned socket and then layer TLS over it (implicit TLS
     * and STARTTLS); {@code trustAll} skips certificate checks (a sending profile's {@code ignore_cert_errors}).
     */
    public static SSLSocketFactory tls(InetAddress address, boolean trustAll) {
        return new TlsFactory(address, trustAll ? trustAllFactory() : (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    /** A socket that connects to the pinned address and the port it is asked for. */
    static final class PinnedSocket extends Socket {

        private final InetAddress address;

        PinnedSocket(InetAddress address) {
            this.address = address;
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            int port = ((InetSocketAddress) endpoint).getPort();
            super.connect(new InetSocketAddress(address, port), timeout);
            // Mail protocols are chains of small writes each waiting for a reply: Nagle's algorithm with delayed
            // acknowledgements would stall every exchange for tens of milliseconds.
            setTcpNoDelay(true);
        }
    }

    private static final class PlainFactory extends SocketFactory {

        private final InetAddress address;

        PlainFactory(InetAddress address) {
            this.address = address;
        }

        @Override
        public Socket createSocket() {
            return new PinnedSocket(address);
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return connected(address, port);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return connected(address, port);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return connected(address, port);
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return connected(address, port);
        }
    }

    private static final class TlsFactory extends SSLSocketFactory {

        private final InetAddress address;
        private final SSLSocketFactory delegate;

        TlsFactory(InetAddress address, SSLSocketFactory delegate) {
            this.address = address;
            this.delegate = delegate;
        }

        @Override
        public Socket createSocket() {
            return new PinnedSocket(address);
        }

        @Override
        public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
            return delegate.createSocket(socket, host, port, autoClose);
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return delegate.createSocket(connected(address, port), host, port, true);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return createSocket(host, port);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return createSocket(host.getHostName(), port);
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return createSocket(host.getHostName(), port);
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return delegate.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }
    }

    private static Socket connected(InetAddress address, int port) throws IOException {
        Socket socket = new PinnedSocket(address);
        socket.connect(new InetSocketAddress(address, port), 10_000);
        return socket;
    }

    private static SSLSocketFactory trustAllFactory() {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // Not a server: client certificates are never checked here.
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // The profile asked to ignore certificate errors (Gophish's ignore_cert_errors).
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] { trustAll }, new SecureRandom());
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is unavailable", e);
        }
    }
}
