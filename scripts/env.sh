# Sourced by the scripts: puts cargo's binaries and the pinned npm tools (wasm-opt) first.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
