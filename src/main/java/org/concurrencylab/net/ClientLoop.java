package org.concurrencylab.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.NetUtil;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import javax.net.ssl.SSLException;

/// What is under the event loop's HTTP client: one Netty event loop on one platform thread,
/// `http-client`, that opens connections, writes the requests, reads the answers and keeps the
/// idle connections of each [Origin] for the next request (HTTP/1.1 keep-alive, as aiohttp's
/// connector does). The demo sites run on the same kind of loop, so both ends of the loopback
/// share their code and its compiled form.
///
/// A host name is looked up on a virtual thread (the JDK's resolver blocks), an IP address is not
/// looked up at all; `https` gets a TLS handler with the JDK's trust store and host name check.
///
/// Thread-safety: [#execute] and [#close] may be called from any thread; everything else runs on
/// the loop thread only.
final class ClientLoop implements AutoCloseable {
    /// How long an idle connection is kept before it is closed: five minutes, as the blocking
    /// models' OkHttp pool keeps them, so that a run a few minutes after the last one (a class
    /// talking about it) does not open its thousand connections again.
    private static final long IDLE_NANOS = TimeUnit.MINUTES.toNanos(5);
    /// The most header bytes an answer may have: sites with long cookies and policies send tens
    /// of kilobytes (OkHttp allows 256 KiB too).
    private static final int MAX_HEADER_BYTES = 256 * 1024;
    /// The longest status line kept to quote in an error.
    private static final int FIRST_LINE_MAX = 200;

    private final EventLoopGroup group;
    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final Duration connectTimeout;
    // loop
    private final Map<Origin, ArrayDeque<Idle>> idle = new HashMap<>();
    private SslContext tls;
    private boolean sweeping;

    /// An idle connection and since when.
    private record Idle(Channel channel, long since) {}

    /// What a connection's current exchange is told, on the loop thread.
    interface Listener {
        /// A part of the answer: its head, then its content.
        void onObject(HttpObject part);

        /// The connection failed or was closed.
        void onClosed(Throwable why);
    }

