#!/usr/bin/env bash
# One command on a fresh Debian 12 machine: installs the dependencies, builds fnf (Release) in
# build/, runs the fnf tool on examples/flows/hello.yaml and then every example program.
# Exits non-zero as soon as anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."

JOBS=${JOBS:-2}
BUILD_DIR=${BUILD_DIR:-build}

examples=()
for source in examples/*.cc; do examples+=("$(basename "$source" .cc)"); done

scripts/install-deps.sh
echo "== configure + build ($BUILD_DIR, Release, -j$JOBS): the fnf tool and the examples"
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release
# Only what runs here; scripts/test.sh builds the rest in the same tree.
cmake --build "$BUILD_DIR" -j "$JOBS" --target fnf_tool "${examples[@]}"

echo
echo "== $BUILD_DIR/fnf run examples/flows/hello.yaml --input '{\"name\":\"fnf\"}'"
"$BUILD_DIR/fnf" run examples/flows/hello.yaml --input '{"name":"fnf"}'

status=0
for name in "${examples[@]}"; do
  echo
  echo "== examples/$name"
  if ! "$BUILD_DIR/examples/$name"; then
    echo "examples/$name FAILED" >&2
    status=1
  fi
done
exit "$status"
