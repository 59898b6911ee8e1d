"""Download pages with one thread per page: the closest Python gets to virtual threads.

Python has no virtual threads. The code reads like the Java (plain blocking calls, one thread
per task), but every Python thread is an operating-system thread, so a thousand pages mean a
thousand OS threads. gevent's greenlets are the cheap, third-party alternative.
"""
import re
import threading
import time

import requests

PAGES = ["https://example.org/", "https://example.com/"] * 80
connections = threading.BoundedSemaphore(100)  # the lab's limit on requests in flight


def parse(html):
    links = len(re.findall(r"<a\s[^>]*href=", html, re.IGNORECASE))
    words = len(re.findall(r"\w+", html))
    return links, words


def download(url):
    with connections:  # wait for a free connection
        with requests.get(url) as response:
            return parse(response.text)


def main():
    start = time.perf_counter()
    threads = [threading.Thread(target=download, args=(url,)) for url in PAGES]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"{len(PAGES)} pages in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
