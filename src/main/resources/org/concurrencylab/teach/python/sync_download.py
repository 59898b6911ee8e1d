"""Download pages one after another: the synchronous model."""
import re
import time

import requests

# Any two pages will do; the lab downloads from its own demo server.
PAGES = ["https://example.org/", "https://example.com/"] * 80


def parse(html):
    """Count the links and words of a page: a little CPU work after each download."""
    links = len(re.findall(r"<a\s[^>]*href=", html, re.IGNORECASE))
    words = len(re.findall(r"\w+", html))
    return links, words


def download(session, url):
    with session.get(url) as response:  # blocks until the whole page has arrived
        return parse(response.text)


def main():
    start = time.perf_counter()
    with requests.Session() as session:
        for url in PAGES:
            download(session, url)
    print(f"{len(PAGES)} pages in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
