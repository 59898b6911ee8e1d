"""Sum the squares on an event loop: no task ever waits, so the loop gains nothing."""
import asyncio
import time

NUMBERS = [5_000_000 + x for x in range(20)]


def sum_of_squares(n):
    return sum(i * i for i in range(n))


async def task(n):
    return sum_of_squares(n)  # no await inside: the loop runs no other task meanwhile


async def run_all():
    await asyncio.gather(*(task(n) for n in NUMBERS))


def main():
    start = time.perf_counter()
    asyncio.run(run_all())
    print(f"{len(NUMBERS)} sums in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
