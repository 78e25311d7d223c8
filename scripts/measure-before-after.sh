#!/usr/bin/env bash
# Build cost before and after the lean codegen, in one run under the same conditions (README,
# "Build cost"): a worktree of BASE (default 10040e6, the last commit before it) with this
# tree's specs dropped into its taobao-api/specs, then this tree with every family. Prints wall
# and CPU seconds and peak memory of: the crate without the specs, the clean build with them,
# and two rebuilds after an edit of one spec. Compare CPU seconds when the machine is busy.
#
# Env: BASE, WORK (default /tmp/taobao-before-after), CARGO_TARGET_DIR for this tree (default
# target/); the old tree builds in $WORK/target.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
base_rev="${BASE:-10040e6}"
work="${WORK:-/tmp/taobao-before-after}"
spec=cainiao.waybill.ii.cancel.json
export CARGO_TERM_COLOR=never

measure() {
    local log
    log=$(mktemp)
    if ! /usr/bin/time -o "$log.time" -f "%e s wall, %U s user + %S s sys, %M KB peak" "$@" >"$log" 2>&1; then
        echo "failed: $*" >&2
        cat "$log" >&2
        exit 1
    fi
    cat "$log.time"
    rm -f "$log" "$log.time"
}
edit_spec() {
    python3 - "$1" <<'PY'
import json, sys, time
path = sys.argv[1]
record = json.load(open(path, encoding="utf-8"))
record["description"] = record.get("description", "").split(" (edit ")[0] + f" (edit {time.time_ns()})"
json.dump(record, open(path, "w", encoding="utf-8"), ensure_ascii=False, indent=1)
PY
}

rm -rf "$work" && mkdir -p "$work"
git -C "$root" worktree add -q --detach "$work/old" "$base_rev"
trap 'git -C "$root" worktree remove --force "$work/old"' EXIT
old="$work/old"

(
    cd "$old"
    export CARGO_TARGET_DIR="$work/target"
    cargo build -q -p taobao-api
    cargo clean -q -p taobao-api
    echo "before, its own specs: $(measure cargo build -p taobao-api)"
    cp "$root"/taobao-api/specs/* "$old/taobao-api/specs/"
    cargo clean -q -p taobao-api
    echo "before, with this tree's $(ls "$root/taobao-api/specs" | wc -l) specs: $(measure cargo build -p taobao-api)"
    for _ in 1 2; do
        edit_spec "$old/taobao-api/specs/$spec"
        echo "before, rebuild after a spec edit: $(measure cargo build -p taobao-api)"
    done
)

cd "$root"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
backup=$(mktemp)
cp "taobao-api/specs/$spec" "$backup"
trap 'cp "$backup" "$root/taobao-api/specs/$spec"; git -C "$root" worktree remove --force "$work/old"' EXIT
cargo build -q -p taobao-api --features full
cargo clean -q -p taobao-api
echo "now, no family: $(measure cargo build -p taobao-api --no-default-features)"
cargo clean -q -p taobao-api
echo "now, every family: $(measure cargo build -p taobao-api --features full)"
for _ in 1 2; do
    edit_spec "taobao-api/specs/$spec"
    echo "now, rebuild after a spec edit: $(measure cargo build -p taobao-api --features full)"
done
