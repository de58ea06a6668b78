#!/usr/bin/env bash
# One command on a fresh Debian 12 machine: installs the dependencies, builds fnf with its tests
# and examples (Release) in build/ and runs the whole suite with ctest.
# Extra arguments go to ctest, e.g. `scripts/test.sh -R expr` or `scripts/test.sh -L concurrency`.
set -euo pipefail
cd "$(dirname "$0")/.."

JOBS=${JOBS:-2}
BUILD_DIR=${BUILD_DIR:-build}

scripts/install-deps.sh --test
echo "== configure + build ($BUILD_DIR, Release, -j$JOBS)"
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DFNF_BUILD_SERVER=ON
cmake --build "$BUILD_DIR" -j "$JOBS"
echo "== ctest ($BUILD_DIR)"
ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$JOBS" "$@"
