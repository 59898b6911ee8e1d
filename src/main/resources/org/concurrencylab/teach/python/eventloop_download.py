"""Download pages on an event loop: one thread, every request in flight at once."""
import asyncio
import re
import time

import aiohttp

PAGES = ["https://example.org/", "https://example.com/"] * 80
CONNECTIONS = 100  # at most 100 requests in flight, as in the lab


def parse(html):
    links = len(re.findall(r"<a\s[^>]*href=", html, re.IGNORECASE))
    words = len(re.findall(r"\w+", html))
    return links, words


async def download(session, url):
    async with session.get(url) as response:  # the task waits here; the loop runs other tasks
        return parse(await response.text())


async def download_all():
    connector = aiohttp.TCPConnector(limit=CONNECTIONS)
    async with aiohttp.ClientSession(connector=connector) as session:
        await asyncio.gather(*(download(session, url) for url in PAGES))


def main():
    start = time.perf_counter()
    asyncio.run(download_all())
    print(f"{len(PAGES)} pages in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
