package org.concurrencylab.export;

import org.concurrencylab.core.run.RunParams;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.model.TaskOutcome;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.RunStats;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.trace.Lane;
import org.concurrencylab.core.trace.LaneKind;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.diagram.DiagramLayout;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/// Runs made by hand for the export tests, and helpers to read what the exporters wrote.
public final class ExportFixtures {
    public static final long MS = 1_000_000L;

    private ExportFixtures() {}

    /// A measure that needs no toolkit: every character is 0.6 em wide.
    public static final DiagramLayout.TextMeasure PLAIN_TEXT = (text, size, bold) -> text.length() * size * (bold ? 0.65 : 0.6);

    /// A process pool of two children downloading: start-up, queued tasks that overlap one
    /// another, a failed request, labels as the models write them, a name that needs escaping.
    public static RunResult processPool() {
        RunSpec spec = RunSpec.defaults(WorkloadKind.DOWNLOAD, ModelKind.PROCESSES).withWorkers(2).withTasks(4)
                .with(RunParams.LATENCY_MS, 40).withWarmup(false);
        List<Lane> lanes = List.of(new Lane(0, "process 1 <pid 41>", LaneKind.PROCESS),
                new Lane(1, "process 2 & co", LaneKind.PROCESS));
        List<Segment> segments = new ArrayList<>(List.of(
                Segment.closed(0, Segment.NO_TASK, State.STARTUP, 0, 200 * MS, "starting a JVM"),
                Segment.closed(1, Segment.NO_TASK, State.STARTUP, 0, 210 * MS, "starting a JVM"),
                Segment.closed(Segment.NO_LANE, 0, State.QUEUED, 0, 200 * MS, "GET /large #1"),
                Segment.closed(Segment.NO_LANE, 1, State.QUEUED, 0, 210 * MS, "GET /small #2"),
                Segment.closed(Segment.NO_LANE, 2, State.QUEUED, 0, 300 * MS, "GET /large #3"),
                Segment.closed(0, 0, State.IO_WAIT, 200 * MS, 250 * MS, "http://127.0.0.1:8080/large (49,152 bytes)"),
                Segment.closed(1, 1, State.IO_WAIT, 210 * MS, 260 * MS, "http://127.0.0.1:8080/small (2,271 bytes)"),
                Segment.closed(Segment.NO_LANE, 3, State.QUEUED, 250 * MS, 300 * MS, "GET /small #4"),
                Segment.closed(0, 0, State.WORK, 250 * MS, 300 * MS, "parse /large \"quoted\", with a comma"),
                Segment.closed(1, 1, State.WORK, 260 * MS, 262 * MS, "parse /small"),
                new Segment(1, 2, State.IO_WAIT, 300 * MS, 340 * MS, "http://127.0.0.1:8080/large",
                        "HTTP 500 Internal Server Error", false),
                Segment.closed(0, 3, State.IO_WAIT, 300 * MS, 330 * MS, "http://127.0.0.1:8080/small (2,271 bytes)"),
                Segment.closed(0, 3, State.WORK, 330 * MS, 331 * MS, "line one\nline two")));
        segments.sort(java.util.Comparator.comparingLong(Segment::start));
        List<TaskOutcome> outcomes = List.of(
                TaskOutcome.success(0, "GET /large #1", "49,152 bytes"),
                TaskOutcome.success(1, "GET /small #2", "2,271 bytes"),
                TaskOutcome.failure(2, "GET /large #3", "HTTP 500 Internal Server Error"),
                TaskOutcome.success(3, "GET /small #4", "2,271 bytes"));
        return new RunResult(spec, 341 * MS, 4, 1, false, lanes, segments, outcomes, RunStats.of(341 * MS, 60 * MS, segments));
    }

    /// A synchronous sum of squares: one lane, CPU only, labels `n = …`.
    public static RunResult sumOfSquares() {
        RunSpec spec = RunSpec.defaults(WorkloadKind.CPU, ModelKind.SYNC).withTasks(3).with(RunParams.BASE, 5_000_000).withWarmup(false);
        List<Lane> lanes = List.of(new Lane(0, "runner", LaneKind.THREAD));
        List<Segment> segments = List.of(
                Segment.closed(0, 0, State.WORK, 0, 90 * MS, "n = 5,000,000"),
                Segment.closed(0, 1, State.WORK, 90 * MS, 185 * MS, "n = 5,000,001"),
                Segment.closed(0, 2, State.WORK, 185 * MS, 270 * MS, "n = 5,000,002"));
        List<TaskOutcome> outcomes = List.of(TaskOutcome.success(0, "a", "1"), TaskOutcome.success(1, "b", "2"),
                TaskOutcome.success(2, "c", "3"));
        return new RunResult(spec, 270 * MS, 3, 0, false, lanes, segments, outcomes, RunStats.of(270 * MS, 270 * MS, segments));
    }

    /// Parses `xml` with the JDK's DOM parser (namespace aware); fails on malformed XML.
    public static Document parseXml(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    public static List<Element> elements(Document doc, String name) {
        NodeList nodes = doc.getElementsByTagNameNS(DiagramSvg.NAMESPACE, name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) out.add((Element) nodes.item(i));
        return out;
    }

    /// The `<rect class="seg">` elements: one per box of the frame.
    public static List<Element> boxRects(Document doc) {
        return elements(doc, "rect").stream().filter(e -> SvgSurface.BOX_CLASS.equals(e.getAttribute("class"))).toList();
    }

    public static double number(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }
}
