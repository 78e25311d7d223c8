//! Value types and text forms that generated bindings share: [`Timestamp`] (TOP's GMT+8
//! `yyyy-MM-dd HH:mm:ss`), [`ParamText`] (how a top-level scalar becomes a form field, as the
//! Java SDK writes it), the `put_*` helpers of `write_params`, and [`ErrorCodeDoc`].

use crate::json::{ToJson, to_json_string};
use crate::request::{FileItem, Params};
use chrono::{DateTime, NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;
use std::fmt;
use std::str::FromStr;

const FORMAT: &str = "%Y-%m-%d %H:%M:%S";

/// A TOP date-time: wall-clock time in GMT+8, written `yyyy-MM-dd HH:mm:ss`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub NaiveDateTime);

impl Timestamp {
    /// Parses `yyyy-MM-dd HH:mm:ss` (or a bare `yyyy-MM-dd`, read as midnight).
    pub fn parse(text: &str) -> Option<Timestamp> {
        let text = text.trim();
        NaiveDateTime::parse_from_str(text, FORMAT)
            .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S"))
            .ok()
            .or_else(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?.and_hms_opt(0, 0, 0))
            .map(Timestamp)
    }

    /// The GMT+8 wall-clock time of an instant given in milliseconds since the Unix epoch.
    pub fn from_epoch_millis(ms: i64) -> Option<Timestamp> {
        let utc = DateTime::from_timestamp_millis(ms)?;
        // Checked: a response number near chrono's limit must decode to "no date", not panic.
        utc.naive_utc()
            .checked_add_signed(chrono::Duration::hours(8))
            .map(Timestamp)
    }

    /// The wall-clock time (GMT+8).
    pub fn naive(&self) -> NaiveDateTime {
        self.0
    }
}

impl From<NaiveDateTime> for Timestamp {
    fn from(t: NaiveDateTime) -> Self {
        Timestamp(t)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format(FORMAT))
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

/// The form-field text of a top-level scalar parameter (TOP-PROTOCOL.md §5): numbers in
/// decimal, booleans `true`/`false`, dates in GMT+8, lists comma-joined.
pub trait ParamText {
    /// The text sent (and signed).
    fn param_text(&self) -> String;
}

impl ParamText for String {
    fn param_text(&self) -> String {
        self.clone()
    }
}

impl ParamText for i64 {
    fn param_text(&self) -> String {
        self.to_string()
    }
}

impl ParamText for bool {
    fn param_text(&self) -> String {
        self.to_string()
    }
}

impl ParamText for Decimal {
    fn param_text(&self) -> String {
        self.to_string()
    }
}

impl ParamText for Timestamp {
    fn param_text(&self) -> String {
        self.to_string()
    }
}

impl<T: ParamText> ParamText for Vec<T> {
    fn param_text(&self) -> String {
        self.iter().map(ParamText::param_text).collect::<Vec<_>>().join(",")
    }
}

/// Writes a text parameter when present (blank text is dropped by [`Params`]).
pub fn put_text<T: ParamText + ?Sized>(params: &mut Params, wire: &str, value: Option<&T>) {
    if let Some(v) = value {
        params.insert_text(wire, v.param_text());
    }
}

/// Writes an object / list / map parameter as JSON text when present.
pub fn put_json<T: ToJson + ?Sized>(params: &mut Params, wire: &str, value: Option<&T>) {
    if let Some(v) = value {
        params.insert_text(wire, to_json_string(v));
    }
}

/// Writes a file (`byte[]`) parameter when present: multipart, never signed.
pub fn put_file(params: &mut Params, wire: &str, value: Option<&FileItem>) {
    if let Some(f) = value {
        params.insert_file(wire, f.clone());
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

    #[test]
    fn timestamps_read_and_write_the_top_form() {
        let t = Timestamp::parse("2024-03-28 16:38:11").unwrap();
        assert_eq!(t.to_string(), "2024-03-28 16:38:11");
        assert_eq!(
            Timestamp::parse("2024-03-28").unwrap().to_string(),
            "2024-03-28 00:00:00"
        );
        assert!(Timestamp::parse("28/03/2024").is_none());
        // 2024-03-28 08:38:11 UTC is 16:38:11 in GMT+8.
        assert_eq!(Timestamp::from_epoch_millis(1_711_615_091_000).unwrap(), t);
        let last = DateTime::<chrono::Utc>::MAX_UTC.timestamp_millis();
        assert_eq!(Timestamp::from_epoch_millis(last), None);
        assert_eq!(Timestamp::from_epoch_millis(i64::MAX), None);
        assert_eq!(vec![1i64, 2, 3].param_text(), "1,2,3");
        assert_eq!(true.param_text(), "true");
    }
}
