"""Download pages on a pool of processes, one per CPU, with the standard library alone:
processes_download.py with urllib.request in place of requests."""
import multiprocessing
import re
import time
import urllib.request

PAGES = ["https://example.org/", "https://example.com/"] * 80
opener = None


def start_process():
    """Runs once in each new process: one opener per process, like one HTTP client per child JVM."""
    global opener
    opener = urllib.request.build_opener()


def parse(html):
    links = len(re.findall(r"<a\s[^>]*href=", html, re.IGNORECASE))
    words = len(re.findall(r"\w+", html))
    return links, words


def download(url):
    with opener.open(url) as response:
        return parse(response.read().decode("utf-8", "replace"))


def main():
    start = time.perf_counter()
    with multiprocessing.Pool(initializer=start_process) as pool:  # one process per CPU
        pool.map(download, PAGES)  # each URL is sent to a process, each result sent back
    print(f"{len(PAGES)} pages in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
