#!/usr/bin/env bash
# Builds the release site into dist/ (relative URLs: host it at any path).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
. scripts/env.sh
trunk build --release --offline "$@"
echo "Built dist/ ($(du -sh dist | cut -f1)). Upload its contents to any static host."
