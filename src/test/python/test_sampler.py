"""The relay's sampler, driven with made-up samples instead of /proc: where it draws edges."""

import os
import tempfile
import unittest

from concurrencylab_harness.sampler import Sampler

MS = 1_000_000


def thread_with(samples):
    """A sampled thread whose history is `samples`: (time, running) pairs."""
    thread = Sampler.Thread(-1, -1)
    thread.times = [t for t, _ in samples]
    thread.running = [r for _, r in samples]
    thread.read = True
    return thread


def step_on(sampler, key, thread, start, label="sum_of_squares(5000000)"):
    """A step that began at `start`, as `Sampler.began` opens one, without its event."""
    step = Sampler.Step()
    step.lane, step.task, step.label, step.start = "thread:1", 0, label, start
    step.cpu, step.runq, step.key, step.thread = 0, 0, key, thread
    step.piece = step.base_state = "WORK"
    step.piece_start = step.cursor = start
    step.drawn_wait, step.ready_next = 0, 0
    i = len(thread.times)
    while i > 0 and thread.times[i - 1] > start:
        i -= 1
    step.next = i
    sampler.steps[step.lane] = step
    return step


class SamplerTest(unittest.TestCase):
    def setUp(self):
        self.sent = []
        self.sampler = Sampler(MS, self.sent.append)
        self.sampler.procfs = False  # nothing here reads /proc
        self.key = (1, 1)

    def pieces(self, start=0):
        """The pieces drawn, as the app reads them: a `began` ends the piece open before it (the
        step's first, WORK from `start`), and the step's `ended` its last."""
        pieces, state, since = [], "WORK", start
        for e in self.sent:
            if e["type"] == "began":
                pieces.append((state, since, e["time"]))
                state, since = e["state"], e["time"]
            elif e["type"] == "ended":
                pieces.append((e["state"], e["start"], e["end"]))
        return pieces

    def test_a_change_of_state_is_drawn_halfway_between_the_samples_that_saw_it(self):
        thread = thread_with([(t * MS, t < 10) for t in range(20)])
        self.sampler.threads[self.key] = thread
        step = step_on(self.sampler, self.key, thread, 0)
        self.sampler.advance(step, 19 * MS)
        self.assertEqual([("WORK", 0, 9 * MS + MS // 2)], self.pieces())
        self.assertEqual(["began"], [e["type"] for e in self.sent], "one event per change of piece")
        self.assertEqual("LOCK_WAIT", step.piece)

    def test_trimming_keeps_the_sample_before_a_steps_next_one(self):
        # the step has drawn up to sample 49; sample 50 is its first wait for the GIL, and its
        # edge is halfway between samples 49 and 50, even after the history is trimmed
        thread = thread_with([(t * MS, t < 50) for t in range(200)])
        self.sampler.threads[self.key] = thread
        step = step_on(self.sampler, self.key, thread, 0)
        self.sampler.advance(step, 49 * MS)
        self.assertEqual(50, step.next)
        self.sampler.trim(self.key, thread)
        self.assertGreater(thread.base, 0, "the history was trimmed")
        self.assertLessEqual(thread.base, 49, "the sample before the step's next one is kept")
        self.sampler.advance(step, 199 * MS)
        self.assertEqual([("WORK", 0, 49 * MS + MS // 2)], self.pieces())

    def test_a_wait_for_a_core_ends_halfway_between_the_samples_around_its_end(self):
        thread = thread_with([(t * MS, True) for t in range(11)])
        self.sampler.queued(thread, 11 * MS, MS // 5)
        self.assertEqual([(10 * MS + MS // 2 - MS // 5, 10 * MS + MS // 2)], thread.ready)

    def test_a_wait_for_a_core_over_a_step_is_drawn_ready_with_exact_edges(self):
        thread = thread_with([(t * MS, True) for t in range(20)])
        thread.ready.append((5 * MS, 8 * MS))
        self.sampler.threads[self.key] = thread
        step = step_on(self.sampler, self.key, thread, 0)
        self.sampler.advance(step, 19 * MS)
        self.sampler.draw(step, 19 * MS)
        self.assertEqual([("WORK", 0, 5 * MS), ("READY", 5 * MS, 8 * MS)], self.pieces())
        self.assertEqual("WORK", step.piece)
        self.assertEqual(8 * MS, step.piece_start)

    def test_a_step_ends_with_its_totals(self):
        thread = thread_with([(t * MS, t < 5 or t >= 8) for t in range(12)])
        self.sampler.threads[self.key] = thread
        step = step_on(self.sampler, self.key, thread, 0)
        self.sampler.ended({"type": "ended", "lane": step.lane, "task": 0, "state": "WORK", "start": 0,
                            "end": 11 * MS, "label": step.label, "error": None, "cpu": 8 * MS})
        pieces = self.pieces()
        self.assertEqual(("WORK", 0, 4 * MS + MS // 2), pieces[0])
        self.assertEqual(("LOCK_WAIT", 4 * MS + MS // 2, 7 * MS + MS // 2), pieces[1])
        self.assertEqual(("WORK", 7 * MS + MS // 2, 11 * MS), pieces[-1])
        gil = [e for e in self.sent if e["type"] == "gil"][0]
        self.assertEqual((11 * MS, 8 * MS, 3 * MS), (gil["wall"], gil["cpu"], gil["wait"]))
        self.assertEqual(3 * MS, gil["drawn"])
        self.assertNotIn(step.lane, self.sampler.steps)

    def test_a_steps_runqueue_total_spans_its_own_edges_not_their_late_reports(self):
        # the thread waited for a core 1 ms within the step and 1 ms after it, before the step's
        # end was reported: the step counts the first only
        thread = thread_with([(t * MS, True) for t in range(14)])
        thread.ready.extend([(5 * MS, 6 * MS), (12 * MS, 13 * MS)])
        self.sampler.threads[self.key] = thread
        self.sampler.runqueue = lambda t: 2 * MS  # the kernel's run delay, read at the late report
        self.assertEqual(1 * MS, self.sampler.runqueue_at(thread, 11 * MS))
        self.assertEqual(0, self.sampler.runqueue_at(thread, 2 * MS))
        step = step_on(self.sampler, self.key, thread, 0)
        self.sampler.ended({"type": "ended", "lane": step.lane, "task": 0, "state": "WORK", "start": 0,
                            "end": 11 * MS, "label": step.label, "error": None, "cpu": 8 * MS})
        gil = [e for e in self.sent if e["type"] == "gil"][0]
        self.assertEqual((1 * MS, 2 * MS), (gil["runq"], gil["wait"]))


class SampleReadsTest(unittest.TestCase):
    """`Sampler.sample` on files written here in the kernel's formats, in place of /proc."""

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)
        self.stat = os.path.join(self.dir.name, "stat")
        self.schedstat = os.path.join(self.dir.name, "schedstat")
        self.sampler = Sampler(MS, [].append)  # procfs or not: `sample` reads only the files given
        self.write("S", 1000, 0, 1)
        thread = Sampler.Thread(os.open(self.stat, os.O_RDONLY), os.open(self.schedstat, os.O_RDONLY))
        self.addCleanup(os.close, thread.stat)
        self.addCleanup(os.close, thread.schedstat)
        self.thread = thread
        self.sampler.threads[(1, 2)] = thread

    def write(self, state, on_cpu, delay, switched_in):
        with open(self.stat, "w") as f:
            f.write("2 (python3 (x)) %s 1 2 2 0 -1 4194368 58 0 0 0 3 0 0 0 20 0 6 0 100\n" % state)
        with open(self.schedstat, "w") as f:
            f.write("%d %d %d\n" % (on_cpu, delay, switched_in))

    def test_stat_is_read_only_when_schedstat_moved(self):
        self.sampler.sample(1 * MS)
        self.write("R", 1000, 0, 1)  # woken, still in the runqueue: R, and schedstat as it was
        self.sampler.sample(2 * MS)
        self.assertEqual([False, False], self.thread.running, "schedstat unchanged: the state kept")
        self.assertFalse(self.thread.read, "the second sample did not read stat")
        self.write("R", 1000, 0, 2)  # switched in since
        self.sampler.sample(3 * MS)
        self.assertEqual([False, False, True], self.thread.running)

    def test_a_wait_for_a_core_after_a_kept_state_ends_halfway_between_the_samples(self):
        self.sampler.sample(1 * MS)
        self.sampler.sample(2 * MS)  # kept, not read: the thread may have woken since the first
        self.write("R", 2000, 3 * MS // 2, 2)
        self.sampler.sample(3 * MS)
        # halfway between the samples around its end, not from the last sample on
        self.assertEqual([(MS, 5 * MS // 2)], self.thread.ready)

    def test_a_wait_for_a_core_after_a_read_sleep_starts_after_that_sample(self):
        self.sampler.sample(1 * MS)
        self.write("R", 2000, MS // 2, 2)
        self.sampler.sample(3 * MS)
        self.assertEqual([(MS, 3 * MS // 2)], self.thread.ready)

    def test_a_kernel_without_scheduler_statistics_has_stat_read_at_every_sample(self):
        self.write("S", 0, 0, 0)
        self.sampler.sample(1 * MS)
        self.write("R", 0, 0, 0)  # `0 0 0` never moves
        self.sampler.sample(2 * MS)
        self.assertEqual([False, True], self.thread.running)

    def test_a_state_skipped_between_two_samples_is_not_taken_for_the_last_state_read(self):
        self.sampler.sample(1 * MS)  # read asleep
        self.write("D", 2000, 0, 2)
        self.sampler.sample(2 * MS)  # in the disk: no sample kept
        self.write("R", 3000, MS // 5, 3)
        self.sampler.sample(3 * MS)
        # placed halfway between the samples kept around its end, not right after the first
        # (whose sleep the skipped sample ended)
        self.assertEqual([(2 * MS - MS // 5, 2 * MS)], self.thread.ready)


if __name__ == "__main__":
    unittest.main()
