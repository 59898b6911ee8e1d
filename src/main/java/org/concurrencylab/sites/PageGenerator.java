package org.concurrencylab.sites;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/// Makes deterministic HTML pages of a given size, with headings, paragraphs and links, so the
/// parse step after a download has real markup to work through.
final class PageGenerator {
    private static final String[] WORDS = {
        "thread", "process", "task", "await", "lock", "queue", "socket", "latency", "pool", "worker",
        "event", "loop", "core", "cache", "request", "response", "page", "result", "time", "wait",
        "compute", "parallel", "concurrent", "shared", "counter", "update", "switch", "interval",
    };

    private PageGenerator() {}

    static byte[] page(String title, int bytes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder html = new StringBuilder(bytes + 256);
        html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
            .append(title).append("</title></head>\n<body>\n<h1>").append(title).append("</h1>\n");
        String end = "</body></html>\n";
        int section = 0;
        while (html.length() < bytes - end.length() - 200) {
            if (section++ % 6 == 0) html.append("<h2>Section ").append(section).append("</h2>\n");
            html.append("<p>");
            int words = 20 + random.nextInt(40);
            for (int w = 0; w < words; w++) {
                if (w > 0) html.append(' ');
                if (random.nextInt(12) == 0) {
                    html.append("<a href=\"/page/").append(random.nextInt(10_000)).append("\">")
                        .append(WORDS[random.nextInt(WORDS.length)]).append("</a>");
                } else {
                    html.append(WORDS[random.nextInt(WORDS.length)]);
                }
            }
            html.append(".</p>\n");
        }
        while (html.length() < bytes - end.length()) html.append(' ');
        html.append(end);
        return html.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