    ClientLoop(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("http-client", true), NioIoHandler.newFactory());
        this.loop = group.next();
        this.bootstrap = new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
    }

    Duration connectTimeout() {
        return connectTimeout;
    }

    boolean inLoop() {
        return loop.inEventLoop();
    }

    /// Runs `task` on the loop; false if the loop is shut down.
    boolean execute(Runnable task) {
        try {
            loop.execute(task);
            return true;
        } catch (RejectedExecutionException closed) {
            return false;
        }
    }

    /// Loop: `task` in `nanos`.
    ScheduledFuture<?> schedule(Runnable task, long nanos) {
        return loop.schedule(task, nanos, TimeUnit.NANOSECONDS);
    }

    /// Loop: the connection of `origin` used last and still open, or null.
    Channel takeIdle(Origin origin) {
        ArrayDeque<Idle> connections = idle.get(origin);
        while (connections != null && !connections.isEmpty()) {
            Channel channel = connections.pollLast().channel();
            if (channel.isActive()) return channel;
        }
        return null;
    }

    /// Loop: `channel`'s exchange is over and the server keeps it open: the next request to
    /// `origin` may use it.
    void release(Origin origin, Channel channel) {
        exchange(channel).listener = null;
        idle.computeIfAbsent(origin, o -> new ArrayDeque<>()).addLast(new Idle(channel, System.nanoTime()));
        if (!sweeping) {
            sweeping = true;
            loop.schedule(this::sweep, IDLE_NANOS, TimeUnit.NANOSECONDS);
        }
    }

    /// Closes the connections idle for longer than [#IDLE_NANOS]; again later while any are left.
    private void sweep() {
        long now = System.nanoTime();
        idle.values().forEach(connections -> {
            while (!connections.isEmpty() && now - connections.peekFirst().since() >= IDLE_NANOS) {
                connections.pollFirst().channel().close();
            }
        });
        idle.values().removeIf(ArrayDeque::isEmpty);
        sweeping = !idle.isEmpty();
        if (sweeping) loop.schedule(this::sweep, IDLE_NANOS / 2, TimeUnit.NANOSECONDS);
    }

    /// Loop: opens a connection to `origin` whose exchange tells `listener`; `done` gets the
    /// open channel, or why there is none (on the loop thread).
    void connect(Origin origin, Listener listener, BiConsumer<Channel, Throwable> done) {
        InetAddress literal = literal(origin.host());
        if (literal != null) {
            open(origin, new InetSocketAddress(literal, origin.port()), listener, done);
            return;
        }
        Thread.ofVirtual().name("http-lookup").start(() -> {
            try {
                InetAddress address = InetAddress.getByName(origin.host());
                if (!execute(() -> open(origin, new InetSocketAddress(address, origin.port()), listener, done))) {
                    done.accept(null, new RejectedExecutionException("closed"));
                }
            } catch (UnknownHostException | RuntimeException e) {
                if (!execute(() -> done.accept(null, e))) done.accept(null, e);
            }
        });
    }

    private void open(Origin origin, InetSocketAddress address, Listener listener, BiConsumer<Channel, Throwable> done) {
        SslContext context;
        try {
            context = origin.scheme().equals("https") ? tls() : null;
        } catch (SSLException e) {
            done.accept(null, e);
            return;
        }
        ChannelFuture connecting = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                Exchange exchange = new Exchange();
                exchange.listener = listener;
                if (context != null) channel.pipeline().addLast(context.newHandler(channel.alloc(), origin.host(), origin.port()));
                channel.pipeline().addLast(new FirstLine(exchange), new HttpClientCodec(4096, MAX_HEADER_BYTES, 64 * 1024), exchange);
            }
        }).connect(address);
        connecting.addListener(f -> done.accept(f.isSuccess() ? connecting.channel() : null, f.cause()));
        // an idle connection that closes leaves the pool
        connecting.channel().closeFuture().addListener(f -> {
            ArrayDeque<Idle> connections = idle.get(origin);
            if (connections != null) connections.removeIf(i -> i.channel() == connecting.channel());
        });
    }

    private SslContext tls() throws SSLException {
        if (tls == null) tls = SslContextBuilder.forClient().endpointIdentificationAlgorithm("HTTPS").build();
        return tls;
    }

    /// Loop: points `channel`'s events at `listener` (null: nobody's), and makes the next
    /// answer's first line the one [#firstLine] gives.
    static void listen(Channel channel, Listener listener) {
        Exchange exchange = exchange(channel);
        exchange.listener = listener;
        exchange.firstLine = null;
    }

    /// Loop: the first line of the answer on `channel` as it came (for an error that quotes it).
    static String firstLine(Channel channel) {
        String line = exchange(channel).firstLine;
        return line == null ? "" : line;
    }

    private static Exchange exchange(Channel channel) {
        return channel.pipeline().get(Exchange.class);
    }

    /// The address `host` writes out, or null if it is a name to look up.
    static InetAddress literal(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return NetUtil.createInetAddressFromIpAddressString(h); // parsed, never looked up
    }

    /// Shuts the loop down: every open connection is closed (their exchanges are told so).
    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
    }

    /// The last handler of a connection: hands what it reads to the connection's current listener.
    private static final class Exchange extends ChannelInboundHandlerAdapter {
        Listener listener;
        String firstLine;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (listener != null && msg instanceof HttpObject part) listener.onObject(part);
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            Listener l = listener;
            listener = null;
            if (l != null) l.onClosed(null);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            Listener l = listener;
            listener = null;
            ctx.close();
            if (l != null) l.onClosed(cause);
        }
    }

    /// Before the HTTP decoder: keeps the answer's first line as it came, up to its end or
    /// [#FIRST_LINE_MAX] bytes, so that an answer that is not HTTP can be quoted.
    private static final class FirstLine extends ChannelInboundHandlerAdapter {
        private final Exchange exchange;

        FirstLine(Exchange exchange) {
            this.exchange = exchange;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (exchange.firstLine == null && exchange.listener != null && msg instanceof ByteBuf bytes && bytes.isReadable()) {
                int from = bytes.readerIndex();
                int end = bytes.indexOf(from, Math.min(bytes.writerIndex(), from + FIRST_LINE_MAX), (byte) '\n');
                int to = end < 0 ? Math.min(bytes.writerIndex(), from + FIRST_LINE_MAX) : end;
                exchange.firstLine = bytes.toString(from, to - from, StandardCharsets.ISO_8859_1).strip();
            }
            ctx.fireChannelRead(msg);
        }
    }
}
