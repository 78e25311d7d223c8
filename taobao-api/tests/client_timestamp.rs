//! The `timestamp` is GMT+8 whatever the machine's time zone: this test re-runs itself in a child
//! process with `TZ=America/New_York` (checking that the zone really changed there) and compares
//! what the child formats with what GMT+8 says.

use std::process::Command;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use taobao_api::time::{format_gmt8, now_gmt8, parse_gmt8};
use taobao_api::{CallOptions, Client, Params};

const CHILD_MARKER: &str = "TAOBAO_API_TZ_CHILD";

fn report() -> String {
    let fixed = format_gmt8(UNIX_EPOCH + Duration::from_secs(1_711_615_091));
    let client = Client::builder("12345678", "secret").build().unwrap();
    let call = client
        .prepare_raw("taobao.time.get", &Params::new(), &CallOptions::new())
        .unwrap();
    let local_offset = chrono::Local::now().offset().local_minus_utc();
    format!(
        "fixed={fixed}\nnow={}\nsent={}\nlocal_offset={local_offset}\n",
        now_gmt8(),
        call.field("timestamp").unwrap()
    )
}

fn value<'a>(report: &'a str, key: &str) -> &'a str {
    report
        .lines()
        .find_map(|l| l.strip_prefix(key).and_then(|r| r.strip_prefix('=')))
        .unwrap_or_else(|| panic!("no {key} in child output:\n{report}"))
}

fn close_to_now(text: &str) {
    let t = parse_gmt8(text).unwrap_or_else(|| panic!("{text:?} is not yyyy-MM-dd HH:mm:ss"));
    let now = SystemTime::now();
    let skew = now.duration_since(t).unwrap_or_else(|e| e.duration());
    assert!(
        skew < Duration::from_secs(60),
        "{text} is {skew:?} away from now in GMT+8"
    );
}

#[test]
fn timestamps_are_gmt8_under_a_new_york_time_zone() {
    if std::env::var_os(CHILD_MARKER).is_some() {
        // A leading newline: the harness prints `test <name> ... ` on the same line first.
        println!("\n{}", report());
        return;
    }
    let out = Command::new(std::env::current_exe().unwrap())
        .args([
            "timestamps_are_gmt8_under_a_new_york_time_zone",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_MARKER, "1")
        .env("TZ", "America/New_York")
        .output()
        .expect("re-run the test binary");
    assert!(
        out.status.success(),
        "child failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let child = String::from_utf8_lossy(&out.stdout).into_owned();
    let offset: i32 = value(&child, "local_offset").trim().parse().unwrap();
    assert!(
        offset == -4 * 3600 || offset == -5 * 3600,
        "TZ did not take effect in the child (offset {offset}s)"
    );
    assert_eq!(value(&child, "fixed"), "2024-03-28 16:38:11");
    close_to_now(value(&child, "now"));
    close_to_now(value(&child, "sent"));
    // And the same in this process, whatever its zone.
    close_to_now(&now_gmt8());
}
