"""Download and parse heavily with one thread per page: the closest Python gets to virtual threads.

Python has no virtual threads; here each page has an OS thread of its own. The downloads
overlap, but under the GIL the parsing runs one thread at a time, where Java's virtual threads
parse on every carrier at once.
"""
import re
import threading
import time

import requests

PAGES = ["https://example.org/", "https://example.com/"] * 80
CPU_MS = 20
connections = threading.BoundedSemaphore(100)


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
    with connections:
        with requests.get(url) as response:
            html = response.text
    return heavy_parse(html)


def main():
    start = time.perf_counter()
    threads = [threading.Thread(target=download_and_parse, args=(url,)) for url in PAGES]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"{len(PAGES)} pages in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
