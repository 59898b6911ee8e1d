package org.concurrencylab.core.model;

import org.concurrencylab.core.trace.LaneTrack;
import org.concurrencylab.core.trace.State;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/// The time a worker thread had code to run but no core: Linux keeps, per thread, the
/// nanoseconds it waited in a run queue (`/proc/thread-self/schedstat`, exact whenever the
/// thread reads it, since it is running then), beside its CPU clock. While a lane is in WORK, [#sample] reads the second clock
/// every [#SAMPLE_NANOS] at most (and once more as the state ends), and a wait that grew by [#DRAWN_NANOS] or more since the last
/// reading is cut out of the running state as READY, ending at the reading: so five threads on
/// two cores show why only two run at once. The time of a stretch the thread neither ran nor
/// waited for a core (wall time less both clocks) is PAUSED: the JVM held it at a safepoint, for
/// a garbage collection mostly; it is drawn before the wait (a collection ends, then every
/// thread wants a core at once). Both are drawn where they were read, within one sampling
/// interval of where they happened.
///
/// Where the clock cannot be read (not Linux, a kernel without scheduler statistics) nothing is
/// recorded and the time reads as WORK, as it did before. A virtual thread reads its carrier's
/// clock, so the reading starts again each time it may have moved to another carrier (a new
/// step, after a wait); each carrier's clock is opened once and shared by the virtual threads
/// it carries, one at a time. A thread being interrupted (its run stopped) does not read: a
/// channel read while interrupted is closed, and a carrier's is shared.
///
/// Thread-safety: an instance is confined to the thread running the task, like its
/// [TaskContext]; the carriers' clocks are shared, in a concurrent map.
final class CoreWaits {
    /// The shortest time between two readings (a reading costs about a microsecond).
    static final long SAMPLE_NANOS = 200_000;
    /// The shortest wait recorded: shorter ones are the kernel's own bookkeeping.
    static final long DRAWN_NANOS = 50_000;
    static final String LABEL = "ready, waiting for a core";
    static final String PAUSED_LABEL = "paused by the JVM (garbage collection or another safepoint)";

    private static final Path CLOCK = Path.of("/proc/thread-self/schedstat");
    private static final boolean AVAILABLE = probe();
    private static final ThreadLocal<FileChannel> PLATFORM = new ThreadLocal<>();
    private static final Path SELF = Path.of("/proc/thread-self");
    /// The clocks of the carriers of virtual threads, by the carrier's "PID/task/TID".
    private static final ConcurrentHashMap<String, FileChannel> CARRIERS = new ConcurrentHashMap<>();
    private static final int MAX_CARRIERS = 512;
    private static final LongAdder CARRIER_OPENS = new LongAdder();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_CLOCK = THREADS.isCurrentThreadCpuTimeSupported();

    private final LaneTrack lane;
    private FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(96);
    private long lastWait = -1;
    private long lastRan;
    private long lastRead;

    CoreWaits(LaneTrack lane) {
        this.lane = lane;
    }

    /// Whether this machine's kernel measures run-queue waits per thread.
    static boolean available() {
        return AVAILABLE;
    }

    /// The lane just entered WORK (or came back to it from a wait): the count starts here.
    void start() {
        if (!AVAILABLE) return;
        if (Thread.currentThread().isVirtual()) {
            channel = Thread.currentThread().isInterrupted() ? null : carrierClock();
        } else {
            channel = PLATFORM.get();
            if (channel == null) {
                channel = open();
                PLATFORM.set(channel);
            }
        }
        lastRead = System.nanoTime();
        lastWait = -1;
        if (channel == null) return;
        try {
            buffer.clear();
            int n = channel.read(buffer, 0);
            if (n <= 0) return;
            lastWait = number(buffer.array(), n, 1);
            lastRan = ranNanos();
        } catch (IOException e) {
            lastWait = -1;
            forgetCarrier();
        }
    }

    /// While the lane is in WORK: records the wait for a core since the last reading, if it grew
    /// enough; reads at most every [#SAMPLE_NANOS] unless `now` is asked (the state is ending).
    void sample() {
        if (lastWait < 0) return;
        long t = System.nanoTime();
        if (t - lastRead < SAMPLE_NANOS) return;
        record(t, read(t), true);
    }

    /// The lane is leaving WORK: the last stretch is read (a pause or wait found ends the
    /// running state, and the caller's next state ends it), and the count stops until [#start].
    /// `read` false drops the last stretch (the step failed: the failure marks the running state).
    void stop(boolean read) {
        if (read && lastWait >= 0) {
            long t = System.nanoTime();
            record(t, read(t), false);
        }
        lastWait = -1;
    }

