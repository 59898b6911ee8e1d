"""Compute fib(35) twenty times on a pool of processes: one interpreter, and one GIL, per CPU."""
import multiprocessing
import time

NUMBERS = [35] * 20


def fib(n):
    return n if n < 2 else fib(n - 2) + fib(n - 1)


def main():
    start = time.perf_counter()
    with multiprocessing.Pool() as pool:  # one process per CPU
        pool.map(fib, NUMBERS)
    print(f"{len(NUMBERS)} fibs in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
