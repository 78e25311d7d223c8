//! Peak memory of decoding a big reply (issue: a 50 MiB reply must decode in at most 3x its size,
//! the raw body the response keeps included).
//!
//! Each measurement runs alone in a fresh child process of this test binary: the peak resident
//! set (`VmHWM` of /proc/self/status, reset just before) after building the body and decoding
//! it, minus the resident set before the body was built. It counts the body, every decoded
//! string and the list of records. Through `decode_response_owned` (what `execute` runs on the
//! buffer it read) the body is held once, by the response (`body()`); through `decode_response`
//! the caller's buffer stays alive next to the copy the response keeps.

#![cfg(target_os = "linux")]

use std::fmt::Write as _;
use taobao_api::LogisticsCompaniesGetRequest;
use taobao_api::client::{decode_response, decode_response_owned};

const MIB: usize = 1024 * 1024;

/// A kB figure of /proc/self/status (`VmHWM`, `VmRSS`), in bytes.
fn status_bytes(field: &str) -> usize {
    let status = std::fs::read_to_string("/proc/self/status").expect("read /proc/self/status");
    let line = status
        .lines()
        .find(|l| l.starts_with(field))
        .unwrap_or_else(|| panic!("{field} in /proc/self/status"));
    let kb: usize = line[field.len()..]
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .expect("a kB figure");
    kb * 1024
}

/// Resets the peak to the current resident set (Linux 4.0+: write `5` to clear_refs), so the
/// baseline is "now" rather than whatever the test harness peaked at while starting up.
fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// A `taobao.logistics.companies.get` reply of at least `size` bytes in the default format
/// (`{"logistics_companies":{"logistics_company":[...]}}`): records whose text fields are a few
/// hundred bytes (Chinese names, long regular expressions, a few escapes), ids as numbers and as
/// strings.
fn big_reply(size: usize) -> String {
    let mut body = String::with_capacity(size + 4096);
    body.push_str(r#"{"logistics_companies_get_response":{"logistics_companies":{"logistics_company":["#);
    let mut i: u64 = 0;
    while body.len() < size {
        if i > 0 {
            body.push(',');
        }
        let id = 1_000_000_007_u64.wrapping_mul(i + 1) % 9_000_000_000;
        let id = if i.is_multiple_of(3) {
            format!("\"{id}\"")
        } else {
            id.to_string()
        };
        let _ = write!(
            body,
            r#"{{"id":{id},"code":"CP{i:08}","name":"{name}","reg_mail_no":"{re}"}}"#,
            name = "中国邮政速递物流股份有限公司华东分拨中心".repeat(4),
            re = format!(r"^(?:[A-Z]{{2}}[0-9]{{9}}[A-Z]{{2}}|\\d{{{}}})$", 10 + i % 5).repeat(6),
        );
        i += 1;
    }
    body.push_str(r#"]},"request_id":"r-big"}}"#);
    body
}

/// Which entry a measurement runs.
const ENTRY_VAR: &str = "TAOBAO_DECODE_MEMORY_ENTRY";

/// Builds the reply, decodes it through `entry` and checks the response; returns the body size
/// and the peak resident set over the baseline.
fn measure(entry: &str) -> (usize, usize) {
    let size = 50 * MIB;
    assert!(reset_peak(), "this test needs /proc/self/clear_refs (Linux 4.0+)");
    let baseline = status_bytes("VmRSS:");

    let body = big_reply(size);
    let body_len = body.len();
    let response = match entry {
        // What `execute` does: the buffer read from the connection becomes the kept body.
        "owned" => decode_response_owned::<LogisticsCompaniesGetRequest>(body.into_bytes()),
        // The caller keeps its buffer; the response keeps a copy.
        "borrowed" => {
            let response = decode_response::<LogisticsCompaniesGetRequest>(body.as_bytes());
            assert_eq!(body.len(), body_len); // the caller's buffer is alive until here
            response
        }
        other => panic!("unknown entry {other}"),
    }
    .expect("decodes");
    let peak = status_bytes("VmHWM:");

    // The response is whole: every record, every text, the raw body kept.
    let companies = response.logistics_companies.as_deref().expect("the list");
    assert!(companies.len() > 50_000, "{} records", companies.len());
    assert!(companies.iter().all(|c| c.id.is_some() && c.name.is_some()));
    assert_eq!(companies[1].code.as_deref(), Some("CP00000001"));
    assert!(companies[0].reg_mail_no.as_deref().unwrap().contains(r"\d{10}"));
    assert_eq!(response.body().map(str::len), Some(body_len));
    assert!(response.decode_warnings().is_empty());
    assert_eq!(response.request_id(), Some("r-big"));
    (body_len, peak.saturating_sub(baseline))
}

/// The measurement itself, in a child process per entry (run by the test below, skipped
/// otherwise): a fresh process, so memory freed by another measurement cannot be reused.
#[test]
fn child_measurement() {
    let Ok(entry) = std::env::var(ENTRY_VAR) else {
        return;
    };
    let (body, used) = measure(&entry);
    println!("MEASURED {entry} {body} {used}");
}

/// Runs one measurement in a child process of this test binary: (body bytes, peak over baseline).
fn run_child(entry: &str) -> (usize, usize) {
    let output = std::process::Command::new(std::env::current_exe().expect("the test binary"))
        .args(["--exact", "child_measurement", "--nocapture", "--test-threads=1"])
        .env(ENTRY_VAR, entry)
        .output()
        .expect("run the child measurement");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{entry}: {stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let line = stdout
        .lines()
        .find_map(|l| Some(l.split_once(&format!("MEASURED {entry} "))?.1))
        .unwrap_or_else(|| panic!("{entry}: no figure in {stdout}"));
    let mut figures = line.split_whitespace().map(|n| n.parse::<usize>().expect("a figure"));
    (figures.next().unwrap(), figures.next().unwrap())
}

#[test]
fn a_50_mib_reply_decodes_within_3x_its_size() {
    let ratio = |(body, used): (usize, usize)| used as f64 / body as f64;
    let owned = run_child("owned");
    let borrowed = run_child("borrowed");
    eprintln!(
        "50 MiB companies.get reply, peak resident set over the baseline: \
         decode_response_owned (execute) {:.1} MiB = {:.2}x; \
         decode_response with the caller's buffer alive {:.1} MiB = {:.2}x",
        owned.1 as f64 / MIB as f64,
        ratio(owned),
        borrowed.1 as f64 / MIB as f64,
        ratio(borrowed),
    );
    // What `execute` costs: the body once (kept by the response), the decoded texts, the records.
    assert!(
        ratio(owned) <= 3.0,
        "peak {:.2}x the reply size (limit 3x)",
        ratio(owned)
    );
    // Decoding a borrowed body costs exactly one more copy of it (the one the response keeps).
    assert!(
        ratio(borrowed) <= ratio(owned) + 1.05,
        "borrowed {:.2}x vs owned {:.2}x: more than the one copy",
        ratio(borrowed),
        ratio(owned)
    );
}
