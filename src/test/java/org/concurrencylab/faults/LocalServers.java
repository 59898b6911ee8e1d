package org.concurrencylab.faults;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/// Servers on 127.0.0.1 that fail a client in ways the network does: an HTTPS site whose
/// certificate nobody trusts, a port whose queue of connections is full (connecting times out),
/// and a port nobody listens on (connecting is refused). No traffic leaves the machine.
public final class LocalServers {
    private LocalServers() {}

    /// An HTTPS site with a self-signed certificate for 127.0.0.1, made with the JDK's keytool.
    public static final class SelfSignedSite implements AutoCloseable {
        private final HttpsServer server;

        private SelfSignedSite(HttpsServer server) {
            this.server = server;
        }

        public static SelfSignedSite start(Path dir) throws Exception {
            Path keystore = dir.resolve("self-signed.p12");
            char[] password = "changeit".toCharArray();
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "site", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                    "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
                    .redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("keytool failed: " + said);

            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, password);
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keys.getKeyManagers(), null, null);

            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            server.createContext("/", exchange -> {
                byte[] body = "<h1>secret</h1>".getBytes(StandardCharsets.US_ASCII);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return new SelfSignedSite(server);
        }

        public URI uri() {
            return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/");
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /// A listening port that never accepts, its queue of pending connections filled: the kernel
    /// drops further connection requests, so connecting times out, as with a host that does not
    /// answer.
    public static final class FullBacklog implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> queued = new ArrayList<>();

        public FullBacklog() throws IOException {
            server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            for (int i = 0; i < 16; i++) {
                Socket s = new Socket();
                try {
                    s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 300);
                    queued.add(s);
                } catch (SocketTimeoutException full) {
                    s.close();
                    return;
                }
            }
            close();
            throw new IOException("the queue of port " + server.getLocalPort() + " never filled");
        }

        public URI uri() {
            return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/");
        }

        @Override
        public void close() throws IOException {
            for (Socket s : queued) s.close();
            server.close();
        }
    }

    /// A port that answers every connection at once with a plain HTTP error and hangs up, before
    /// reading anything: what a client that expects TLS there gets instead of a handshake.
    public static final class PlainSpeaker implements AutoCloseable {
        private final ServerSocket server;

        public PlainSpeaker() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofPlatform().daemon(true).name("plain-speaker").start(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        // closed, or the client left first
                    }
                }
            });
        }

        /// An https URL of this port.
        public URI httpsUri() {
            return URI.create("https://127.0.0.1:" + server.getLocalPort() + "/");
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    /// A port on 127.0.0.1 that nobody listens on (bound once, then closed).
    public static URI refusingUri() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        return URI.create("http://127.0.0.1:" + port + "/");
    }
}
