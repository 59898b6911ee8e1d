"""Compute fib(35) twenty times on an event loop: no task ever waits, so the loop gains nothing."""
import asyncio
import time

NUMBERS = [35] * 20


def fib(n):
    return n if n < 2 else fib(n - 2) + fib(n - 1)


async def task(n):
    return fib(n)  # no await inside: the loop runs no other task meanwhile


async def run_all():
    await asyncio.gather(*(task(n) for n in NUMBERS))


def main():
    start = time.perf_counter()
    asyncio.run(run_all())
    print(f"{len(NUMBERS)} fibs in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
