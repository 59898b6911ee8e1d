"""Download and parse heavily on an event loop: the parse never awaits, so it holds the loop.

While one task parses, every other task waits, even those whose page has arrived. The usual
fix is to hand the parse to a pool: await loop.run_in_executor(pool, heavy_parse, html).
"""
import asyncio
import re
import time

import aiohttp

PAGES = ["https://example.org/", "https://example.com/"] * 80
CPU_MS = 20
CONNECTIONS = 100  # at most 100 requests in flight, as in the lab


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


async def download_and_parse(session, url):
    async with session.get(url) as response:  # waits cooperatively
        html = await response.text()
    return heavy_parse(html)  # does not cooperate: no await for CPU_MS


async def run_all():
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=CONNECTIONS)) as session:
        await asyncio.gather(*(download_and_parse(session, url) for url in PAGES))


def main():
    start = time.perf_counter()
    asyncio.run(run_all())
    print(f"{len(PAGES)} pages in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
