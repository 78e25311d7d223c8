#!/usr/bin/env bash
# The signing hot path measured from outside the workspace (issue 12, README "Performance"):
# builds scripts/sign-probe, a standalone crate depending on taobao-api by path, in cargo's
# default release profile, and runs it on the sign vectors. It checks the signature of the
# `md5-abnormal-report` request against the vector, then prints the median time of the full
# path (builders, `Client::prepare`, `form_body`), of MD5 over the same canonical string, and
# their ratio.
#
# Usage: scripts/sign-probe.sh [sign-vectors.json]
# (default: $SIGN_VECTORS, else ../shared/protocol/sign-vectors.json next to the repository).
# Env: CARGO_TARGET_DIR (default scripts/sign-probe/target). Timings depend on the machine and
# its load: compare the two figures of one run, i.e. the ratio.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
vectors="${1:-${SIGN_VECTORS:-$root/../shared/protocol/sign-vectors.json}}"
manifest="$root/scripts/sign-probe/Cargo.toml"
cargo build --release --quiet --manifest-path "$manifest"
target="${CARGO_TARGET_DIR:-$root/scripts/sign-probe/target}"
"$target/release/sign-probe" "$vectors"
