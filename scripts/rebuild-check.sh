#!/usr/bin/env bash
# Proves that adding, changing and removing a file in specs/ rebuilds taobao-api's bindings with
# no other edit: `tests/tests/all_requests.rs` asserts that the compiled `ALL_METHODS` equals the
# API names of the files in specs/ at run time, so a stale build fails it.
#
# specs/ at the repository root is a symlink to taobao-api/specs/ (the folder the crate compiles
# and publishes); the probe goes through the root path, the one maintainers drop files into. Its
# API names stay in the `taobao-logistics` family, which has a feature: a new family would be
# (rightly) a build error until `features --write` adds it.
#
#   scripts/rebuild-check.sh        # leaves specs/ as it found it, even on failure
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
probe="$root/specs/taobao.logistics.rebuildprobe.check.md"
if [[ "$(cd "$root/specs" && pwd -P)" != "$(cd "$root/taobao-api/specs" && pwd -P)" ]]; then
    echo "specs/ must be a symlink to taobao-api/specs/ (git clone with core.symlinks=true)" >&2
    exit 2
fi
[[ ! -e "$probe" ]] || { echo "$probe exists already" >&2; exit 2; }
trap 'rm -f "$probe"' EXIT

write_probe() { # $1 = API name
    cat > "$probe" <<MD
$1 (重建检查)

请求参数

名称 | 类型 | 是否必须 | 示例值 | 更多限制 | 描述 |
---|---|---|---|---|---|
probe_id | Number | 必须 | 1 | | 探针编号 |

响应参数

名称 | 类型 | 示例值 | 描述 |
---|---|---|---|
ok | Boolean | true | 是否成功 |
MD
}

run() { # $1 = what changed
    echo "--> $1"
    cargo test -q -p taobao-api-tests --test all_requests
}

cd "$root"
write_probe taobao.logistics.rebuildprobe.check
run "added specs/$(basename "$probe")"
write_probe taobao.logistics.rebuildprobe.renamed
run "changed the API name inside it"
rm -f "$probe"
run "removed it"
echo "rebuild check: added, changed and removed specs were picked up"
