#!/usr/bin/env bash
# Makes sure Debian's Chromium is there for the browser tests and the bench.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installation de Chromium (Debian)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium est introuvable ($CHROMIUM). Installez-le puis relancez :" >&2
echo "  sudo apt-get update && sudo apt-get install -y chromium" >&2
echo "(ou indiquez un autre binaire avec CHROMIUM_PATH=/chemin/vers/chromium)" >&2
exit 1
