#!/usr/bin/env bash
# Installs what Native AOT needs on Debian/Ubuntu Linux: a C toolchain driver (clang) and zlib headers.
# Idempotent: installs nothing when both are present. Runs as root without sudo, or through sudo otherwise.
#   eng/install-aot-prerequisites.sh
set -euo pipefail

missing=()
if command -v clang >/dev/null 2>&1; then
  echo "aot-prerequisites: clang found: $(command -v clang) ($(clang --version | head -n 1))"
else
  echo "aot-prerequisites: clang not found on PATH"
  missing+=(clang)
fi

if [ -e /usr/include/zlib.h ] || dpkg-query -W -f='${Status}' zlib1g-dev 2>/dev/null | grep -q 'install ok installed'; then
  echo "aot-prerequisites: zlib headers found (zlib1g-dev)"
else
  echo "aot-prerequisites: zlib headers not found (zlib1g-dev)"
  missing+=(zlib1g-dev)
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "aot-prerequisites: nothing to install"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "aot-prerequisites: apt-get is not available; install ${missing[*]} with this system's package manager" >&2
  exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "aot-prerequisites: not root and no sudo; as root run: apt-get install -y ${missing[*]}" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
echo "aot-prerequisites: ${as_root[*]:+${as_root[*]} }apt-get update"
"${as_root[@]}" apt-get update -q
echo "aot-prerequisites: ${as_root[*]:+${as_root[*]} }apt-get install -y --no-install-recommends ${missing[*]}"
"${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"

command -v clang >/dev/null 2>&1 || { echo "aot-prerequisites: clang is still not on PATH after the install" >&2; exit 1; }
echo "aot-prerequisites: done: $(clang --version | head -n 1)"
