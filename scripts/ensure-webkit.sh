#!/usr/bin/env bash
# Makes sure Debian's WebKit WebDriver and a virtual display are there for the WebKit smoke test.
# Exit 0: ready. Exit 3: this platform cannot install them (the test then says SKIPPED and why).
set -euo pipefail
if command -v WebKitWebDriver >/dev/null && command -v xvfb-run >/dev/null; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installation de WebKitWebDriver et xvfb (Debian)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq webkit2gtk-driver xvfb >/dev/null
  exit 0
fi
if command -v apt-get >/dev/null && command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  echo "Installation de WebKitWebDriver et xvfb (Debian, sudo)…"
  sudo -n env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq webkit2gtk-driver xvfb >/dev/null
  exit 0
fi
echo "WebKitWebDriver ou xvfb-run est introuvable et ne peut pas être installé ici (ni root, ni apt-get)." >&2
echo "  Sur Debian : sudo apt-get install -y webkit2gtk-driver xvfb" >&2
exit 3
