#!/usr/bin/env bash
# Sets up what is missing, then builds and serves the app at http://127.0.0.1:8080/
# (PORT=… to change), rebuilding when a file changes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
. scripts/env.sh
port="${PORT:-8080}"
echo "Serving the app at http://127.0.0.1:$port/ (Ctrl-C to stop)"
exec trunk serve --offline --address 127.0.0.1 --port "$port" --public-url /
