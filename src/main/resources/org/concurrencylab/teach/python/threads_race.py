"""Add one to a shared counter from a pool of five threads: unsafely, then under a lock.

A thread can be switched out between its read and its write; another thread then writes, and
one of the two additions is lost. CPython switches threads only at certain points of the code,
so a given run may lose few updates, or none; it can never be ruled out. Python has no atomic
integer: a Lock is the usual fix.
"""
import threading
from concurrent.futures import ThreadPoolExecutor

TASKS, TIMES = 5_000, 100
counter = 0
lock = threading.Lock()


def unsafe_task(times):
    global counter
    for _ in range(times):
        seen = counter  # read
        counter = seen + 1  # write: another thread may have written in between


def locked_task(times):
    global counter
    for _ in range(times):
        with lock:  # one thread at a time: the read and the write stay together
            counter += 1


def run(task):
    global counter
    counter = 0
    with ThreadPoolExecutor(max_workers=5) as pool:
        list(pool.map(task, [TIMES] * TASKS))
    print(f"{task.__name__}: counter = {counter:,} of {TASKS * TIMES:,}")


def main():
    run(unsafe_task)
    run(locked_task)


if __name__ == "__main__":
    main()
