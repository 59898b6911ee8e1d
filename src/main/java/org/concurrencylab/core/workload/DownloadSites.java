package org.concurrencylab.core.workload;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/// The article's first experiment: download many web pages, then parse each one a little.
///
/// With no URLs of its own it cycles through the embedded demo sites (one larger page, one
/// small page, like the article's two sites); otherwise it cycles through `urls`.
///
/// @param requests how many pages to download
/// @param urls     the pages to cycle through; empty means the demo sites
public record DownloadSites(int requests, List<URI> urls) implements Workload {
    public static final int DEFAULT_REQUESTS = 160;
    public static final int MAX_REQUESTS = 1_000_000;

    public DownloadSites {
        if (requests < 1 || requests > MAX_REQUESTS) {
            throw new IllegalArgumentException("requests must be between 1 and " + MAX_REQUESTS + ", was " + requests);
        }
        urls = List.copyOf(urls);
    }

    public static DownloadSites demo(int requests) {
        return new DownloadSites(requests, List.of());
    }

    @Override public String id() { return "download"; }

    @Override public String title() { return "Download sites"; }

    @Override public Nature nature() { return Nature.IO_BOUND; }

    @Override public boolean needsDemoSites() { return urls.isEmpty(); }

    @Override
    public List<TaskPlan> plan(List<URI> demoPages) {
        List<URI> pages = urls.isEmpty() ? demoPages : urls;
        if (pages.isEmpty()) throw new IllegalStateException("no pages to download: the demo sites are not running");
        List<TaskPlan> plans = new ArrayList<>(requests);
        for (int i = 0; i < requests; i++) {
            URI uri = pages.get(i % pages.size());
            plans.add(new TaskPlan(i, "GET " + shortName(uri) + " #" + (i + 1),
                    List.of(new Step.Fetch(uri), new Step.Parse(1))));
        }
        return plans;
    }

    private static String shortName(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getHost() == null || "127.0.0.1".equals(uri.getHost()) ? path : uri.getHost() + path;
    }
}
