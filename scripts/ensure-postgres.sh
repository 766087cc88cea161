#!/usr/bin/env bash
# Makes sure Debian's PostgreSQL server binaries are there for the tests and
# the bench (which start a throwaway cluster of their own), and prints the
# folder that holds them (initdb, pg_ctl, postgres).
set -euo pipefail
find_bin() {
  if [ -n "${PG_BIN:-}" ] && [ -x "$PG_BIN/initdb" ]; then echo "$PG_BIN"; return 0; fi
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
  return 1
}
if find_bin; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installation de PostgreSQL (Debian)…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >/dev/null
  find_bin && exit 0
fi
echo "PostgreSQL est introuvable (initdb dans /usr/lib/postgresql/*/bin). Installez-le puis relancez :" >&2
echo "  sudo apt-get update && sudo apt-get install -y postgresql" >&2
echo "(ou indiquez le dossier de ses binaires avec PG_BIN=/chemin/vers/bin)" >&2
exit 1
