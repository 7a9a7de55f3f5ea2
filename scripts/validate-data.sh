#!/usr/bin/env bash
# Checks a document folder (default: data/) without building the app, printing every problem
# and the counts. The app's build runs the same checks and fails on any problem.
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo run -q -p validate-data -- "${1:-data}" "${@:2}"
