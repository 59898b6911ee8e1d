"""Download pages on a pool of processes, one per CPU."""
import multiprocessing
import re
import time

import requests

PAGES = ["https://example.org/", "https://example.com/"] * 80
session = None


def start_process():
    """Runs once in each new process: one session per process, like one HTTP client per child JVM."""
    global session
    session = requests.Session()


def parse(html):
    links = len(re.findall(r"<a\s[^>]*href=", html, re.IGNORECASE))
    words = len(re.findall(r"\w+", html))
    return links, words


def download(url):
    with session.get(url) as response:
        return parse(response.text)


def main():
    start = time.perf_counter()
    with multiprocessing.Pool(initializer=start_process) as pool:  # one process per CPU
        pool.map(download, PAGES)  # each URL is sent to a process, each result sent back
    print(f"{len(PAGES)} pages in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
