"""Download and parse heavily on a pool of five threads, with the standard library alone:
threads_mixed.py with urllib.request in place of requests.

The downloads overlap; the parsing, under CPython's GIL, runs one thread at a time.
"""
import re
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

PAGES = ["https://example.org/", "https://example.com/"] * 80
CPU_MS = 20
local = threading.local()


def opener():
    if not hasattr(local, "opener"):
        local.opener = urllib.request.build_opener()  # one per thread
    return local.opener


def parse(html):
    links = len(re.findall(r"<a\s[^>]*href=", html, re.IGNORECASE))
    words = len(re.findall(r"\w+", html))
    return links, words


def heavy_parse(html):
    start = time.thread_time()
    rounds = 0
    while (time.thread_time() - start) * 1000 < CPU_MS:
        parse(html)
        rounds += 1
    return rounds


def download_and_parse(url):
    with opener().open(url) as response:
        return heavy_parse(response.read().decode("utf-8", "replace"))


def main():
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=5) as pool:
        list(pool.map(download_and_parse, PAGES))
    print(f"{len(PAGES)} pages in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
