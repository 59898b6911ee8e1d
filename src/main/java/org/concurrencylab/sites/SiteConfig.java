package org.concurrencylab.sites;

/// How the embedded demo sites behave.
///
/// @param latencyMs   time each response waits before it is sent, as a real site's round trip
/// @param jitterMs    latency varies uniformly within ± this many ms (0: none)
/// @param largeBytes  size of the larger page (`/large`)
/// @param smallBytes  size of the small page (`/small`)
/// @param failureRate share of requests (0 to 1) answered with HTTP 500
public record SiteConfig(int latencyMs, int jitterMs, int largeBytes, int smallBytes, double failureRate) {
    public static final int DEFAULT_LATENCY_MS = 90;
    public static final int MAX_LATENCY_MS = 60_000;
    public static final int MAX_PAGE_BYTES = 16 * 1024 * 1024;

    public SiteConfig {
        if (latencyMs < 0 || latencyMs > MAX_LATENCY_MS) {
            throw new IllegalArgumentException("latency must be between 0 and " + MAX_LATENCY_MS + " ms, was " + latencyMs);
        }
        if (jitterMs < 0 || jitterMs > latencyMs) {
            throw new IllegalArgumentException("jitter must be between 0 and the latency (" + latencyMs + " ms), was " + jitterMs);
        }
        if (largeBytes < 64 || largeBytes > MAX_PAGE_BYTES || smallBytes < 64 || smallBytes > MAX_PAGE_BYTES) {
            throw new IllegalArgumentException("page sizes must be between 64 bytes and 16 MiB");
        }
        if (!(failureRate >= 0 && failureRate <= 1)) {
            throw new IllegalArgumentException("failure rate must be between 0 and 1, was " + failureRate);
        }
    }

    /// The article's setting: 90 ms per request, a 48 KiB page and a 2 KiB page, no failures.
    public static SiteConfig defaults() {
        return new SiteConfig(DEFAULT_LATENCY_MS, 0, 48 * 1024, 2 * 1024, 0);
    }

    public SiteConfig withLatencyMs(int ms) {
        return new SiteConfig(ms, Math.min(jitterMs, ms), largeBytes, smallBytes, failureRate);
    }

    /// These settings with each latency varying by up to `ms` either way.
    public SiteConfig withJitterMs(int ms) {
        return new SiteConfig(latencyMs, ms, largeBytes, smallBytes, failureRate);
    }

    public SiteConfig withFailureRate(double rate) {
        return new SiteConfig(latencyMs, jitterMs, largeBytes, smallBytes, rate);
    }
}
