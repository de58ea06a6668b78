#!/usr/bin/env bash
# Runs tests/sdk/node_sdk_scenario.js: Alibaba Cloud's own FnF Node.js SDK
# (@alicloud/fnf-2019-03-15 on @alicloud/pop-core, from the npm registry) against
# `fnf serve`.
#
#   run_node_sdk_test.sh FNF_BINARY [CACHE_DIR]
#
# The packages are installed once into CACHE_DIR (default: $FNF_SDK_CACHE, else
# ~/.cache/fnf/sdk-node), shared by every build tree. Exits 77 (ctest: skipped) with a
# message when node or npm is missing or the registry cannot be reached.
set -euo pipefail
fnf=$1
cache=${2:-${FNF_SDK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/fnf/sdk-node}}
here=$(cd "$(dirname "$0")" && pwd)
readonly skip=77
readonly packages=("@alicloud/fnf-2019-03-15@1.2.0" "@alicloud/pop-core@1.8.0")

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "SKIPPED: node and npm are needed for the SDK test (scripts/install-deps.sh --test)"
  exit $skip
fi
mkdir -p "$cache"
if [[ ! -f $cache/node_modules/@alicloud/fnf-2019-03-15/package.json ]]; then
  echo "installing ${packages[*]} into $cache"
  if ! timeout 600 npm install --prefix "$cache" --no-audit --no-fund --no-save \
    --loglevel=error "${packages[@]}"; then
    echo "SKIPPED: npm could not install ${packages[*]} (is the registry reachable?)"
    exit $skip
  fi
fi
NODE_PATH=$cache/node_modules exec node "$here/node_sdk_scenario.js" "$fnf"
