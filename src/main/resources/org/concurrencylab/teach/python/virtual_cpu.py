"""Sum the squares with one thread per number: the closest Python gets to virtual threads.

Python has no virtual threads; one OS thread per task is the nearest analogue. Under the GIL
these threads compute one at a time, as the Java's do with the GIL switch on.
"""
import threading
import time

NUMBERS = [5_000_000 + x for x in range(20)]


def sum_of_squares(n):
    return sum(i * i for i in range(n))


def main():
    start = time.perf_counter()
    threads = [threading.Thread(target=sum_of_squares, args=(n,)) for n in NUMBERS]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"{len(NUMBERS)} sums in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
