#!/usr/bin/env bash
# Generated code for the real doc corpus compiles: generate the bindings of a corpus subset into a
# scratch crate under /tmp (path dependency on this workspace's taobao-api) and `cargo check` it.
#
#   scripts/corpus-compile.sh            # the logistics subset (../shared/corpus/logistics.txt)
#   scripts/corpus-compile.sh all        # every record of ../shared/corpus/top-docs
#
# Env: CORPUS (default ../shared/corpus), WORK (scratch crate dir), CARGO_TARGET_DIR (default
# /tmp/target-corpus-compile; the first run builds taobao-api's dependencies there),
# GEN_TARGET_DIR (where the release generator is built, default /tmp/target-release),
# EXCLUDE (space-separated API names to leave out, e.g. records the generator rejects).
# Prints the generation and check times; exits non-zero when generation or the check fails.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${CORPUS:-$root/../shared/corpus}"
scope="${1:-logistics}"
work="${WORK:-/tmp/taobao-corpus-compile-$scope}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/tmp/target-corpus-compile}"
export CARGO_TERM_COLOR=never

if [[ ! -d "$corpus/top-docs" ]]; then
    echo "note: $corpus/top-docs not found; nothing to check" >&2
    exit 0
fi

rm -rf "$work/specs" && mkdir -p "$work/specs" "$work/src"
case "$scope" in
    logistics)
        while read -r name; do
            [[ -n "$name" ]] && ln -s "$corpus/top-docs/$name.json" "$work/specs/$name.json"
        done < "$corpus/logistics.txt"
        ;;
    all)
        for f in "$corpus"/top-docs/*.json; do ln -s "$f" "$work/specs/"; done
        ;;
    *) echo "usage: $0 [logistics|all]" >&2; exit 2 ;;
esac
# EXCLUDE="name1 name2": leave out records known to fail (named in the output).
for name in ${EXCLUDE:-}; do
    rm -f "$work/specs/$name.json" && echo "excluded: $name"
done
count=$(find "$work/specs" -name '*.json' | wc -l)

cat > "$work/Cargo.toml" <<TOML
[package]
name = "taobao-corpus-compile-$scope"
version = "0.0.0"
edition = "2024"
publish = false

[lib]
path = "src/lib.rs"

[dependencies]
taobao-api = { path = "$root/taobao-api" }
serde = { version = "1", features = ["derive"] }

[workspace]
TOML
# The workspace's lock file pins the same dependency versions (and spares a registry lookup).
cp "$root/Cargo.lock" "$work/Cargo.lock"

gen_target="${GEN_TARGET_DIR:-/tmp/target-release}"
(cd "$root" && CARGO_TARGET_DIR="$gen_target" cargo build --release -q -p taobao-api-gen --bin taobao-api-gen)
gen="$gen_target/release/taobao-api-gen"

start=$(date +%s.%N)
"$gen" generate "$work/specs" -o "$work/src/lib.rs"
generated=$(date +%s.%N)
lines=$(wc -l < "$work/src/lib.rs")
echo "generated $count APIs: $lines lines in $(echo "$generated - $start" | bc) s -> $work/src/lib.rs"

status=0
cargo check --manifest-path "$work/Cargo.toml" --lib --message-format short 2> "$work/check.log" || status=$?
checked=$(date +%s.%N)
errors=$(grep -c '^[^ ]*: error' "$work/check.log" || true)
warnings=$(grep -c '^[^ ]*: warning' "$work/check.log" || true)
echo "cargo check: exit $status, $errors error(s), $warnings warning(s) in $(echo "$checked - $generated" | bc) s (log: $work/check.log)"
if [[ $status -ne 0 ]]; then
    grep ': error' "$work/check.log" | head -20 >&2
fi
exit $status
