"""Download pages on an event loop, with the standard library alone: asyncio's streams.

eventloop_download.py with aiohttp's session.get replaced by fetch() below, which speaks
HTTP/1.0 over a connection of its own, and a semaphore in place of the connector's limit.
"""
import asyncio
import re
import time
import urllib.parse

PAGES = ["https://example.org/", "https://example.com/"] * 80
CONNECTIONS = 100  # at most 100 requests in flight, as in the lab


def parse(html):
    links = len(re.findall(r"<a\s[^>]*href=", html, re.IGNORECASE))
    words = len(re.findall(r"\w+", html))
    return links, words


async def fetch(url):
    """GET url and return the body: what aiohttp's session.get and response.read do, by hand."""
    parts = urllib.parse.urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    reader, writer = await asyncio.open_connection(parts.hostname, port, ssl=parts.scheme == "https")
    try:
        target = (parts.path or "/") + ("?" + parts.query if parts.query else "")
        writer.write(f"GET {target} HTTP/1.0\r\nHost: {parts.netloc}\r\nConnection: close\r\n\r\n".encode())
        await reader.readuntil(b"\r\n\r\n")  # the status line and the headers
        return await reader.read()  # HTTP/1.0: the body runs to the end of the connection
    finally:
        writer.close()


async def download(connections, url):
    async with connections:  # wait for a free connection
        body = await fetch(url)  # the task waits here; the loop runs other tasks
    return parse(body.decode("utf-8", "replace"))


async def download_all():
    connections = asyncio.Semaphore(CONNECTIONS)
    await asyncio.gather(*(download(connections, url) for url in PAGES))


def main():
    start = time.perf_counter()
    asyncio.run(download_all())
    print(f"{len(PAGES)} pages in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
