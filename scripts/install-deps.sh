#!/usr/bin/env bash
# Installs what fnf needs to build and test on Debian 12 (bookworm), and nothing that is
# already there. Safe to run again and again.
#
#   scripts/install-deps.sh              build dependencies (library, tool, server, console), clang, clang-format
#   scripts/install-deps.sh --test       also what the tests need: a PostgreSQL server, Node.js and
#                                        npm (SDK tests), Graphviz, the libFuzzer runtime, Doxygen,
#                                        Chromium (the console's browser test)
#   scripts/install-deps.sh --bench      also Google Benchmark (libbenchmark-dev)
#   scripts/install-deps.sh --check      only report what is missing (exit 1 if anything is)
#
# Runs apt-get as root, through sudo otherwise. When neither is possible it prints the exact
# command to run and exits non-zero.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libabsl-dev rapidjson-dev libyaml-cpp-dev catch2 libre2-dev libssl-dev
  libsqlite3-dev libpq-dev libcpp-httplib-dev libcli11-dev libgraphviz-dev
  clang clang-format
)
check_only=0
for arg in "$@"; do
  case "$arg" in
    --bench) packages+=(libbenchmark-dev) ;;
    --test)
      packages+=(postgresql graphviz doxygen libclang-rt-14-dev python3-jsonschema python3-yaml
                 chromium)
      # Node.js may come from elsewhere (nodesource); only ask Debian for it when it is missing.
      command -v node >/dev/null 2>&1 || packages+=(nodejs)
      command -v npm >/dev/null 2>&1 || packages+=(npm)
      ;;
    --check) check_only=1 ;;
    -h | --help)
      sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "install-deps.sh: unknown argument: $arg" >&2
      exit 2
      ;;
  esac
done

is_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'
}

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "install-deps.sh: dpkg-query not found; this script supports Debian 12 only." >&2
  echo "Install the equivalents of: ${packages[*]}" >&2
  exit 1
fi

missing=()
for p in "${packages[@]}"; do
  is_installed "$p" || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  echo "install-deps.sh: all dependencies are installed."
  exit 0
fi
echo "install-deps.sh: missing: ${missing[*]}"
if ((check_only)); then
  exit 1
fi

apt_cmd=(env DEBIAN_FRONTEND=noninteractive apt-get)
if [[ $(id -u) -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo)
elif command -v sudo >/dev/null 2>&1 && [[ -t 0 ]]; then
  as_root=(sudo)  # sudo will ask for a password on the terminal
else
  echo "install-deps.sh: not root and sudo is not available; run this as root:" >&2
  echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

if ! "${as_root[@]}" "${apt_cmd[@]}" update -q ||
  ! "${as_root[@]}" "${apt_cmd[@]}" install -y -q --no-install-recommends "${missing[@]}"; then
  echo "install-deps.sh: apt-get failed; run this as root:" >&2
  echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

still_missing=()
for p in "${missing[@]}"; do
  is_installed "$p" || still_missing+=("$p")
done
if ((${#still_missing[@]} > 0)); then
  echo "install-deps.sh: still missing after apt-get: ${still_missing[*]}" >&2
  exit 1
fi
echo "install-deps.sh: installed ${missing[*]}."
