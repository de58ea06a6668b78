#!/usr/bin/env bash
# Builds the libFuzzer harnesses (tests/fuzz/) and runs them.
#
#   scripts/fuzz.sh [--time SECONDS] [--build-dir DIR] [--nice] [FUZZER...]
#
#   --time SECONDS   how long each fuzzer runs (default 3600); they run one after another
#   --build-dir DIR  where to build (default build-fuzz/); corpora grow in DIR/corpus/<fuzzer>
#                    and survive between runs, findings land in DIR/findings/<fuzzer>/
#   --nice           run the fuzzers at nice 19 (on a shared machine)
#   FUZZER           definition, expression, execution, mocks (default: all four)
#
# Exits non-zero when any fuzzer finds a crash, a leak, undefined behaviour, a timeout
# (a single input running over 10 s) or an input that needs more than 2 GB: each such
# input is kept in DIR/findings/ and should become a regression test.
# Seeds: the example flows and mocks, the test data, and tests/fuzz/seeds/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

TIME=3600
BUILD=build-fuzz
NICE=()
FUZZERS=()
while (($#)); do
  case $1 in
    --time) TIME=$2; shift 2 ;;
    --build-dir) BUILD=$2; shift 2 ;;
    --nice) NICE=(nice -n 19); shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    definition|expression|execution|mocks) FUZZERS+=("$1"); shift ;;
    *) echo "fuzz.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
((${#FUZZERS[@]})) || FUZZERS=(definition expression execution mocks)

CC=clang CXX=clang++ cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g -fno-omit-frame-pointer" -DFNF_BUILD_FUZZERS=ON \
  -DFNF_BUILD_TESTS=OFF -DFNF_BUILD_EXAMPLES=OFF -DFNF_INSTALL=OFF \
  $(command -v ccache >/dev/null && echo -DCMAKE_CXX_COMPILER_LAUNCHER=ccache) >/dev/null
targets=()
for f in "${FUZZERS[@]}"; do targets+=("fnf_${f}_fuzzer"); done
"${NICE[@]}" cmake --build "$BUILD" -j "${JOBS:-2}" --target "${targets[@]}"

# seed_corpus FUZZER DIR: copies the fuzzer's seeds into DIR (kept from earlier runs too).
seed_corpus() {
  local dir=$2
  mkdir -p "$dir"
  case $1 in
    definition)
      find examples/flows tests/data -name '*.yaml' -o -name '*.json' | grep -v mocks |
        while read -r f; do cp "$f" "$dir/$(echo "$f" | tr / _)"; done ;;
    mocks)
      find examples/flows tests/data -type f -path '*mocks*' | while read -r f; do
        cp "$f" "$dir/$(echo "$f" | tr / _)"; done
      cp tests/fuzz/seeds/mocks/* "$dir/" ;;
    *) cp "tests/fuzz/seeds/$1"/* "$dir/" ;;
  esac
}

status=0
for f in "${FUZZERS[@]}"; do
  corpus=$BUILD/corpus/$f
  findings=$BUILD/findings/$f
  seed_corpus "$f" "$corpus"
  mkdir -p "$findings"
  echo "== $f: $TIME s, corpus $corpus ($(ls "$corpus" | wc -l) inputs)"
  # -detect_leaks=1: a leak is a finding; -max_len: definitions up to 64 KiB.
  set +e
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=0 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "${NICE[@]}" "$BUILD/tests/fuzz/fnf_${f}_fuzzer" "$corpus" \
    -dict="$ROOT/tests/fuzz/fnf.dict" -max_total_time="$TIME" -timeout=10 \
    -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$findings/" >"$BUILD/$f.log" 2>&1
  rc=$?
  set -e
  grep -E '^#[0-9]+ +(INITED|DONE)|ERROR|SUMMARY|stat::' "$BUILD/$f.log" || true
  if ((rc != 0)) || ls "$findings" | grep -q .; then
    echo "== $f: FINDING, see $BUILD/$f.log and $findings/"
    status=1
  else
    echo "== $f: clean"
  fi
done
exit "$status"
