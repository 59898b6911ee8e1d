package org.concurrencylab.sites;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/// The embedded demo web sites: a small HTTP server on 127.0.0.1 and an ephemeral port, so the
/// download experiments work offline and with a latency we choose.
///
/// Pages: `/large` and `/small` (generated HTML with links and text), `/status/CODE` (answers
/// that status). Any page takes `?latency=MS` to override the configured latency for that one
/// request.
///
/// A Netty server on one event-loop thread: a request's latency is a timer on that thread, not
/// a thread asleep, and a page is written from one shared direct buffer, so 10,000 open requests
/// cost a timer and a connection each. The sites share the two cores with the clients whose runs
/// are measured; measured on the 2-core machine with 5,000 requests at 1,000 connections, the JDK's
/// `jdk.httpserver` (a virtual thread asleep per request) used about three times its CPU time.
///
/// Thread-safety: thread-safe; [#configure] may be called while requests are served (the next
/// request sees the new settings).
public final class DemoSites implements AutoCloseable {
    private static final int BACKLOG = 16_384;

    private final EventLoopGroup group;
    private final Channel channel;
    private final ByteBuf largePage;
    private final ByteBuf smallPage;
    private final AtomicLong served = new AtomicLong();
    private volatile SiteConfig config;

    private DemoSites(EventLoopGroup group, SiteConfig config) throws IOException {
        this.group = group;
        this.config = config;
        this.largePage = shared(PageGenerator.page("A larger page", config.largeBytes(), 1));
        this.smallPage = shared(PageGenerator.page("A small page", config.smallBytes(), 2));
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, BACKLOG)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new Exchange());
                    }
                });
        try {
            this.channel = bootstrap.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the demo sites", e);
        } catch (RuntimeException e) {
            throw new IOException("the demo sites could not start: " + e.getMessage(), e);
        }
    }

    /// Starts the sites on 127.0.0.1 and a free port.
    public static DemoSites start(SiteConfig config) throws IOException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("demo-sites", true),
                NioIoHandler.newFactory());
        try {
            return new DemoSites(group, config);
        } catch (IOException | RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw e;
        }
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + ((InetSocketAddress) channel.localAddress()).getPort());
    }

    /// The two demo pages, larger first.
    public List<URI> pages() {
        return List.of(baseUri().resolve("/large"), baseUri().resolve("/small"));
    }

    public SiteConfig config() {
        return config;
    }

    public void configure(SiteConfig newConfig) {
        this.config = newConfig;
    }

    /// How many requests were answered since start.
    public long served() {
        return served.get();
    }

    /// The requests of one connection, answered one after the other in the order they came (a
    /// client may send the next before the last answer is out).
    ///
    /// Thread-safety: confined to the sites' event-loop thread.
    private final class Exchange extends SimpleChannelInboundHandler<HttpObject> {
        private final Queue<HttpRequest> waiting = new ArrayDeque<>();
        private boolean answering;

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject message) {
            if (!(message instanceof HttpRequest request)) return; // a GET's (empty) body
            if (request.decoderResult().isFailure()) {
                respond(ctx, HttpResponseStatus.BAD_REQUEST, text("<h1>400 Bad Request</h1>"), false);
                return;
            }
            ReferenceCountUtil.retain(request);
            waiting.add(request);
            if (!answering) next(ctx);
        }

        private void next(ChannelHandlerContext ctx) {
            HttpRequest request = waiting.poll();
            if (request == null) {
                answering = false;
                return;
            }
            answering = true;
            SiteConfig c = config;
            QueryStringDecoder uri = new QueryStringDecoder(request.uri());
            List<String> asked = uri.parameters().get("latency");
            long latency = asked == null ? c.latencyMs() : parseLong(asked.getFirst(), c.latencyMs());
            if (c.jitterMs() > 0 && asked == null) latency += ThreadLocalRandom.current().nextInt(-c.jitterMs(), c.jitterMs() + 1);
            Runnable answer = () -> answer(ctx, request, uri.path(), c);
            if (latency > 0) ctx.executor().schedule(answer, latency, TimeUnit.MILLISECONDS);
            else answer.run();
        }

        private void answer(ChannelHandlerContext ctx, HttpRequest request, String path, SiteConfig c) {
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            ReferenceCountUtil.release(request);
            if (!ctx.channel().isActive()) {
                waiting.forEach(ReferenceCountUtil::release);
                waiting.clear();
                return;
            }
            HttpResponseStatus status = HttpResponseStatus.OK;
            ByteBuf body;
            if (c.failureRate() > 0 && ThreadLocalRandom.current().nextDouble() < c.failureRate()) {
                status = HttpResponseStatus.INTERNAL_SERVER_ERROR;
                body = text("<h1>500 Internal Server Error</h1><p>The demo site failed on purpose.</p>");
            } else if (path.equals("/large")) {
                body = largePage.retainedDuplicate();
            } else if (path.equals("/small")) {
                body = smallPage.retainedDuplicate();
            } else if (path.startsWith("/status/")) {
                int code = (int) parseLong(path.substring("/status/".length()), 400);
                if (code < 200 || code > 599) code = 400;
                status = HttpResponseStatus.valueOf(code);
                body = text("<h1>" + code + "</h1>");
            } else {
                status = HttpResponseStatus.NOT_FOUND;
                body = text("<h1>404 Not Found</h1>");
            }
            respond(ctx, status, body, keepAlive);
            if (keepAlive) next(ctx);
        }

        private void respond(ChannelHandlerContext ctx, HttpResponseStatus status, ByteBuf body, boolean keepAlive) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
            response.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, "text/html; charset=utf-8")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
            if (!keepAlive) response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            var written = ctx.writeAndFlush(response);
            written.addListener(done -> {
                if (done.isSuccess()) served.incrementAndGet();
            });
            if (!keepAlive) written.addListener(ChannelFutureListener.CLOSE);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            waiting.forEach(ReferenceCountUtil::release);
            waiting.clear();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // a connection reset by its client: nothing to answer
        }
    }

    /// A page every response shares (each writes a duplicate of it): a direct buffer that only
    /// [#close] frees.
    private static ByteBuf shared(byte[] page) {
        return Unpooled.unreleasableBuffer(Unpooled.directBuffer(page.length).writeBytes(page));
    }

    private static ByteBuf text(String html) {
        return Unpooled.wrappedBuffer(html.getBytes(StandardCharsets.UTF_8));
    }

    private static long parseLong(String text, long fallback) {
        if (text == null) return fallback;
        try {
            return Math.max(0, Math.min(Long.parseLong(text), SiteConfig.MAX_LATENCY_MS));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
        largePage.unwrap().release();
        smallPage.unwrap().release();
    }
}
