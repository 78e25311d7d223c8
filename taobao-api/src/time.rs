//! TOP times: `yyyy-MM-dd HH:mm:ss` in GMT+8 (China Standard Time), whatever the machine's time
//! zone. The `timestamp` system parameter and every date field use this form.
//!
//! Conversions go through a fixed UTC+8 offset, never the local zone (some SDKs got this wrong:
//! docs/protocol.md §9.3), so `TZ` cannot change the output.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDateTime, TimeZone, Timelike, Utc};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

const GMT8_SECS: i32 = 8 * 3600;

/// The UTC+8 offset TOP uses.
pub fn gmt8() -> FixedOffset {
    // 8 hours is well inside chrono's ±24 h range.
    FixedOffset::east_opt(GMT8_SECS).expect("UTC+8 is a valid offset")
}

/// Formats an instant as `yyyy-MM-dd HH:mm:ss` in GMT+8. An instant beyond the calendar's
/// range (about ±262,000 years) is formatted as the nearest end of that range; see
/// [`try_format_gmt8`] to detect it.
pub fn format_gmt8(t: SystemTime) -> String {
    try_format_gmt8(t).unwrap_or_else(|| {
        let end = if t < UNIX_EPOCH {
            DateTime::<Utc>::MIN_UTC
        } else {
            DateTime::<Utc>::MAX_UTC
        };
        end.with_timezone(&gmt8()).format("%Y-%m-%d %H:%M:%S").to_string()
    })
}

/// [`format_gmt8`], or `None` for an instant beyond the calendar's range.
pub fn try_format_gmt8(t: SystemTime) -> Option<String> {
    let dt = to_gmt8(t)?;
    let year = dt.year();
    if !(0..=9999).contains(&year) {
        // Outside four digits: rare enough for the general formatter.
        return Some(dt.format("%Y-%m-%d %H:%M:%S").to_string());
    }
    // Digit by digit: this runs for every call and is several times faster than `write!`.
    let mut s = String::with_capacity(19);
    let year = year as u32;
    push2(&mut s, year / 100);
    push2(&mut s, year % 100);
    for (sep, v) in [
        ('-', dt.month()),
        ('-', dt.day()),
        (' ', dt.hour()),
        (':', dt.minute()),
        (':', dt.second()),
    ] {
        s.push(sep);
        push2(&mut s, v);
    }
    Some(s)
}

fn push2(s: &mut String, v: u32) {
    s.push(char::from(b'0' + (v / 10 % 10) as u8));
    s.push(char::from(b'0' + (v % 10) as u8));
}

/// The current time as a TOP `timestamp`.
pub fn now_gmt8() -> String {
    format_gmt8(SystemTime::now())
}

/// Parses `yyyy-MM-dd HH:mm:ss` as GMT+8; `None` when the text is not in that form.
pub fn parse_gmt8(text: &str) -> Option<SystemTime> {
    let naive = NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").ok()?;
    let dt = gmt8().from_local_datetime(&naive).single()?;
    let secs = dt.timestamp();
    if secs >= 0 {
        Some(UNIX_EPOCH + Duration::from_secs(secs as u64))
    } else {
        UNIX_EPOCH.checked_sub(Duration::from_secs(secs.unsigned_abs()))
    }
}

/// Parses a `timestamp` as the gateway accepts it: the GMT+8 text form, or epoch milliseconds
/// (what the official Python SDK sends).
pub fn parse_timestamp(text: &str) -> Option<SystemTime> {
    if !text.is_empty() && text.len() <= 16 && text.bytes().all(|b| b.is_ascii_digit()) {
        let ms: u64 = text.parse().ok()?;
        return UNIX_EPOCH.checked_add(Duration::from_millis(ms));
    }
    parse_gmt8(text)
}

/// `None` beyond chrono's range (its `From<SystemTime>` would panic there).
pub(crate) fn to_gmt8(t: SystemTime) -> Option<DateTime<FixedOffset>> {
    let utc = match t.duration_since(UNIX_EPOCH) {
        Ok(d) => DateTime::from_timestamp(i64::try_from(d.as_secs()).ok()?, d.subsec_nanos())?,
        Err(e) => {
            let d = e.duration();
            let secs = i64::try_from(d.as_secs()).ok()?;
            // Whole seconds before the epoch, then the remaining nanoseconds forward.
            match d.subsec_nanos() {
                0 => DateTime::from_timestamp(-secs, 0)?,
                n => DateTime::from_timestamp(secs.checked_neg()?.checked_sub(1)?, 1_000_000_000 - n)?,
            }
        }
    };
    Some(utc.with_timezone(&gmt8()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_in_gmt8_zero_padded() {
        // 2024-03-28 08:38:11 UTC is 16:38:11 in GMT+8.
        let t = UNIX_EPOCH + Duration::from_secs(1_711_615_091);
        assert_eq!(format_gmt8(t), "2024-03-28 16:38:11");
        assert_eq!(format_gmt8(UNIX_EPOCH), "1970-01-01 08:00:00");
        // Crossing midnight and a year boundary in GMT+8 while still the old day in UTC.
        let t = UNIX_EPOCH + Duration::from_secs(1_704_038_400); // 2023-12-31 16:00:00 UTC
        assert_eq!(format_gmt8(t), "2024-01-01 00:00:00");
        let t = UNIX_EPOCH + Duration::from_secs(253_402_300_800); // 10000-01-01 00:00:00 UTC
        assert_eq!(format_gmt8(t), "+10000-01-01 08:00:00");
        // Before the epoch, with a fraction of a second: still the second it falls in.
        let t = UNIX_EPOCH - Duration::from_millis(500);
        assert_eq!(format_gmt8(t), "1970-01-01 07:59:59");
    }

    #[test]
    fn instants_beyond_the_calendar_do_not_panic() {
        let far = UNIX_EPOCH + Duration::from_secs(1 << 50);
        assert_eq!(try_format_gmt8(far), None);
        assert!(format_gmt8(far).ends_with(":59"), "{}", format_gmt8(far));
        if let Some(early) = UNIX_EPOCH.checked_sub(Duration::from_secs(1 << 50)) {
            assert_eq!(try_format_gmt8(early), None);
            assert!(!format_gmt8(early).is_empty());
        }
    }

    #[test]
    fn parse_inverts_format() {
        let t = UNIX_EPOCH + Duration::from_secs(1_711_615_091);
        assert_eq!(parse_gmt8("2024-03-28 16:38:11"), Some(t));
        assert_eq!(parse_timestamp("1711615091000"), Some(t));
        assert_eq!(parse_gmt8("2024-03-28T16:38:11"), None);
        assert_eq!(parse_gmt8("2024-13-28 16:38:11"), None);
        assert_eq!(parse_timestamp(""), None);
        assert_eq!(parse_timestamp("yesterday"), None);
    }
}
