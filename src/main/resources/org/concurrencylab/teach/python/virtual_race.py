"""Add one to a shared counter from one thread per task: the closest Python gets to virtual threads.

Python has no virtual threads; here every task is an OS thread. Threads share memory, so the
unsafe update can lose additions, virtual or not.
"""
import threading

TASKS, TIMES = 5_000, 100
counter = 0


def task(times):
    global counter
    for _ in range(times):
        seen = counter  # read
        counter = seen + 1  # write: another thread may have written in between


def main():
    threads = [threading.Thread(target=task, args=(TIMES,)) for _ in range(TASKS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"counter = {counter:,} of {TASKS * TIMES:,}")


if __name__ == "__main__":
    main()