    private void record(long t, Stretch s, boolean resume) {
        if (s == null || lane.state() != State.WORK) return;
        long paused = s.paused() >= DRAWN_NANOS ? s.paused() : 0;
        long waited = s.waited() >= DRAWN_NANOS ? s.waited() : 0;
        if (paused == 0 && waited == 0) return;
        lane.cut(t - paused - waited, resume, new LaneTrack.Piece(State.PAUSED, PAUSED_LABEL, paused),
                new LaneTrack.Piece(State.READY, LABEL, waited));
    }

    /// One stretch between two readings: how long the thread waited for a core, and how long it
    /// was stopped otherwise (neither on a core nor in a run queue: held at a JVM safepoint).
    private record Stretch(long waited, long paused) {}

    /// The stretch since the last reading, read at `t`; null if the clock cannot be read.
    private Stretch read(long t) {
        if (channel == null || Thread.currentThread().isInterrupted()) return null;
        try {
            buffer.clear();
            int n = channel.read(buffer, 0);
            if (n <= 0) return null;
            long wait = number(buffer.array(), n, 1);
            if (wait < 0) return null;
            long ran = ranNanos();
            long waited = wait - lastWait;
            // the kernel's own count of time on a core lags by up to a tick; the thread's CPU clock
            // is exact (a virtual thread has none: its pauses cannot be told apart, and stay WORK)
            long paused = ran < 0 || lastRan < 0 ? 0 : Math.max(0, (t - lastRead) - (ran - lastRan) - waited);
            lastWait = wait;
            lastRan = ran;
            lastRead = t;
            return new Stretch(waited, paused);
        } catch (IOException e) {
            forgetCarrier();
            return null;
        }
    }

    private static long ranNanos() {
        return CPU_CLOCK ? THREADS.getCurrentThreadCpuTime() : -1;
    }

    /// Number `index` (0: ran, 1: waited) of the line's three: "ran-ns waited-ns slices"; -1
    /// if it is not there.
    static long number(byte[] line, int length, int index) {
        int i = 0;
        for (int skip = 0; skip < index; skip++) {
            while (i < length && line[i] != ' ') i++;
            i++;
        }
        long value = 0;
        boolean digits = false;
        for (; i < length && line[i] >= '0' && line[i] <= '9'; i++) {
            value = value * 10 + (line[i] - '0');
            digits = true;
        }
        return digits ? value : -1;
    }

    private static FileChannel open() {
        try {
            return FileChannel.open(CLOCK);
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /// The clock of the carrier the calling virtual thread runs on now, opened at its first step
    /// on that carrier: the carrier is found from the link `/proc/thread-self` ("PID/task/TID"),
    /// one system call, where opening and closing the clock at every step took two more (about
    /// 6 µs a step against 3, measured on virtual threads); null if it cannot be read.
    private static FileChannel carrierClock() {
        try {
            String carrier = Files.readSymbolicLink(SELF).toString();
            FileChannel known = CARRIERS.get(carrier);
            if (known != null) return known;
            if (CARRIERS.size() >= MAX_CARRIERS) forgetEndedCarriers();
            FileChannel opened = FileChannel.open(Path.of("/proc", carrier, "schedstat"));
            CARRIER_OPENS.increment();
            FileChannel raced = CARRIERS.putIfAbsent(carrier, opened);
            if (raced == null) return opened;
            closeQuietly(opened);
            return raced;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    /// How many carriers' clocks this process opened so far.
    static long carrierClocksOpened() {
        return CARRIER_OPENS.sum();
    }

    /// A carrier's clock failed to read: its thread ended (a later thread may reuse its number),
    /// so the clock is closed and the next step on that number opens a new one.
    private void forgetCarrier() {
        if (channel == null || !Thread.currentThread().isVirtual()) return;
        FileChannel failed = channel;
        channel = null;
        if (CARRIERS.values().remove(failed)) closeQuietly(failed);
    }

    /// Carriers come and go (the scheduler retires idle ones, and adds some while others block
    /// on files): past [#MAX_CARRIERS] clocks, those of ended carriers are closed, and if that is
    /// not enough, all are let go.
    private static void forgetEndedCarriers() {
        for (String carrier : List.copyOf(CARRIERS.keySet())) {
            if (!Files.exists(Path.of("/proc", carrier))) forget(carrier);
        }
        if (CARRIERS.size() < MAX_CARRIERS) return;
        for (String carrier : List.copyOf(CARRIERS.keySet())) forget(carrier);
    }

    private static void forget(String carrier) {
        FileChannel c = CARRIERS.remove(carrier);
        if (c != null) closeQuietly(c);
    }

    private static void closeQuietly(FileChannel c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing a /proc file frees its descriptor whatever it reports; nothing to recover
        }
    }

    private static boolean probe() {
        if (!Files.isReadable(CLOCK)) return false;
        try (FileChannel c = FileChannel.open(CLOCK)) {
            ByteBuffer b = ByteBuffer.allocate(96);
            int n = c.read(b, 0);
            return n > 0 && number(b.array(), n, 1) >= 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
