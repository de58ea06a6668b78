#!/usr/bin/env bash
# Formats every tracked C++ file in place with the repository's .clang-format (clang-format 14,
# the version .ci/run checks with). `scripts/format.sh --check` only reports, as CI does.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ${1:-} == --check ]]; then
  git ls-files -z '*.h' '*.cc' | xargs -0 -r clang-format --dry-run --Werror
else
  git ls-files -z '*.h' '*.cc' | xargs -0 -r clang-format -i
fi
