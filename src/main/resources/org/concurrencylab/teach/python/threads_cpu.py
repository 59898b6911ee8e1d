"""Sum the squares on a pool of five threads.

In CPython only the thread that holds the GIL runs Python code, so this is no faster than the
plain loop, usually a little slower. Java threads compute in parallel.
"""
import time
from concurrent.futures import ThreadPoolExecutor

NUMBERS = [5_000_000 + x for x in range(20)]


def sum_of_squares(n):
    return sum(i * i for i in range(n))


def main():
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=5) as pool:
        list(pool.map(sum_of_squares, NUMBERS))
    print(f"{len(NUMBERS)} sums in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
