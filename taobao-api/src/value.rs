//! Value types generated bindings share: [`Timestamp`] (TOP's GMT+8 `yyyy-MM-dd HH:mm:ss`) and
//! [`ErrorCodeDoc`].

use crate::time::{gmt8, to_gmt8};
use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike, Utc};
use std::fmt;
use std::str::FromStr;
use std::time::SystemTime;

const FORMAT: &str = "%Y-%m-%d %H:%M:%S";

/// A TOP date-time: an instant, written as its wall-clock time in GMT+8 (`yyyy-MM-dd HH:mm:ss`).
///
/// Build one from an instant ([`SystemTime`], any chrono `DateTime<Tz>`) and it is converted to
/// GMT+8 for you, so it cannot be 8 hours off; [`Timestamp::from_gmt8`] takes a wall-clock
/// time that is already GMT+8 (as TOP writes it).
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use taobao_api::Timestamp;
/// use taobao_api::chrono::{TimeZone, Utc};
///
/// let noon_utc = Utc.with_ymd_and_hms(2024, 3, 28, 4, 0, 0).unwrap();
/// assert_eq!(Timestamp::from(noon_utc).to_string(), "2024-03-28 12:00:00");
/// let t = Timestamp::from(UNIX_EPOCH + Duration::from_secs(1_711_598_400));
/// assert_eq!(t.to_string(), "2024-03-28 12:00:00");
/// assert_eq!("2024-03-28 12:00:00".parse::<Timestamp>().unwrap(), t);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(NaiveDateTime);

impl Timestamp {
    /// A wall-clock time that is already in GMT+8 (`2024-03-28 16:38:11` as TOP writes it).
    pub fn from_gmt8(wall_clock: NaiveDateTime) -> Self {
        Timestamp(wall_clock)
    }

    /// The GMT+8 wall-clock time.
    pub fn naive(&self) -> NaiveDateTime {
        self.0
    }

    /// The instant, in UTC.
    pub fn to_utc(&self) -> DateTime<Utc> {
        // A fixed offset maps every wall-clock time to exactly one instant.
        gmt8()
            .from_local_datetime(&self.0)
            .single()
            .map_or_else(|| self.0.and_utc(), |t| t.with_timezone(&Utc))
    }

    /// Parses `yyyy-MM-dd HH:mm:ss` (also with `T` between date and time, or a bare
    /// `yyyy-MM-dd`, read as midnight).
    pub fn parse(text: &str) -> Option<Timestamp> {
        let text = text.trim();
        let (t, rest) = parse_leading(text)?;
        rest.is_empty().then_some(t)
    }

    /// Like the Java SDK's `SimpleDateFormat.parse`: reads a date-time at the start of the text
    /// and ignores what follows (`2024-03-28 16:38:11.0` is 16:38:11).
    pub fn parse_prefix(text: &str) -> Option<Timestamp> {
        parse_leading(text.trim()).map(|(t, _)| t)
    }

    /// The GMT+8 wall-clock time of an instant given in milliseconds since the Unix epoch.
    pub fn from_epoch_millis(ms: i64) -> Option<Timestamp> {
        let utc = DateTime::from_timestamp_millis(ms)?;
        // Checked: a reply number near chrono's limit must decode to "no date", not panic.
        utc.naive_utc()
            .checked_add_signed(chrono::Duration::hours(8))
            .map(Timestamp)
    }

    /// Appends `yyyy-MM-dd HH:mm:ss` to `out` (the hot path of encoding: no formatter).
    pub fn write_to(&self, out: &mut String) {
        let d = self.0;
        let year = d.year();
        if !(0..=9999).contains(&year) {
            use std::fmt::Write;
            let _ = write!(out, "{}", d.format(FORMAT));
            return;
        }
        let mut buf = *b"0000-00-00 00:00:00";
        let put = |buf: &mut [u8; 19], at: usize, v: u32| {
            buf[at] = b'0' + (v / 10 % 10) as u8;
            buf[at + 1] = b'0' + (v % 10) as u8;
        };
        put(&mut buf, 0, year as u32 / 100);
        put(&mut buf, 2, year as u32 % 100);
        put(&mut buf, 5, d.month());
        put(&mut buf, 8, d.day());
        put(&mut buf, 11, d.hour());
        put(&mut buf, 14, d.minute());
        put(&mut buf, 17, d.second());
        // Every byte is an ASCII digit or separator.
        out.push_str(std::str::from_utf8(&buf).unwrap_or_default());
    }
}

