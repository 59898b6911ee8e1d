package org.concurrencylab.python;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/// Everything a Python twin run needs besides where it records: the program, its inputs, how
/// many workers, and its limits. Immutable.
///
/// @param program        the program (model × workload)
/// @param inputs         its inputs; their workload must be the program's
/// @param workers        the pool's threads or processes (the harness makes the program's pool
///                       this size, whatever the program says); 1 for the other models
/// @param maxConnections the event loop's requests in flight at once (`CONNECTIONS`)
/// @param connectTimeout how long a download may take to connect (where the program's HTTP
///                       call takes a timeout and gives none)
/// @param readTimeout    how long a download may wait for data (likewise)
/// @param deadline       how long the whole program may run before it is killed as hung
/// @param variant        the program as shown or its standard-library variant
/// @param startMethod    how a process pool starts its processes
public record TwinRequest(TwinProgram program, TwinInputs inputs, int workers, int maxConnections,
                          Duration connectTimeout, Duration readTimeout, Duration deadline, TwinVariant variant,
                          StartMethod startMethod) {
    /// The most pool threads or processes.
    public static final int MAX_WORKERS = 64;
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(10);

    /// `multiprocessing`'s ways to start a process.
    public enum StartMethod {
        /// The platform's (fork on Linux up to 3.13, forkserver from 3.14; spawn on macOS, Windows).
        DEFAULT,
        FORK,
        SPAWN,
        FORKSERVER;

        String wire() {
            return this == DEFAULT ? null : name().toLowerCase(Locale.ROOT);
        }
    }

    public TwinRequest {
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(startMethod, "startMethod");
        if (inputs.workload() != program.workload()) {
            throw new IllegalArgumentException("the inputs are for " + inputs.workload().id() + ", the program is "
                    + program.fileName());
        }
        if (!program.model().hasWorkers()) workers = 1;
        if (workers < 1 || workers > MAX_WORKERS) {
            throw new IllegalArgumentException("workers must be between 1 and " + MAX_WORKERS + ", was " + workers);
        }
        if (maxConnections < 1) throw new IllegalArgumentException("max connections must be >= 1, was " + maxConnections);
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (deadline.isNegative() || deadline.isZero()) throw new IllegalArgumentException("the deadline must be positive");
    }

    /// A request with the lab's defaults: 100 connections, 10 s to connect, 30 s to read, ten
    /// minutes in all, the program as shown if its library imports, the platform's start method.
    public static TwinRequest of(TwinProgram program, TwinInputs inputs, int workers) {
        return new TwinRequest(program, inputs, workers, 100, Duration.ofSeconds(10), Duration.ofSeconds(30),
                DEFAULT_DEADLINE, TwinVariant.AUTO, StartMethod.DEFAULT);
    }

    public TwinRequest withMaxConnections(int n) {
        return new TwinRequest(program, inputs, workers, n, connectTimeout, readTimeout, deadline, variant, startMethod);
    }

    public TwinRequest withTimeouts(Duration connect, Duration read) {
        return new TwinRequest(program, inputs, workers, maxConnections, connect, read, deadline, variant, startMethod);
    }

    public TwinRequest withDeadline(Duration d) {
        return new TwinRequest(program, inputs, workers, maxConnections, connectTimeout, readTimeout, d, variant, startMethod);
    }

    public TwinRequest withVariant(TwinVariant v) {
        return new TwinRequest(program, inputs, workers, maxConnections, connectTimeout, readTimeout, deadline, v, startMethod);
    }

    public TwinRequest withStartMethod(StartMethod m) {
        return new TwinRequest(program, inputs, workers, maxConnections, connectTimeout, readTimeout, deadline, variant, m);
    }
}
