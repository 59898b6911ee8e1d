"""Sum the squares on a pool of processes: each has its own interpreter, and its own GIL."""
import multiprocessing
import time

NUMBERS = [5_000_000 + x for x in range(20)]


def sum_of_squares(n):
    return sum(i * i for i in range(n))


def main():
    start = time.perf_counter()
    with multiprocessing.Pool() as pool:  # one process per CPU
        pool.map(sum_of_squares, NUMBERS)
    print(f"{len(NUMBERS)} sums in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
