# Shared by scripts/run and scripts/test: system packages, a Python >= 3.11, the project venv.
# shellcheck shell=bash

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV="$ROOT/.venv"

# What Qt needs on a Debian desktop (xcb platform plugin, OpenGL, fonts incl. CJK).
RUNTIME_DEBS=(
  libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1
  fonts-wqy-microhei
)
# Real peers the tests talk to.
# nginx-light serves the HTTP tests (started by the tests, daemon off); dnsutils is dig.
TEST_DEBS=(socat ncat curl openssl nginx-light dnsutils tshark)

say() { printf '==> %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_debs() {
  command -v dpkg-query >/dev/null || { say "not a Debian system: install the equivalents of: $*"; return 0; }
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing system packages: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

find_python() {
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  say "netbench needs Python 3.11 or newer"; return 1
}

# ensure_venv EXTRAS: a venv in .venv with the project installed (editable) at the pinned versions.
ensure_venv() {
  local extras=$1 python stamp want
  python=$(find_python)
  if ! "$python" -c 'import venv, ensurepip' 2>/dev/null; then
    ensure_debs python3-venv
  fi
  [ -x "$VENV/bin/python" ] || { say "creating $VENV"; "$python" -m venv "$VENV"; }
  # One stamp per extra: scripts/test (dev) and scripts/build-bundle (package) share the
  # venv without making each other reinstall.
  stamp="$VENV/.netbench-installed-$extras"
  want=$(cat "$ROOT/pyproject.toml" "$ROOT/constraints.txt" | sha256sum | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    say "installing netbench and its dependencies into $VENV"
    "$VENV/bin/python" -m pip install -q --upgrade pip >/dev/null
    "$VENV/bin/python" -m pip install -q -c "$ROOT/constraints.txt" -e "$ROOT[$extras]"
    echo "$want" >"$stamp"
  fi
}
