"""Add one to a 'shared' counter from a pool of processes.

Processes share no memory: each adds to its own copy of the counter, and the parent's stays 0.
To share a count between processes it has to be sent back (as here) or kept in shared memory
(multiprocessing.Value, with its lock).
"""
import multiprocessing
import os

TASKS, TIMES = 5_000, 100
counter = 0


def task(times):
    global counter
    for _ in range(times):
        counter += 1
    return os.getpid(), counter  # this process's own copy


def main():
    with multiprocessing.Pool() as pool:
        last = dict(pool.map(task, [TIMES] * TASKS))  # the last count each process reported
    print(f"parent's counter = {counter}; each process counted {sorted(last.values())}")


if __name__ == "__main__":
    main()
