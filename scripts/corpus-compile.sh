#!/usr/bin/env bash
# Generated code for the real doc corpus compiles: generate the bindings of a corpus subset into
# scratch crates under /tmp (path dependency on this workspace's taobao-api) and `cargo check`
# them.
#
#   scripts/corpus-compile.sh            # the logistics subset (../shared/corpus/logistics.txt)
#   scripts/corpus-compile.sh all        # every record of ../shared/corpus/top-docs
#
# The records are split into crates of CHUNK APIs (default 500): one crate of all ~5,300 APIs is
# ~2.3 million lines, and rustc needs more than 15 GB to check it.
#
# Env: CORPUS (default ../shared/corpus), WORK (scratch directory), CHUNK, EXCLUDE (space-separated
# API names to leave out, e.g. records the generator rejects), CARGO_TARGET_DIR (default
# /tmp/target-corpus-compile; the first run builds taobao-api's dependencies there),
# GEN_TARGET_DIR (where the release generator is built, default /tmp/target-release).
# Prints the generation and check times; exits non-zero when generation or a check fails.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${CORPUS:-$root/../shared/corpus}"
scope="${1:-logistics}"
work="${WORK:-/tmp/taobao-corpus-compile-$scope}"
chunk="${CHUNK:-500}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/tmp/target-corpus-compile}"
export CARGO_TERM_COLOR=never

if [[ ! -d "$corpus/top-docs" ]]; then
    echo "note: $corpus/top-docs not found; nothing to check" >&2
    exit 0
fi

case "$scope" in
    logistics) names=$(sed -e '/^$/d' "$corpus/logistics.txt") ;;
    all) names=$(cd "$corpus/top-docs" && ls -- *.json | sed 's/\.json$//') ;;
    *) echo "usage: $0 [logistics|all]" >&2; exit 2 ;;
esac
for name in ${EXCLUDE:-}; do
    names=$(grep -vxF -- "$name" <<< "$names") && echo "excluded: $name"
done

gen_target="${GEN_TARGET_DIR:-/tmp/target-release}"
(cd "$root" && CARGO_TARGET_DIR="$gen_target" cargo build --release -q -p taobao-api-gen --bin taobao-api-gen)
gen="$gen_target/release/taobao-api-gen"

rm -rf "$work" && mkdir -p "$work/lists"
split -l "$chunk" -d -a 2 - "$work/lists/part-" <<< "$names"
now() { date +%s.%N; }
gen_time=0 check_time=0 apis=0 lines=0 status=0
for list in "$work"/lists/part-*; do
    part="$(basename "$list")"
    crate="$work/$part"
    mkdir -p "$crate/specs" "$crate/src"
    while read -r name; do
        ln -s "$corpus/top-docs/$name.json" "$crate/specs/$name.json"
    done < "$list"
    cat > "$crate/Cargo.toml" <<TOML
[package]
name = "taobao-corpus-compile-$scope-$part"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
taobao-api = { path = "$root/taobao-api" }
serde = { version = "1", features = ["derive"] }

[workspace]
TOML
    # The workspace's lock file pins the same dependency versions.
    cp "$root/Cargo.lock" "$crate/Cargo.lock"

    t0=$(now)
    if ! "$gen" generate "$crate/specs" -o "$crate/src/lib.rs" 2> "$crate/generate.log"; then
        echo "$part: generation failed:" >&2
        grep -v 'warning' "$crate/generate.log" | head -5 >&2
        status=1
        continue
    fi
    t1=$(now)
    rc=0
    cargo check --manifest-path "$crate/Cargo.toml" --lib --message-format short 2> "$crate/check.log" || rc=$?
    t2=$(now)
    n=$(wc -l < "$list") l=$(wc -l < "$crate/src/lib.rs")
    errors=$(grep -c ': error' "$crate/check.log" || true)
    echo "$part: $n APIs, $l lines; generate $(echo "$t1 - $t0" | bc) s; cargo check exit $rc, $errors error(s), $(echo "$t2 - $t1" | bc) s"
    if [[ $rc -ne 0 ]]; then
        grep ': error' "$crate/check.log" | head -10 >&2
        status=1
    fi
    apis=$((apis + n)) lines=$((lines + l))
    gen_time=$(echo "$gen_time + $t1 - $t0" | bc) check_time=$(echo "$check_time + $t2 - $t1" | bc)
done
echo "total: $apis APIs, $lines lines; generate $gen_time s, cargo check $check_time s; exit $status"
exit $status
