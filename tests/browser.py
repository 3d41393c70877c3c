"""Headless Chromium for the browser tests and the HTML bench, with the network blocked.

Debian's ``/usr/bin/chromium`` is driven through the playwright Python package (never
``playwright install``: no browser download). Every request other than the ``file://`` page
itself is aborted and recorded in ``Browser.blocked`` so a test can assert the page is
self-contained; console errors and page errors are recorded in ``Browser.errors``.

>>> chromium_path() is None or chromium_path().endswith("chromium")
True
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MISSING = (
    "Chromium is not installed at /usr/bin/chromium (or the playwright package is missing); "
    "install it with `make browser` (apt-get install -y chromium fonts-wqy-zenhei, as root)"
)


def chromium_path() -> str | None:
    """The Chromium executable, or None. ``KG_CHROMIUM`` overrides the default path."""
    path = os.environ.get("KG_CHROMIUM") or CHROMIUM
    if os.path.isfile(path) and os.access(path, os.X_OK):
        return path
    found = shutil.which("chromium")
    return found


def available() -> bool:
    """True when both Chromium and the playwright package are there."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return chromium_path() is not None


@dataclass
class Browser:
    """One page in headless Chromium. ``blocked``: requests the route aborted;
    ``requests``: every request the page made; ``errors``: console and page errors."""

    page: Any
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    page_url: str | None = None

    def open(self, path: str | Path, *, timeout_ms: float = 30_000) -> None:
        """Load a local file; it is the only URL the route lets through."""
        self.page_url = Path(path).resolve().as_uri()
        self.page.goto(self.page_url, wait_until="load", timeout=timeout_ms)

    def outside_requests(self) -> list[str]:
        """Every attempted request other than the page itself (blocked or not)."""
        seen = [u for u in self.requests if u != self.page_url and not u.startswith("data:")]
        return sorted(set(seen) | set(self.blocked))

    def wait_stable(self, *, timeout_ms: float = 30_000) -> None:
        self.page.wait_for_function("() => window.kgStable === true", timeout=timeout_ms)


@contextmanager
def launch(*, width: int = 1400, height: int = 900) -> Iterator[Browser]:
    """A :class:`Browser` on a fresh page; raises RuntimeError(MISSING) without Chromium."""
    if not available():
        raise RuntimeError(MISSING)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True
        )
        try:
            context = browser.new_context(
                viewport={"width": width, "height": height}, service_workers="block"
            )
            page = context.new_page()
            b = Browser(page)

            def route(r: Any) -> None:
                url = r.request.url
                if b.page_url is not None and url == b.page_url:
                    r.continue_()
                else:
                    b.blocked.append(url)
                    r.abort()

            def on_console(m: Any) -> None:
                b.console.append(f"{m.type}: {m.text}")
                if m.type == "error":
                    b.errors.append(f"console.error: {m.text}")

            page.route("**/*", route)
            page.on("console", on_console)
            page.on("pageerror", lambda e: b.errors.append(f"pageerror: {e}"))
            page.on("request", lambda r: b.requests.append(r.url))
            yield b
        finally:
            browser.close()
