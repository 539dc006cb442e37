#!/usr/bin/env bash
# Install the system packages parkkg needs, if they are missing.
#   scripts/ensure-system-deps.sh          what the tests need: Debian's Chromium + ChromeDriver
#                                          (browser tests), a CJK font (Chinese in figures and
#                                          screenshots), a Java runtime (the HermiT reasoner that
#                                          owlready2 runs on ontology/parkkg.owl)
#   scripts/ensure-system-deps.sh --demo   what `make demo` needs: the CJK font only; where it
#                                          cannot be installed (no root, no sudo) it warns and
#                                          goes on, since the graph itself does not need it
set -euo pipefail
mode=${1:-test}
need=()
if [ "$mode" != "--demo" ]; then
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
  command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
fi
fc-list 2>/dev/null | grep -qi "noto sans cjk" || need+=(fonts-noto-cjk)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
  if [ "$mode" = "--demo" ]; then
    echo "parkkg: warning: no CJK font; the PNG/SVG pictures will show boxes for Chinese labels (Debian/Ubuntu: apt-get install ${need[*]})" >&2
    exit 0
  fi
  echo "parkkg: the tests need: ${need[*]} (Debian/Ubuntu: apt-get install ${need[*]}); install them and rerun" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
