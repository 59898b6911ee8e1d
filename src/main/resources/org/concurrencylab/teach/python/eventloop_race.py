"""Add one to a shared counter from 5,000 tasks on an event loop.

A task leaves the loop only at an await, and there is none between the read and the write, so
no update is ever lost.
"""
import asyncio

TASKS, TIMES = 5_000, 100
counter = 0


async def task(times):
    global counter
    for _ in range(times):
        seen = counter  # read
        counter = seen + 1  # write: no other task can run in between


async def run_all():
    await asyncio.gather(*(task(TIMES) for _ in range(TASKS)))


def main():
    asyncio.run(run_all())
    print(f"counter = {counter:,} of {TASKS * TIMES:,}")


if __name__ == "__main__":
    main()
