#!/usr/bin/env bash
# Build-cost figures of the bindings, measured in one run (README, "Build cost"):
#
#   1. `cargo build -p taobao-api --no-default-features`: a clean build of the crate itself (no
#      API family: the runtime alone), dependencies warm. The reference.
#   2. The same with every family (`--features full`, all specs in specs/): time, ratio to 1,
#      and the peak memory of rustc.
#   3. Both again with CARGO_INCREMENTAL=0: what an application sees, where taobao-api is a
#      dependency (never built incrementally).
#   4. An application enabling one family (`cainiao-waybill`): a cold build of the application and
#      taobao-api with warm third-party dependencies.
#   5. The rebuild after an edit of one spec (the workspace build with every family, incremental).
#   6. Generated lines per API over the shipped specs (mean, max), as `taobao-api-gen generate`
#      prints them.
#
# Each timing is the median of RUNS runs (default 3). Env: RUNS, CARGO_TARGET_DIR (default
# target/), WORK (scratch directory for the application, default /tmp/taobao-measure-build).
# Timings depend on the machine and its load: compare figures of one run with each other.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
runs="${RUNS:-3}"
target="${CARGO_TARGET_DIR:-$root/target}"
export CARGO_TARGET_DIR="$target" CARGO_TERM_COLOR=never
work="${WORK:-/tmp/taobao-measure-build}"

for tool in /usr/bin/time bc python3; do
    command -v "$tool" >/dev/null || { echo "measure-build.sh needs $tool" >&2; exit 1; }
done

# `measure CMD...` runs CMD once and prints "<seconds> <peak KB>" (GNU time: the largest
# resident set of any process it waited for, i.e. rustc). A failing CMD stops the script with
# its output, never a figure of a failed build.
measure() {
    local stats log
    stats=$(mktemp)
    log=$(mktemp)
    if ! /usr/bin/time -o "$stats" -f "%e %M" "$@" >"$log" 2>&1; then
        echo "measure-build.sh: failed: $*" >&2
        cat "$log" >&2
        rm -f "$stats" "$log"
        kill -TERM $$
        exit 1
    fi
    tail -1 "$stats"
    rm -f "$stats" "$log"
}

# `median_of LABEL CMD...`: RUNS runs of `prepare; CMD` (prepare = the shell function in
# $PREPARE), prints the median seconds and the largest peak memory.
median_of() {
    local label="$1"; shift
    local times=() peak=0
    for _ in $(seq "$runs"); do
        "$PREPARE"
        read -r secs kb < <(measure "$@")
        times+=("$secs")
        ((kb > peak)) && peak=$kb
    done
    local median
    median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    printf '%-58s %8.2f s  %6d MB   (runs: %s)\n' "$label" "$median" $((peak / 1024)) "${times[*]}" >&2
    echo "$median $peak"
}

clean_crate() { cargo clean -q -p taobao-api; }

echo "warming dependencies (taobao-api with every family, incremental and not)" >&2
cargo build -q -p taobao-api --features full
CARGO_INCREMENTAL=0 cargo build -q -p taobao-api --features full
cargo build -q --release -p taobao-api-gen --bin taobao-api-gen

PREPARE=clean_crate
read -r base _ < <(median_of "taobao-api, no API family (the reference)" cargo build -p taobao-api --no-default-features)
read -r full full_kb < <(median_of "taobao-api, every family" cargo build -p taobao-api --features full)
read -r base0 _ < <(median_of "  the same with CARGO_INCREMENTAL=0: no family" env CARGO_INCREMENTAL=0 cargo build -p taobao-api --no-default-features)
read -r full0 full0_kb < <(median_of "  the same with CARGO_INCREMENTAL=0: every family" env CARGO_INCREMENTAL=0 cargo build -p taobao-api --features full)

# An application with one family: its own crate beside the workspace, sharing the target dir
# (third-party dependencies warm), taobao-api and the application built from scratch.
mkdir -p "$work/app/src"
cat > "$work/app/Cargo.toml" <<TOML
[package]
name = "taobao-measure-app"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
taobao-api = { path = "$root/taobao-api", default-features = false, features = ["cainiao-waybill"] }
tokio = { version = "1", features = ["rt-multi-thread", "macros"] }

[workspace]
TOML
cp "$root/Cargo.lock" "$work/app/Cargo.lock"
cat > "$work/app/src/main.rs" <<'RS'
use taobao_api::CainiaoWaybillIiCancelRequest;

#[tokio::main]
async fn main() -> Result<(), taobao_api::Error> {
    let client = taobao_api::Client::builder("app-key", "app-secret").build()?;
    let request = CainiaoWaybillIiCancelRequest::builder().cp_code("YTO").waybill_code("1").build()?;
    println!("{:?}", client.prepare(&request, &taobao_api::CallOptions::new())?.sign());
    Ok(())
}
RS
app_build() { cargo build -q --manifest-path "$work/app/Cargo.toml"; }
clean_app() { cargo clean -q --manifest-path "$work/app/Cargo.toml" -p taobao-api -p taobao-measure-app 2>/dev/null || true; }
app_build
PREPARE=clean_app
read -r app _ < <(median_of "an application with one family (cainiao-waybill)" cargo build --manifest-path "$work/app/Cargo.toml")

# Rebuild after an edit of one spec: a changed description, as a maintainer's re-copied page.
spec="$root/taobao-api/specs/cainiao.waybill.ii.cancel.json"
backup=$(mktemp)
cp "$spec" "$backup"
trap 'cp "$backup" "$spec"; rm -f "$backup"' EXIT
cargo build -q -p taobao-api --features full
edit_spec() {
    python3 - "$spec" <<'PY'
import json, sys, time
path = sys.argv[1]
record = json.load(open(path, encoding="utf-8"))
record["description"] = record.get("description", "").split(" (edit ")[0] + f" (edit {time.time_ns()})"
json.dump(record, open(path, "w", encoding="utf-8"), ensure_ascii=False, indent=1)
PY
}
PREPARE=edit_spec
read -r edit _ < <(median_of "rebuild after an edit of one spec (every family)" cargo build -p taobao-api --features full)
cp "$backup" "$spec"
cargo build -q -p taobao-api --features full

# Generated lines per API.
gen="$target/release/taobao-api-gen"
lines=$(for f in "$root"/taobao-api/specs/*; do "$gen" generate "$f" 2>/dev/null | wc -l; done |
    awk '{s += $1; if ($1 > m) m = $1} END {printf "%.0f %d %d", s / NR, m, NR}')
read -r mean max count <<<"$lines"

ratio=$(echo "scale=2; $full / $base" | bc)
ratio0=$(echo "scale=2; $full0 / $base0" | bc)
cat <<REPORT

| what | time | × reference | peak memory |
| --- | ---: | ---: | ---: |
| \`cargo build -p taobao-api --no-default-features\` (reference) | ${base} s | 1 | |
| \`cargo build -p taobao-api --features full\` ($count APIs) | ${full} s | ${ratio}× | $((full_kb / 1024)) MB |
| the same, \`CARGO_INCREMENTAL=0\` (as a dependency): reference | ${base0} s | 1 | |
| the same, \`CARGO_INCREMENTAL=0\`: every family | ${full0} s | ${ratio0}× | $((full0_kb / 1024)) MB |
| an application enabling one family (taobao-api + app, deps warm) | ${app} s | | |
| rebuild after an edit of one spec (every family) | ${edit} s | | |

Generated code: $mean lines per API on average, $max at most ($count specs).
REPORT
