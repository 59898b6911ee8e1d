"""Compute fib(35) twenty times with one thread per number: the closest Python gets to virtual threads.

Python has no virtual threads; one OS thread per task is the nearest analogue. Under the GIL
these threads compute one at a time, as the Java's do with the GIL switch on.
"""
import threading
import time

NUMBERS = [35] * 20


def fib(n):
    return n if n < 2 else fib(n - 2) + fib(n - 1)


def main():
    start = time.perf_counter()
    threads = [threading.Thread(target=fib, args=(n,)) for n in NUMBERS]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"{len(NUMBERS)} fibs in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
