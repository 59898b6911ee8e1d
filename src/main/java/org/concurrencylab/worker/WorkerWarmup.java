package org.concurrencylab.worker;

import org.concurrencylab.core.workload.Fibonacci;
import org.concurrencylab.core.workload.Step;
import org.concurrencylab.core.workload.SumOfSquares;
import org.concurrencylab.core.workload.TaskPlan;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/// A worker process's warm-up before it says ready: tiny plans through the real interpreter and
/// the real protocol code, their events thrown away. Sums of squares large enough for the JIT to
/// compile the kernel (about a million big-integer steps in all), some fib(27), increments, a
/// sleep; and, only for runs that download, a few downloads from a throwaway server on the
/// loopback interface, so a CPU-bound run never pays for starting an HTTP client.
///
/// Why plans and not the app's trick of running the kernel alone from near 2^64: measured in the
/// worker processes (one child, tasks of 5,000,000 after it said ready), warming the kernel
/// directly, with a checkpoint of another type than the interpreter's, left the JIT with code
/// that ran every later task 15–25% slower (115–140 ms instead of 80–100 ms), whereas sums run as
/// tasks warm exactly the path the tasks take, for the same start-up time.
final class WorkerWarmup {
    /// Five sums from 200,000: about a million steps of the kernel, as tasks.
    private static final SumOfSquares SUMS = new SumOfSquares(5, 200_000);
    /// Some fib(27), a few milliseconds: the recursion is compiled within the first.
    private static final Fibonacci FIBS = new Fibonacci(4, 27);
    private static final int FETCHES = 6;

    private WorkerWarmup() {}

    /// Warms the compute paths: sums, fib, increments and a sleep run as `worker` runs tasks.
    static void compute(WorkerMain.Worker worker) {
        List<TaskPlan> plans = new ArrayList<>(SUMS.plan(List.of()));
        for (TaskPlan fib : FIBS.plan(List.of())) plans.add(new TaskPlan(plans.size(), fib.name(), fib.steps()));
        for (Step.CounterMode mode : Step.CounterMode.values()) {
            plans.add(new TaskPlan(plans.size(), "warm-up", List.of(new Step.Increment(2_000, mode))));
        }
        plans.add(new TaskPlan(plans.size(), "warm-up", List.of(new Step.Sleep(0))));
        for (TaskPlan plan : plans) execute(worker, new Protocol.Run(plan));
        execute(worker, new Protocol.Count(Step.CounterMode.UNSAFE));
    }

    /// Warms `worker`'s HTTP client and the page parser: a few downloads from a one-thread server
    /// on an ephemeral loopback port.
    static void http(WorkerMain.Worker worker) {
        try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            Thread.ofPlatform().daemon(true).name("warmup-server").start(() -> serve(server));
            URI page = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/warm-up");
            for (int i = 0; i < FETCHES; i++) {
                execute(worker, new Protocol.Run(new TaskPlan(i, "warm-up", List.of(new Step.Fetch(page), new Step.Parse(1)))));
            }
        } catch (IOException e) {
            // no loopback socket: the first download runs cold, nothing worse
        }
    }

    /// Runs `command` as if it had come from the parent: through its JSON form.
    private static void execute(WorkerMain.Worker worker, Protocol.Command command) {
        try {
            worker.execute(Protocol.readCommand(Protocol.write(command)));
        } catch (IOException e) {
            throw new IllegalStateException("the protocol cannot read its own command: " + command, e);
        }
    }

    private static void serve(ServerSocket server) {
        byte[] body = page();
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                skipRequestHead(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                out.write(head);
                out.write(body);
                out.flush();
            } catch (IOException e) {
                // closed at the end of the warm-up, or a client gone: either way nothing to do
            }
        }
    }

    private static void skipRequestHead(InputStream in) throws IOException {
        int matched = 0;
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    private static byte[] page() {
        StringBuilder html = new StringBuilder("<!doctype html><html><head><title>warm-up</title></head><body>\n");
        for (int i = 0; i < 200; i++) {
            html.append("<p>Paragraph ").append(i).append(" of words to count, with <a href=\"/p/").append(i)
                    .append("\">a link</a> and a few more words.</p>\n");
        }
        return html.append("</body></html>\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