/// A date-time at the start of `text`, and the rest of the text.
fn parse_leading(text: &str) -> Option<(Timestamp, &str)> {
    let b = text.as_bytes();
    let num = |range: std::ops::Range<usize>| -> Option<u32> {
        let digits = b.get(range)?;
        digits.iter().try_fold(0u32, |acc, &d| {
            d.is_ascii_digit().then(|| acc * 10 + u32::from(d - b'0'))
        })
    };
    let fixed = b.get(4) == Some(&b'-') && b.get(7) == Some(&b'-');
    if fixed && let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) {
        let date = NaiveDate::from_ymd_opt(y as i32, m, d)?;
        let has_time = matches!(b.get(10), Some(b' ' | b'T')) && b.get(13) == Some(&b':') && b.get(16) == Some(&b':');
        if has_time && let (Some(h), Some(mi), Some(s)) = (num(11..13), num(14..16), num(17..19)) {
            let time = NaiveTime::from_hms_opt(h, mi, s)?;
            return Some((Timestamp(date.and_time(time)), &text[19..]));
        }
        if !b.get(10).is_some_and(u8::is_ascii_digit) {
            return Some((Timestamp(date.and_time(NaiveTime::MIN)), &text[10..]));
        }
    }
    // Unpadded fields (`2024-3-8 9:05:00`), which chrono's parser accepts.
    let (t, rest) = NaiveDateTime::parse_and_remainder(text, FORMAT).ok()?;
    Some((Timestamp(t), rest))
}

impl From<SystemTime> for Timestamp {
    /// The GMT+8 wall-clock time of an instant (an instant beyond chrono's calendar, about
    /// ±262,000 years, becomes the nearest end of it).
    fn from(t: SystemTime) -> Self {
        match to_gmt8(t) {
            Some(dt) => Timestamp(dt.naive_local()),
            None if t < SystemTime::UNIX_EPOCH => Timestamp(NaiveDateTime::MIN),
            None => Timestamp(NaiveDateTime::MAX),
        }
    }
}

impl<Tz: TimeZone> From<DateTime<Tz>> for Timestamp {
    /// The GMT+8 wall-clock time of a zoned instant (any time zone).
    fn from(t: DateTime<Tz>) -> Self {
        Timestamp(t.with_timezone(&gmt8()).naive_local())
    }
}

impl From<Timestamp> for DateTime<Utc> {
    fn from(t: Timestamp) -> Self {
        t.to_utc()
    }
}

impl From<Timestamp> for SystemTime {
    fn from(t: Timestamp) -> Self {
        t.to_utc().into()
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::with_capacity(19);
        self.write_to(&mut s);
        f.write_str(&s)
    }
}

/// The text was not `yyyy-MM-dd HH:mm:ss`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimestampParseError(pub String);

impl fmt::Display for TimestampParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} is not a TOP date (yyyy-MM-dd HH:mm:ss)", self.0)
    }
}

impl std::error::Error for TimestampParseError {}

impl FromStr for Timestamp {
    type Err = TimestampParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Timestamp::parse(s).ok_or_else(|| TimestampParseError(s.to_string()))
    }
}

/// One row of a doc page's 错误码解释 table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ErrorCodeDoc {
    /// 错误码 (usually the `sub_code` of an error response).
    pub code: &'static str,
    /// 错误描述.
    pub description: &'static str,
    /// 解决方案.
    pub solution: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;
    use std::time::{Duration, UNIX_EPOCH};

    #[test]
    fn timestamps_read_and_write_the_top_form() {
        let t = Timestamp::parse("2024-03-28 16:38:11").unwrap();
        assert_eq!(t.to_string(), "2024-03-28 16:38:11");
        assert_eq!(Timestamp::parse("2024-03-28T16:38:11"), Some(t));
        assert_eq!(
            Timestamp::parse("2024-03-28").unwrap().to_string(),
            "2024-03-28 00:00:00"
        );
        assert_eq!(
            Timestamp::parse("2024-3-8 9:05:00").unwrap().to_string(),
            "2024-03-08 09:05:00"
        );
        assert!(Timestamp::parse("28/03/2024").is_none());
        assert!(Timestamp::parse("2024-02-30 00:00:00").is_none());
        assert!(Timestamp::parse("2024-03-28 16:38:11.0").is_none());
        assert_eq!(Timestamp::parse_prefix("2024-03-28 16:38:11.0"), Some(t));
        assert_eq!(Timestamp::parse_prefix("2024-03-28 16:38:11 CST"), Some(t));
        // 2024-03-28 08:38:11 UTC is 16:38:11 in GMT+8.
        assert_eq!(Timestamp::from_epoch_millis(1_711_615_091_000).unwrap(), t);
        let last = DateTime::<Utc>::MAX_UTC.timestamp_millis();
        assert_eq!(Timestamp::from_epoch_millis(last), None);
        assert_eq!(Timestamp::from_epoch_millis(i64::MAX), None);
    }

    #[test]
    fn instants_convert_to_gmt8_whatever_their_zone() {
        let gmt8 = Timestamp::parse("2024-03-28 16:38:11").unwrap();
        let utc = Utc.with_ymd_and_hms(2024, 3, 28, 8, 38, 11).unwrap();
        assert_eq!(Timestamp::from(utc), gmt8);
        let new_york = FixedOffset::west_opt(4 * 3600).unwrap();
        assert_eq!(Timestamp::from(utc.with_timezone(&new_york)), gmt8);
        let instant = UNIX_EPOCH + Duration::from_secs(1_711_615_091);
        assert_eq!(Timestamp::from(instant), gmt8);
        assert_eq!(SystemTime::from(gmt8), instant);
        assert_eq!(gmt8.to_utc(), utc);
        let far = UNIX_EPOCH + Duration::from_secs(1 << 50);
        assert_eq!(Timestamp::from(far).naive(), NaiveDateTime::MAX);
    }
}
