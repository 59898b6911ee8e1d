"""Compute fib(35) twenty times, one after another: the CPU-bound example of the article's 2024
edition. Millions of plain Python function calls, and nothing to wait for."""
import time

NUMBERS = [35] * 20


def fib(n):
    return n if n < 2 else fib(n - 2) + fib(n - 1)


def main():
    start = time.perf_counter()
    for n in NUMBERS:
        fib(n)
    print(f"{len(NUMBERS)} fibs in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
