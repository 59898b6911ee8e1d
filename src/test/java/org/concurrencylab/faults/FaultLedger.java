package org.concurrencylab.faults;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/// The fault and bad-input suite's ledger: every case the suite tries is written down as a bad
/// input or a fault, with whether it got a clear outcome and lost nothing (its checks passed).
/// When the test run ends, one line sums it up, e.g.
/// `fault suite: 52 bad inputs, 61 faults, all with a clear outcome and nothing lost`.
///
/// Test classes of the suite register it with `@ExtendWith(FaultLedger.class)` and wrap each case
/// in [#badInput] or [#fault]. The summary is printed once, when JUnit closes its root context.
///
/// Thread-safety: thread-safe; cases may be written down from any thread.
public final class FaultLedger implements BeforeAllCallback {
    private static final Tally TALLY = new Tally();

    /// A case's checks: they throw (an assertion error, usually) when the outcome is not clear.
    @FunctionalInterface
    public interface Check {
        void run() throws Exception;
    }

    /// Runs `check` for one bad input named `name` and writes down how it went; rethrows a failure.
    public static void badInput(String name, Check check) throws Exception {
        TALLY.record(TALLY.badInputs, name, check);
    }

    /// Runs `check` for one fault named `name` and writes down how it went; rethrows a failure.
    public static void fault(String name, Check check) throws Exception {
        TALLY.record(TALLY.faults, name, check);
    }

    /// Bad inputs tried so far in this test run.
    public static int badInputsTried() {
        return TALLY.badInputs.get();
    }

    /// Faults tried so far in this test run.
    public static int faultsTried() {
        return TALLY.faults.get();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.create(FaultLedger.class))
                .getOrComputeIfAbsent(Tally.class, k -> TALLY, Tally.class);
    }

    /// The counts; closed (and printed) by JUnit when the whole run ends.
    static final class Tally implements ExtensionContext.Store.CloseableResource {
        final AtomicInteger badInputs = new AtomicInteger();
        final AtomicInteger faults = new AtomicInteger();
        final List<String> unclear = new CopyOnWriteArrayList<>();
        private final AtomicInteger printed = new AtomicInteger();

        void record(AtomicInteger counter, String name, Check check) throws Exception {
            counter.incrementAndGet();
            try {
                check.run();
            } catch (Exception | Error e) {
                unclear.add(name);
                throw e;
            }
        }

        String summary() {
            String head = String.format(Locale.ROOT, "fault suite: %d bad inputs, %d faults, ", badInputs.get(), faults.get());
            if (unclear.isEmpty()) return head + "all with a clear outcome and nothing lost";
            return head + unclear.size() + " without a clear outcome: " + String.join("; ", unclear);
        }

        @Override
        public void close() {
            if (printed.getAndIncrement() == 0 && badInputs.get() + faults.get() > 0) System.out.println(summary());
        }
    }
}
