"""A built report opens offline in headless Chromium: nothing external is requested, figures render.

Chromium is driven over the DevTools protocol on a pipe (--remote-debugging-pipe: fds 3 and 4,
NUL-separated JSON), so no extra Python package is needed. The network is blocked (a dead proxy and
a resolver that finds no host); every request the page makes is recorded, blocked or not.
Chromium comes from the Debian package `chromium` (.ci/ensure-chromium.sh installs it).
"""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from cchc_research.cli import main

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--remote-debugging-pipe")
IMAGES_JS = ("JSON.stringify(Array.from(document.images).map(i => "
             "({src: i.src.slice(0, 40), complete: i.complete, width: i.naturalWidth, height: i.naturalHeight})))")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def chromium() -> str:
    if not Path(CHROMIUM).exists():
        reason = "chromium is not installed (run .ci/ensure-chromium.sh or apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return CHROMIUM


class DevTools:
    """A headless Chromium with a DevTools session over a pipe."""

    def __init__(self, binary: str, profile: Path, timeout: float = 60.0) -> None:
        to_chrome, self._in = os.pipe()
        self._out, from_chrome = os.pipe()

        def wire() -> None:  # runs in the child: the protocol expects fds 3 (commands) and 4 (replies)
            commands, replies = os.dup(to_chrome), os.dup(from_chrome)
            os.dup2(commands, 3)
            os.dup2(replies, 4)

        self.proc = subprocess.Popen([binary, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
                                     preexec_fn=wire, close_fds=False, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome)
        os.close(from_chrome)
        self.deadline = time.monotonic() + timeout
        self.events: list[dict] = []
        self._buffer, self._id = b"", 0

    def _receive(self) -> dict:
        while b"\0" not in self._buffer:
            left = self.deadline - time.monotonic()
            if left <= 0 or not select.select([self._out], [], [], left)[0]:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self._out, 1 << 16)
            if not chunk:
                raise EOFError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        self._id += 1
        message = {"id": self._id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._in, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._receive()
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]
            self.events.append(reply)

    def open(self, url: str) -> tuple[list[str], list[dict]]:
        """Load `url`; return every URL the page requested and its images' decoded sizes."""
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.call("Network.enable", {}, session)
        self.call("Page.enable", {}, session)
        self.events.clear()
        self.call("Page.navigate", {"url": url}, session)
        while not any(e.get("method") == "Page.loadEventFired" for e in self.events):
            self.events.append(self._receive())
        images = json.loads(self.call("Runtime.evaluate", {"expression": IMAGES_JS, "returnByValue": True},
                                      session)["result"]["value"])
        requests = [e["params"]["request"]["url"] for e in self.events
                    if e.get("method") == "Network.requestWillBeSent"]
        return requests, images

    def close(self) -> None:
        try:
            self.call("Browser.close")
            self.proc.wait(timeout=15)
        except (OSError, EOFError, TimeoutError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()
        finally:
            os.close(self._in)
            os.close(self._out)


def open_offline(binary: str, page: Path, profile: Path) -> tuple[list[str], list[dict]]:
    browser = DevTools(binary, profile)
    try:
        return browser.open(page.as_uri())
    finally:
        browser.close()


def external(requests: list[str]) -> list[str]:
    return [url for url in requests if not url.startswith(("file://", "data:"))]


def test_browser_sees_external_requests(chromium, tmp_path):
    """The check itself can fail: a page that loads a CDN script is caught even with the network blocked."""
    page = tmp_path / "cdn.html"
    page.write_text('<!DOCTYPE html><html lang="en"><head><script src="https://cdn.example.org/x.js"></script>'
                    '</head><body><img src="https://example.org/a.png"></body></html>', encoding="utf-8")
    requests, images = open_offline(chromium, page, tmp_path / "profile")
    assert "https://cdn.example.org/x.js" in external(requests)
    assert images == [{"src": "https://example.org/a.png", "complete": True, "width": 0, "height": 0}]


def test_report_opens_offline_with_figures(chromium, cleaned_project, tmp_path):
    target = tmp_path / "repo"
    shutil.copytree(cleaned_project.root, target)
    assert main(["build", "--root", str(target), "--only", "ha-noi", "--skip-validation-check"]) == 0
    page = target / "reports" / "province" / "ha-noi.html"

    requests, images = open_offline(chromium, page, tmp_path / "profile")

    assert requests[0] == page.as_uri()
    assert external(requests) == []
    assert images, "the report shows no figure"
    for image in images:
        assert image["src"].startswith("data:image/")
        assert image["complete"] and image["width"] > 0 and image["height"] > 0, image
