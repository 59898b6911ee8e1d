"""The relay: the process the app starts, between it and the runner."""

import collections
import json
import os
import queue
import subprocess
import sys
import threading

from .common import CONFIG_ENV, ENCODE, MAX_LINE, MAX_PRINTS, RS, clip, load_config, now
from .sampler import Sampler


class Relay:
    """The relay's state: its output to the app, the runner, and the sampler.

    Thread-safety: the reader threads only put what they read on one queue; the main thread does
    everything else."""

    KNOWN = {"ready", "main", "began", "ended", "outcome", "done", "failed"}
    # the events go out in batches, every 10 ms (a pong at once): one write per sample cost the
    # relay a quarter of its time
    FLUSH = 10_000_000

    def __init__(self, config_path, harness_path):
        self.config = load_config(config_path)
        self.config_path = config_path
        self.harness_path = harness_path
        # the main loop waits on it up to a thousand times a second: a SimpleQueue's timed get
        # (in C) takes about 39 µs of CPU there, a Queue's (a Condition in Python) about 50 µs
        self.inbox = queue.SimpleQueue()
        self.out = []
        self.sampler = Sampler(int(self.config.get("sample_ms", 1.0) * 1_000_000), self.out.append,
                               eager=self.config.get("model") != "processes")
        self.runner = None
        self.pending_text = b""
        self.prints = 0
        self.stderr_tail = collections.deque(maxlen=20)
        self.garbled = None
        self.lanes_seen = set()
        self.urgent = False
        self.flushed = 0

    def flush(self):
        self.urgent = False
        self.flushed = now()
        if not self.out:
            return
        data = "".join([ENCODE(event) + "\n" for event in self.out]).encode("utf-8")
        self.out.clear()
        view = memoryview(data)
        while view:
            view = view[os.write(1, view):]

    def timeout(self):
        """Seconds the main loop may wait for input: until the next sample is due or, while events
        wait to go out, until their batch is due, whichever comes first; None: until input comes.
        (A loop timed by the sampler alone held a download's events, with nothing to sample, until
        the runner's next output: its I/O waits reached the app with their ends.)"""
        wait = self.sampler.wait()
        if self.out:
            due = max(0, self.flushed + self.FLUSH - now()) / 1e9
            wait = due if wait is None else min(wait, due)
        return wait

    def start_runner(self):
        env = dict(os.environ)
        env[CONFIG_ENV] = self.config_path
        env.setdefault("PYTHONIOENCODING", "utf-8")
        kwargs = {}
        if os.name == "posix":
            # its own process group, to be killed with its pool; not its own session, which on Linux
            # is its own scheduling group (autogroup): the lab's background work at nice 19 would
            # then take half the cores from the program as from an equal, where the Java workers
            # are weighed against it by their nice values
            if sys.version_info >= (3, 11):
                kwargs["process_group"] = 0
            else:
                kwargs["preexec_fn"] = os.setpgrp  # no thread runs yet: the relay starts its readers after

        self.runner = subprocess.Popen([sys.executable, "-u", self.harness_path, "run", self.config_path],
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                       env=env, **kwargs)
        for source, fd in (("app", 0), ("runner", self.runner.stdout.fileno()), ("stderr", self.runner.stderr.fileno())):
            threading.Thread(target=self.read, args=(source, fd), name="relay-" + source, daemon=True).start()

    def read(self, source, fd):
        """Puts what `fd` gives on the inbox, raw (a buffered reader would hold a lock that a
        daemon thread must not hold at the interpreter's exit)."""
        try:
            for chunk in iter(lambda: os.read(fd, 65536), b""):
                self.inbox.put((source, chunk))
        except OSError:
            pass
        self.inbox.put((source, None))

    def kill_runner(self):
        """Kills the runner and, on POSIX, its whole process group: the pool's processes too, even
        once the runner itself is gone (the group lives on while any of them does)."""
        if self.runner is None:
            return
        try:
            if os.name == "posix":
                os.killpg(self.runner.pid, 9)
            elif self.runner.poll() is None:
                self.runner.kill()
        except OSError:
            pass  # nothing left to kill

    def main(self):
        self.start_runner()
        self.out.append({"type": "hello", "pid": os.getpid(), "time": now(),
                         "python": "%s %s" % (sys.implementation.name, sys.version.split()[0])})
        self.flush()
        if self.config.get("workload") in ("cpu", "fib", "mixed"):
            self.sampler.watch(self.runner.pid)
        runner_open = stderr_open = True
        buffers = {"app": b"", "runner": b"", "stderr": b""}
        while runner_open or stderr_open:
            try:
                source, data = self.inbox.get(timeout=self.timeout())
            except queue.Empty:
                source, data = None, None
            if source is not None:
                if data is None:
                    if source == "app":
                        self.kill_runner()  # the app is gone
                        return 0
                    if source == "runner":
                        runner_open = False
                    else:
                        stderr_open = False
                    if buffers[source]:
                        self.take(source, buffers[source])
                        buffers[source] = b""
                else:
                    lines = (buffers[source] + data).split(b"\n")
                    buffers[source] = lines.pop()
                    for line in lines:
                        self.take(source, line)
                    if len(buffers[source]) > MAX_LINE:
                        buffers[source] = b""
                        if source == "runner":
                            self.garble("a line of more than %d KiB" % (MAX_LINE >> 10))
            self.sampler.tick()
            if self.urgent or now() - self.flushed >= self.FLUSH:
                self.flush()
        code = self.runner.wait()
        if self.pending_text:
            self.print_text(b"")
        self.out.append({"type": "exit", "code": code, "stderr": " | ".join(self.stderr_tail)})
        self.flush()
        return 0

    def take(self, source, line):
        if source == "app":
            self.command(line)
        elif source == "runner":
            self.line(line)
        elif line.strip():
            self.stderr_tail.append(clip(line.decode("utf-8", "replace").rstrip(), 300))

    def command(self, line):
        try:
            command = json.loads(line)
            kind = command["type"]
        except (ValueError, KeyError, TypeError):
            self.out.append({"type": "failed", "where": "relay", "error": "the app sent an unreadable command", "trace": ""})
            self.kill_runner()
            return
        if kind == "ping":
            self.out.append({"type": "pong", "id": command["id"], "time": now()})
            self.urgent = True  # the clock handshake times the round trip
        elif kind == "go":
            try:
                self.runner.stdin.write(b"go\n")
                self.runner.stdin.flush()
            except OSError:
                pass
        elif kind == "stop":
            self.kill_runner()

    def line(self, line):
        if self.garbled:
            return
        at = line.find(RS)
        if at < 0:
            self.print_text(line)
            return
        if at > 0:
            self.pending_text += line[:at]
        record = line[at + 1:]
        try:
            event = json.loads(record)
            kind = event["type"]
        except (ValueError, KeyError, TypeError):
            self.garble(clip(record.decode("utf-8", "replace"), 120))
            return
        if kind not in self.KNOWN:
            self.garble("an event of unknown type %r" % clip(kind, 40))
            return
        lane = event.get("lane")
        if kind == "began" and event.pop("announce", False):
            if lane in self.lanes_seen:
                return  # the process said it was up before its parent could say it was starting
        if lane is not None:
            self.lanes_seen.add(lane)
        if kind == "began" and "measure" in event:
            self.sampler.began(event)
        elif kind == "ended":
            self.sampler.ended(event)
        else:
            self.out.append(event)
            if kind != "began":
                self.urgent = True  # ready, main, done: the app waits for them

    def print_text(self, line):
        text = (self.pending_text + line).decode("utf-8", "replace").rstrip("\r")
        self.pending_text = b""
        self.prints += 1
        if self.prints <= MAX_PRINTS:
            self.out.append({"type": "print", "text": clip(text, 2000)})

    def garble(self, what):
        self.garbled = what
        self.out.append({"type": "failed", "where": "events", "trace": "",
                         "error": "the program wrote an unreadable event: " + what})
        self.kill_runner()


def relay(config_path, harness_path):
    """The relay's role; `harness_path` is the entry script, which the runner runs too."""
    return Relay(config_path, harness_path).main()


# --------------------------------------------------------------------------------------------
