"""Download each page, then parse it heavily (20 ms of CPU), one page after another."""
import re
import time

import requests

PAGES = ["https://example.org/", "https://example.com/"] * 80
CPU_MS = 20


def parse(html):
    links = len(re.findall(r"<a\s[^>]*href=", html, re.IGNORECASE))
    words = len(re.findall(r"\w+", html))
    return links, words


def heavy_parse(html):
    """Parse the page again and again until this thread has used CPU_MS of processor time."""
    start = time.thread_time()
    rounds = 0
    while (time.thread_time() - start) * 1000 < CPU_MS:
        parse(html)
        rounds += 1
    return rounds


def download_and_parse(session, url):
    with session.get(url) as response:  # wait
        return heavy_parse(response.text)  # compute


def main():
    start = time.perf_counter()
    with requests.Session() as session:
        for url in PAGES:
            download_and_parse(session, url)
    print(f"{len(PAGES)} pages in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
