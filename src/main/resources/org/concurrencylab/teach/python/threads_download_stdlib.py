"""Download pages on a pool of five threads, with the standard library alone.

threads_download.py with urllib.request in place of requests: each thread gets its own opener,
as each got its own requests.Session.
"""
import re
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

PAGES = ["https://example.org/", "https://example.com/"] * 80
local = threading.local()


def opener():
    """One opener per thread, like one requests.Session per thread."""
    if not hasattr(local, "opener"):
        local.opener = urllib.request.build_opener()
    return local.opener


def parse(html):
    links = len(re.findall(r"<a\s[^>]*href=", html, re.IGNORECASE))
    words = len(re.findall(r"\w+", html))
    return links, words


def download(url):
    with opener().open(url) as response:  # this thread blocks; the GIL is let go meanwhile
        return parse(response.read().decode("utf-8", "replace"))


def main():
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=5) as pool:
        list(pool.map(download, PAGES))
    print(f"{len(PAGES)} pages in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
