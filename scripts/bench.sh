#!/usr/bin/env bash
# Builds the benchmarks (Release, FNF_BUILD_BENCHMARKS=ON) in build-bench/ and runs every one.
# Extra arguments go to each benchmark binary, e.g. `scripts/bench.sh --benchmark_filter=Pass`.
set -euo pipefail
cd "$(dirname "$0")/.."

JOBS=${JOBS:-2}
BUILD_DIR=${BUILD_DIR:-build-bench}

scripts/install-deps.sh --bench
shopt -s nullglob
benches=(tests/bench/*_bench.cc)
if ((${#benches[@]} == 0)); then
  echo "no benchmarks in tests/bench/"
  exit 0
fi
echo "== configure + build ($BUILD_DIR, Release, benchmarks, -j$JOBS)"
targets=()
for source in "${benches[@]}"; do targets+=("$(basename "$source" .cc)"); done
# The benchmarks live under tests/, so FNF_BUILD_TESTS stays on; only their targets are built.
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DFNF_BUILD_BENCHMARKS=ON -DFNF_BUILD_TESTS=ON
cmake --build "$BUILD_DIR" -j "$JOBS" --target "${targets[@]}"
for source in "${benches[@]}"; do
  name=$(basename "$source" .cc)
  echo
  echo "== $name"
  "$BUILD_DIR/tests/bench/$name" "$@"
done
