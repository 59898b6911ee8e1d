package org.concurrencylab.core.model;

import org.concurrencylab.net.AsyncHttp;

import java.util.function.Supplier;

/// What a model needs to be made for one run, as the engine gives it: the worker count, the
/// connection limit, the simulated GIL (null when off) and the event loop's client (made only if
/// asked for).
public record ModelSetup(int workers, int maxConnections, Gil gil, Supplier<AsyncHttp> eventLoopClient) {}
