#!/usr/bin/env bash
# Benchmarks the release site (not a test: nothing here passes or fails on a number) and
# writes BENCHMARKS.md, with the command that produced it. In one run:
#   1. builds three release sites into target/bench/ the way scripts/build.sh does
#      (trunk build --release --offline, the same Trunk.toml and post-build hook):
#      dist/ with data/ (or $STUDY_DATA_DIR), dist-100x/ with a synthetic pack 100 times the
#      size (bench/synth-data.mjs), and dist-floor/, an empty Leptos CSR app (bench/floor/);
#   2. times quiz generation and the people search on the host (examples/bench_host.rs) for
#      both data folders, and merging and saving progress at 10k–100k reviews
#      (examples/bench_progress.rs);
#   3. measures in headless Chromium (bench/bench.mjs): first-visit bytes (gzip), time to an
#      interactive home view with 4× CPU throttling, key press → next frame, and Lighthouse.
# Everything it writes goes under target/bench/ (never dist/, which the tests serve), except
# BENCHMARKS.md. Installs what it needs when missing: scripts/setup.sh, and Lighthouse from
# bench/package-lock.json into bench/node_modules.
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCH_STARTED
BENCH_STARTED=$(date +%s)
command_line="scripts/bench.sh${*:+ $*}"
[ -n "${STUDY_DATA_DIR:-}" ] && command_line="STUDY_DATA_DIR=$STUDY_DATA_DIR $command_line"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

scripts/setup.sh --browser
. scripts/env.sh
if [ ! -x bench/node_modules/.bin/lighthouse ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
    step "Installing Lighthouse from bench/package-lock.json"
    npm ci --prefix bench --no-audit --no-fund
fi

root="$PWD"
out="$root/target/bench"
data="${STUDY_DATA_DIR:-data}"
case "$data" in /*) ;; *) data="$root/$data" ;; esac
synth="$out/synth-data"
mkdir -p "$out"
export CARGO_TARGET_DIR="$root/target"

# The floor must be built like the app: the same Trunk settings and wasm-opt (the release
# profile is the workspace's, shared by construction).
trunk_settings() { grep -E '^(public_url|filehash|minify|wasm_bindgen|wasm_opt) *=' "$1" | sort; }
wasm_opt_attrs() { grep -o 'data-wasm-opt[a-z-]*="[^"]*"' "$1"; }
same() { # what file-a file-b
    if [ "$("$1" "$2")" != "$("$1" "$3")" ]; then
        echo "$3 is not built like the app: its $1 differs from $2's; make them the same" >&2
        exit 1
    fi
}
same trunk_settings Trunk.toml bench/floor/Trunk.toml
same wasm_opt_attrs index.html bench/floor/index.html

builds="$out/builds.tsv"
: > "$builds"
timed() { # name site command...
    local name="$1" site="$2" start=$SECONDS
    shift 2
    "$@"
    printf '%s\t%s\t%s\t%s\n' "$name" "$site" "$*" "$((SECONDS - start))" >> "$builds"
}

step "Synthetic data pack, 100× $data → $synth"
node bench/synth-data.mjs --from "$data" --out "$synth" --copies 100 | tee "$out/synth.json"

# The 100× build first, so that target/ is left built for data/ (what the tests build next).
step "Release build with the 100× pack → target/bench/dist-100x (build.rs validates the pack)"
STUDY_DATA_DIR="$synth" timed "app, 100× pack" x100 trunk build --release --offline --dist "$out/dist-100x"

step "Release build with $data → target/bench/dist"
STUDY_DATA_DIR="$data" timed "app, data/" data trunk build --release --offline --dist "$out/dist"

step "Framework floor (bench/floor) → target/bench/dist-floor"
(cd bench/floor && CARGO_TARGET_DIR="$out/floor-target" \
    timed "floor (empty Leptos CSR app)" floor trunk build --release --offline --dist "$out/dist-floor")

step "Host timings (examples/bench_host.rs, release profile)"
STUDY_DATA_DIR="$data" timed "host timings (examples/bench_host.rs)" host \
    cargo build --release --example bench_host
"$CARGO_TARGET_DIR/release/examples/bench_host" "$data" --corpus-embedded "$out/corpus-data.bin" | tee "$out/host-data.json"
"$CARGO_TARGET_DIR/release/examples/bench_host" "$synth" --corpus-embedded "$out/corpus-100x.bin" | tee "$out/host-100x.json"

step "Saved progress at 10k, 40k and 100k reviews (examples/bench_progress.rs, release profile)"
cargo build --release --example bench_progress
"$CARGO_TARGET_DIR/release/examples/bench_progress" | tee "$out/progress.json"

rel() { case "$1" in "$root"/*) echo "${1#"$root"/}" ;; *) echo "$1" ;; esac; }
BENCH_COMMAND="$command_line" BENCH_DATA="$(rel "$data")" BENCH_SYNTH="$(rel "$synth")" \
BENCH_RUSTC="$(rustc --version)" BENCH_TRUNK="$(trunk --version)" BENCH_WASM_OPT="$(wasm-opt --version)" \
BENCH_NPROC="$(nproc)" \
node -e '
const fs = require("fs");
const builds = fs.readFileSync("target/bench/builds.tsv", "utf8").trim().split("\n").map((line) => {
  const [name, site, command, seconds] = line.split("\t");
  return { name, site, command: command.replaceAll(process.cwd() + "/", ""), seconds: Number(seconds) };
});
const env = process.env;
fs.writeFileSync("target/bench/meta.json", JSON.stringify({
  command: env.BENCH_COMMAND, date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
  dataDir: env.BENCH_DATA, synthDir: env.BENCH_SYNTH, rustc: env.BENCH_RUSTC,
  trunk: env.BENCH_TRUNK.replace(/^trunk /, ""), wasmOpt: env.BENCH_WASM_OPT.replace(/^wasm-opt /, ""),
  nproc: Number(env.BENCH_NPROC), synth: JSON.parse(fs.readFileSync("target/bench/synth.json", "utf8")), builds,
}, null, 2));
'

step "Browser measures (bench/bench.mjs): bytes, time to interactive, key latency, Lighthouse"
node bench/bench.mjs
echo "Benchmarks written to BENCHMARKS.md (raw figures: target/bench/results.json)."
