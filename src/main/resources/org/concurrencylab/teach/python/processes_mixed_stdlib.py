"""Download and parse heavily on a pool of processes, with the standard library alone:
processes_mixed.py with urllib.request in place of requests. The parsing runs on every CPU."""
import multiprocessing
import re
import time
import urllib.request

PAGES = ["https://example.org/", "https://example.com/"] * 80
CPU_MS = 20
opener = None


def start_process():
    global opener
    opener = urllib.request.build_opener()  # one per process


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
    with opener.open(url) as response:
        return heavy_parse(response.read().decode("utf-8", "replace"))


def main():
    start = time.perf_counter()
    with multiprocessing.Pool(initializer=start_process) as pool:
        pool.map(download_and_parse, PAGES)
    print(f"{len(PAGES)} pages in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
