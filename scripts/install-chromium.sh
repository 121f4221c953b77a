#!/usr/bin/env bash
# Installs Debian's Chromium and ChromeDriver for the browser tests of `ferry explain --html`.
# Prints two lines, "chromium=<path>" and "chromedriver=<path>", and exits 0 when both are usable.
#  1. already installed (/usr/bin/chromium + /usr/bin/chromedriver, or FERRY_CHROMIUM/FERRY_CHROMEDRIVER): use them;
#  2. root (or passwordless sudo): apt-get install chromium chromium-driver;
#  3. otherwise: apt-get download the packages and their missing dependencies and unpack them
#     with dpkg -x into .cache/chromium (no root needed).
# Exits non-zero when Chromium cannot be had: the browser tests then fail (they never skip).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cache="$root/.cache/chromium"

usable() { [ -x "$1" ] && [ -x "$2" ] && "$1" --version >/dev/null 2>&1 && "$2" --version >/dev/null 2>&1; }
report() { echo "chromium=$1"; echo "chromedriver=$2"; exit 0; }

if [ -n "${FERRY_CHROMIUM:-}" ] && [ -n "${FERRY_CHROMEDRIVER:-}" ] && usable "$FERRY_CHROMIUM" "$FERRY_CHROMEDRIVER"; then
  report "$FERRY_CHROMIUM" "$FERRY_CHROMEDRIVER"
fi
if usable /usr/bin/chromium /usr/bin/chromedriver; then report /usr/bin/chromium /usr/bin/chromedriver; fi
if usable "$cache/chromium-wrapper" "$cache/usr/bin/chromedriver"; then report "$cache/chromium-wrapper" "$cache/usr/bin/chromedriver"; fi

export DEBIAN_FRONTEND=noninteractive
sudo=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo -n"; fi
if [ "$(id -u)" = 0 ] || [ -n "$sudo" ]; then
  echo "install-chromium: apt-get install chromium chromium-driver" >&2
  $sudo apt-get update -qq >&2 || true
  $sudo apt-get install -y -qq --no-install-recommends chromium chromium-driver >&2
  if usable /usr/bin/chromium /usr/bin/chromedriver; then report /usr/bin/chromium /usr/bin/chromedriver; fi
  echo "install-chromium: apt-get install did not give a usable chromium" >&2
  exit 1
fi

# No root: unpack the .debs (and dependencies the system lacks) into .cache/chromium.
echo "install-chromium: no root; unpacking Debian packages into $cache" >&2
mkdir -p "$cache/debs"
cd "$cache/debs"
deps=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces --no-enhances \
  chromium chromium-driver 2>/dev/null | grep '^[a-z0-9]' | sort -u)
for p in $deps; do
  if ! dpkg -s "$p" >/dev/null 2>&1; then apt-get download "$p" >/dev/null 2>&1 || true; fi
done
apt-get download chromium chromium-common chromium-driver >&2
for d in *.deb; do dpkg -x "$d" "$cache"; done
libs="$cache/usr/lib/x86_64-linux-gnu:$cache/usr/lib/chromium:$cache/lib/x86_64-linux-gnu"
cat > "$cache/chromium-wrapper" <<WRAP
#!/bin/sh
LD_LIBRARY_PATH="$libs\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}" exec "$cache/usr/lib/chromium/chromium" "\$@"
WRAP
chmod +x "$cache/chromium-wrapper"
if usable "$cache/chromium-wrapper" "$cache/usr/bin/chromedriver"; then report "$cache/chromium-wrapper" "$cache/usr/bin/chromedriver"; fi
echo "install-chromium: could not install a usable chromium" >&2
exit 1
