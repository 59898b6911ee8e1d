"""Sum the squares below each of 20 big numbers, one after another."""
import time

NUMBERS = [5_000_000 + x for x in range(20)]


def sum_of_squares(n):
    return sum(i * i for i in range(n))  # Python's integers grow as big as needed


def main():
    start = time.perf_counter()
    for n in NUMBERS:
        sum_of_squares(n)
    print(f"{len(NUMBERS)} sums in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
