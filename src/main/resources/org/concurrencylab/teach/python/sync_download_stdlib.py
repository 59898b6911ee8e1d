"""Download pages one after another, with the standard library alone.

sync_download.py with urllib.request in place of requests: an opener does what a requests.Session
does here, minus keeping the connection open between requests.
"""
import re
import time
import urllib.request

# Any two pages will do; the lab downloads from its own demo server.
PAGES = ["https://example.org/", "https://example.com/"] * 80


def parse(html):
    """Count the links and words of a page: a little CPU work after each download."""
    links = len(re.findall(r"<a\s[^>]*href=", html, re.IGNORECASE))
    words = len(re.findall(r"\w+", html))
    return links, words


def download(opener, url):
    with opener.open(url) as response:  # blocks until the page has arrived
        return parse(response.read().decode("utf-8", "replace"))


def main():
    start = time.perf_counter()
    opener = urllib.request.build_opener()
    for url in PAGES:
        download(opener, url)
    print(f"{len(PAGES)} pages in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
