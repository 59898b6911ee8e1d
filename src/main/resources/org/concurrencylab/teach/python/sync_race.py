"""Add one to a shared counter, 5,000 tasks x 100 times, one task after another."""
TASKS, TIMES = 5_000, 100
counter = 0


def task(times):
    global counter
    for _ in range(times):
        seen = counter  # read
        counter = seen + 1  # write: nothing can run in between


def main():
    for _ in range(TASKS):
        task(TIMES)
    print(f"counter = {counter:,} of {TASKS * TIMES:,}")


if __name__ == "__main__":
    main()
