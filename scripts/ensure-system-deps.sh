#!/usr/bin/env bash
# Install the system packages the test suite needs, if they are missing:
# Debian's Chromium + ChromeDriver (browser tests of the HTML views and the
# query page) and a CJK font (Chinese text in screenshots and figures).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
fc-list 2>/dev/null | grep -qi "noto sans cjk" || need+=(fonts-noto-cjk)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
  echo "parkkg: the tests need: ${need[*]} (Debian/Ubuntu: apt-get install ${need[*]}); install them and rerun" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
