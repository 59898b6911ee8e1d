"""Compute fib(35) twenty times on a pool of five threads.

Only the thread that holds the GIL runs Python code, so this takes as long as the plain loop, or a
little longer: the threads take turns, every switch interval (5 ms).
"""
import time
from concurrent.futures import ThreadPoolExecutor

NUMBERS = [35] * 20


def fib(n):
    return n if n < 2 else fib(n - 2) + fib(n - 1)


def main():
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=5) as pool:
        list(pool.map(fib, NUMBERS))
    print(f"{len(NUMBERS)} fibs in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
