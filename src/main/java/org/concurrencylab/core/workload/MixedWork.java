package org.concurrencylab.core.workload;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/// Download a page, then parse it heavily: I/O and CPU interleave. Under an event loop each
/// heavy parse holds the loop, so every other task waits: the task that does not cooperate.
///
/// @param requests how many pages
/// @param urls     the pages to cycle through; empty means the demo sites
/// @param cpuMs    the heavy parse, in ms of CPU per page
public record MixedWork(int requests, List<URI> urls, int cpuMs) implements Workload {
    public MixedWork {
        if (requests < 1 || requests > DownloadSites.MAX_REQUESTS) {
            throw new IllegalArgumentException("requests must be between 1 and " + DownloadSites.MAX_REQUESTS + ", was " + requests);
        }
        if (cpuMs < 1) throw new IllegalArgumentException("CPU ms must be >= 1, was " + cpuMs);
        urls = List.copyOf(urls);
    }

    @Override public String id() { return "mixed"; }

    @Override public String title() { return "Download and parse"; }

    @Override public Nature nature() { return Nature.IO_BOUND; }

    @Override public boolean needsDemoSites() { return urls.isEmpty(); }

    @Override
    public List<TaskPlan> plan(List<URI> demoPages) {
        List<TaskPlan> downloads = new DownloadSites(requests, urls).plan(demoPages);
        List<TaskPlan> plans = new ArrayList<>(requests);
        for (TaskPlan d : downloads) {
            Step.Fetch fetch = (Step.Fetch) d.steps().getFirst();
            plans.add(new TaskPlan(d.id(), d.name(), List.of(fetch, new Step.Crunch(cpuMs))));
        }
        return plans;
    }
}
