package org.concurrencylab.net;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// The event loop's client on a raw local server that answers as a test wants: what it does when
/// it is closed with downloads in flight, when its read timeout is shorter than a connection's
/// opening, and with an informational answer before the real one.
class AsyncHttpTest {
    private ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private volatile Function<String, String> answer = request -> null; // null: never answer

    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0, 1_000, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon(true).start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    accepted.add(socket);
                    Thread.ofVirtual().start(() -> serve(socket));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) return;
                head.append((char) b);
            }
            String reply = answer.apply(head.toString());
            if (reply == null) {
                in.read(); // holds the connection open, silent, until the client lets go
                return;
            }
            out.write(reply.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            in.read();
        } catch (IOException gone) {
            // the client closed the connection
        }
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        for (Socket s : accepted) s.close();
    }

    private URI uri(String host, String path) {
        return URI.create("http://" + host + ":" + server.getLocalPort() + path);
    }

    private static String failure(CompletableFuture<Page> download) throws InterruptedException {
        try {
            download.get(10, TimeUnit.SECONDS);
            return "no failure";
        } catch (ExecutionException e) {
            return e.getCause().getMessage();
        } catch (TimeoutException e) {
            return "still going after 10 s";
        }
    }

    @Test
    void closing_the_client_ends_every_download_in_flight_as_cancelled() throws Exception {
        for (int round = 0; round < 5; round++) {
            AsyncHttp http = AsyncHttp.create(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(60));
            List<CompletableFuture<Page>> downloads = new ArrayList<>();
            for (int i = 0; i < 20; i++) downloads.add(http.fetch(uri("127.0.0.1", "/silent")));
            Thread closer = Thread.ofPlatform().start(http::close);
            for (int i = 0; i < 20; i++) downloads.add(http.fetch(uri("127.0.0.1", "/silent"))); // racing the close
            closer.join();

            for (CompletableFuture<Page> d : downloads) assertThat(failure(d)).isEqualTo("cancelled");
            assertThat(failure(http.fetch(uri("127.0.0.1", "/after")))).isEqualTo("cancelled");
        }
    }

    @Test
    void the_read_timeout_holds_when_the_connection_opens_after_the_first_check() throws Exception {
        // a name to look up: the connection opens after the timer's first look
        try (AsyncHttp http = AsyncHttp.create(Duration.ofSeconds(5), Duration.ofMillis(2), Duration.ofSeconds(20))) {
            long start = System.nanoTime();
            String why = failure(http.fetch(uri("localhost", "/silent")));
            assertThat(why).isEqualTo("timed out: localhost:" + server.getLocalPort());
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).as("long before the deadline").isLessThan(10);
        }
    }

    @Test
    void an_informational_answer_is_skipped_for_the_answer_that_follows() throws Exception {
        answer = request -> "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";
        try (AsyncHttp http = AsyncHttp.createDefault()) {
            Page page = http.fetch(uri("127.0.0.1", "/hinted")).get(10, TimeUnit.SECONDS);
            assertThat(page.status()).isEqualTo(200);
            assertThat(new String(page.body(), StandardCharsets.US_ASCII)).isEqualTo("hello");
        }
    }

    /// A body sent in chunks, with no length announced, outgrows its first buffer: both clients
    /// keep every byte, in order.
    @Test
    void a_chunked_body_longer_than_the_first_buffer_arrives_whole_in_both_clients() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 3 * BodyBuffer.FIRST; i++) text.append("line ").append(i).append('\n');
        String whole = text.toString();
        StringBuilder chunked = new StringBuilder("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (int from = 0; from < whole.length(); from += 10_000) {
            String chunk = whole.substring(from, Math.min(whole.length(), from + 10_000));
            chunked.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        String reply = chunked.append("0\r\n\r\n").toString();
        answer = request -> reply;
        Http blocking = Http.createDefault();
        try (AsyncHttp http = AsyncHttp.createDefault()) {
            Page async = http.fetch(uri("127.0.0.1", "/chunked")).get(10, TimeUnit.SECONDS);
            Page blocked = blocking.fetch(uri("127.0.0.1", "/chunked"), call -> {});
            for (Page page : List.of(async, blocked)) {
                assertThat(page.size()).isEqualTo(whole.length());
                assertThat(new String(page.body(), StandardCharsets.US_ASCII)).isEqualTo(whole);
            }
        } finally {
            blocking.close();
        }
    }

    @Test
    void long_headers_are_read_as_other_clients_read_them() throws Exception {
        String cookie = "c".repeat(40_000);
        answer = request -> "HTTP/1.1 200 OK\r\nSet-Cookie: big=" + cookie + "\r\nContent-Length: 2\r\n\r\nok";
        try (AsyncHttp http = AsyncHttp.createDefault()) {
            assertThat(http.fetch(uri("127.0.0.1", "/cookies")).get(10, TimeUnit.SECONDS).body()).hasSize(2);
        }
        assertThatThrownBy(() -> AsyncHttp.createDefault().fetch(URI.create("ftp://127.0.0.1/x")).get(5, TimeUnit.SECONDS))
                .hasRootCauseMessage("not an http(s) URL: ftp://127.0.0.1/x");
    }
}
