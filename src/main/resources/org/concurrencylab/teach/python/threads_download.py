"""Download pages on a pool of five threads: while one thread waits, another runs."""
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import requests

PAGES = ["https://example.org/", "https://example.com/"] * 80
local = threading.local()


def session():
    """requests.Session is not safe to share between threads, so each thread gets its own.
    (The Java pool shares one OkHttp client, which is thread-safe.)"""
    if not hasattr(local, "session"):
        local.session = requests.Session()
    return local.session


def parse(html):
    links = len(re.findall(r"<a\s[^>]*href=", html, re.IGNORECASE))
    words = len(re.findall(r"\w+", html))
    return links, words


def download(url):
    with session().get(url) as response:  # this thread blocks; the GIL is let go meanwhile
        return parse(response.text)


def main():
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=5) as pool:
        list(pool.map(download, PAGES))
    print(f"{len(PAGES)} pages in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
