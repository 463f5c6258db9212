#!/usr/bin/env bash
# Make sure headless Chromium is available for the browser test (tests/test_build_browser.py).
# Installs the Debian package `chromium` with apt-get when it is missing and we run as root;
# otherwise says what to do. Never fails the caller: the test itself decides (it fails under CI=1).
set -uo pipefail
if command -v chromium >/dev/null 2>&1; then
    echo "ensure-chromium: found $(command -v chromium)"
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "ensure-chromium: chromium is missing; install it with: sudo apt-get install -y chromium"
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-chromium: chromium is missing and apt-get is not available; install Chromium by hand"
    exit 0
fi
echo "ensure-chromium: installing the Debian package chromium (apt-get)…"
if apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; then
    echo "ensure-chromium: installed $(command -v chromium)"
else
    echo "ensure-chromium: apt-get install chromium failed; the browser test will fail under CI"
fi
