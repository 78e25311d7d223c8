#!/usr/bin/env bash
# Generated code for the real doc corpus compiles: scratch crates under /tmp (path dependency on
# this workspace's taobao-api) expand a corpus subset with `taobao_api::include_specs!("specs")`,
# as an application would, and `cargo check` them.
#
#   scripts/corpus-compile.sh            # the logistics subset (../shared/corpus/logistics.txt)
#   scripts/corpus-compile.sh all        # every record of ../shared/corpus/top-docs
#
# The records are split into crates of CHUNK APIs (default 500): one crate of all ~5,300 APIs is
# ~2.3 million lines, and rustc needs more than 15 GB to check it.
#
# Env: CORPUS (default ../shared/corpus), WORK (scratch directory), CHUNK, EXCLUDE (space-separated
# API names to leave out, e.g. records the generator rejects), CARGO_TARGET_DIR (default
# /tmp/target-corpus-compile; the first run builds taobao-api's dependencies there).
# Prints the check time per crate and in all; exits non-zero when a check fails.
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

rm -rf "$work" && mkdir -p "$work/lists"
split -l "$chunk" -d -a 2 - "$work/lists/part-" <<< "$names"
now() { date +%s.%N; }
check_time=0 apis=0 status=0
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
taobao-api = { path = "$root/taobao-api", default-features = false }

[workspace]
TOML
    # The workspace's lock file pins the same dependency versions.
    cp "$root/Cargo.lock" "$crate/Cargo.lock"

    echo 'taobao_api::include_specs!("specs");' > "$crate/src/lib.rs"
    t1=$(now)
    rc=0
    cargo check --manifest-path "$crate/Cargo.toml" --lib --message-format short 2> "$crate/check.log" || rc=$?
    t2=$(now)
    n=$(wc -l < "$list")
    errors=$(grep -c ': error' "$crate/check.log" || true)
    echo "$part: $n APIs; cargo check (expansion included) exit $rc, $errors error(s), $(echo "$t2 - $t1" | bc) s"
    if [[ $rc -ne 0 ]]; then
        grep -A3 ': error' "$crate/check.log" | head -20 >&2
        status=1
    fi
    apis=$((apis + n))
    check_time=$(echo "$check_time + $t2 - $t1" | bc)
done
echo "total: $apis APIs; cargo check $check_time s; exit $status"
exit $status
