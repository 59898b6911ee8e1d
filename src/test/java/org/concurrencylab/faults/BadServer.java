package org.concurrencylab.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/// A web server on 127.0.0.1 that misbehaves on purpose, one way per path, written on plain
/// sockets so it can do what a well-behaved server library never does:
///
/// - `/stall-body`: announces 100,000 bytes, sends 1,000, then sends nothing more
/// - `/no-answer`: reads the request and never answers
/// - `/cut-body`: announces 100,000 bytes, sends 1,000, then closes the connection
/// - `/huge`: announces 33 MiB (more than the clients' cap) and sends them
/// - `/huge-chunked`: sends chunks with no length announced, without end
/// - `/garbage`: answers with a line that is not HTTP
/// - `/binary`: answers with bytes that are not text (control characters, broken UTF-8), then closes
/// - `/drip`: announces 100,000 bytes and sends one every 300 ms: each read comes within any read
///   timeout of a second or more, so only a deadline ends it; `/drip-slow` sends one a second
/// - `/redirect-same`: redirects to `/`, the same host (which answers the fine page)
/// - `/redirect-name`, `/redirect-address`, `/redirect-https`: redirect to this server by another
///   name (`localhost`), another address (`127.0.0.2`), or the https scheme
/// - `/redirect-loop`: redirects to itself
/// - anything else: a small fine page
///
/// Every connection ends when the server is closed.
///
/// Thread-safety: thread-safe; each connection is served on its own virtual thread.
public final class BadServer implements AutoCloseable {
    /// The size announced by `/huge`: one MiB more than the clients accept.
    public static final long HUGE_BYTES = 33L * 1024 * 1024;

    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private BadServer(ServerSocket server) {
        this.server = server;
    }

    public static BadServer start() throws IOException {
        BadServer bad = new BadServer(new ServerSocket(0, 200, InetAddress.getLoopbackAddress()));
        Thread.ofPlatform().daemon(true).name("bad-server").start(bad::acceptLoop);
        return bad;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            String path = requestPath(in);
            switch (path) {
                case "/stall-body" -> {
                    out.write(head(100_000, "Content-Length: 100000"));
                    out.write(new byte[1_000]);
                    out.flush();
                    waitForClose(in);
                }
                case "/no-answer" -> waitForClose(in);
                case "/cut-body" -> {
                    out.write(head(100_000, "Content-Length: 100000"));
                    out.write(new byte[1_000]);
                    out.flush();
                }
                case "/huge" -> {
                    out.write(head(HUGE_BYTES, "Content-Length: " + HUGE_BYTES));
                    byte[] block = new byte[64 * 1024];
                    for (long sent = 0; sent < HUGE_BYTES && !closed; sent += block.length) out.write(block);
                    out.flush();
                }
                case "/huge-chunked" -> {
                    out.write(head(-1, "Transfer-Encoding: chunked"));
                    byte[] chunk = ("10000\r\n" + "x".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                    // 16 MiB past the cap at most, so a client that never stops reading still ends
                    for (long sent = 0; sent < HUGE_BYTES + (16L << 20) && !closed; sent += 0x10000) out.write(chunk);
                    out.flush();
                }
                case "/binary" -> {
                    out.write(new byte[] {0, 1, 2, 27, '[', '2', 'J', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, 7, '\r', '\n'});
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                case "/drip", "/drip-slow" -> {
                    out.write(head(100_000, "Content-Length: 100000"));
                    out.flush();
                    long pause = path.equals("/drip") ? 300 : 1_000;
                    for (int sent = 0; sent < 100_000 && !closed; sent++) {
                        out.write('x');
                        out.flush();
                        sleep(pause);
                    }
                }
                case "/redirect-same" -> redirect(out, "/");
                case "/redirect-name" -> redirect(out, "http://localhost:" + server.getLocalPort() + "/");
                case "/redirect-address" -> redirect(out, "http://127.0.0.2:" + server.getLocalPort() + "/");
                case "/redirect-https" -> redirect(out, "https://127.0.0.1:" + server.getLocalPort() + "/");
                case "/redirect-loop" -> redirect(out, "/redirect-loop");
                case "/garbage" -> {
                    out.write("SSH-2.0-OpenSSH_9.2 not a web server\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                default -> {
                    byte[] body = "<h1>fine</h1>".getBytes(StandardCharsets.US_ASCII);
                    out.write(head(body.length, "Content-Length: " + body.length));
                    out.write(body);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // the client went away: nothing to serve
        } finally {
            open.remove(socket);
        }
    }

    private static void redirect(OutputStream out, String location) throws IOException {
        out.write(("HTTP/1.1 302 Found\r\nLocation: " + location + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static byte[] head(long length, String lengthHeader) {
        return ("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + lengthHeader + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /// Reads the request head and returns its path ("" if the client closed first).
    private static String requestPath(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String firstLine = head.toString(StandardCharsets.US_ASCII).lines().findFirst().orElse("");
        String[] parts = firstLine.split(" ");
        return parts.length >= 2 ? URI.create(parts[1]).getPath() : "";
    }

    /// Blocks until the client closes the connection (or the server is closed).
    private static void waitForClose(InputStream in) throws IOException {
        byte[] sink = new byte[1024];
        while (in.read(sink) >= 0) {
            // a client sends nothing more on this connection; read until it hangs up
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }
}
