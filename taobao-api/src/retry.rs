//! When and how long to wait before trying a failed call again.
//!
//! Only transient failures ([`Error::is_transient`]) are retried, with bounded exponential backoff
//! and jitter; a wait the platform states (`This ban will last for N more seconds`) is honoured
//! up to [`RetryPolicy::max_stated_wait`], and above it the error is returned at once (it carries
//! `retry_after`). Validation, signature and `isv.*` errors are never transient, so never retried.
//!
//! A write is never sent twice unless the caller opted in: after an *ambiguous* failure (a
//! timeout, a connection lost once the request may have been sent, HTTP 5xx, `isp.*` or code 10)
//! only reads are retried; failures that prove the request was not processed
//! ([`Error::not_processed`]: a connect failure, a call-limit rejection, HTTP 429) are retried for
//! writes too. The daily app quota (code 7, [`DAILY_QUOTA_SUB_CODE`]) is never retried: its ban
//! lasts hours, and every further attempt only confirms it.

use crate::error::Error;
use rand::Rng;
use std::time::Duration;

/// How the client retries transient failures. [`RetryPolicy::none`] turns retries off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first attempt (0 = no retries).
    pub max_retries: u32,
    /// Backoff before the first retry; doubles for each further retry.
    pub base_delay: Duration,
    /// Upper bound of one backoff.
    pub max_delay: Duration,
    /// The longest platform-stated wait the client sleeps through; longer bans are returned at
    /// once as errors with `retry_after`.
    pub max_stated_wait: Duration,
}

impl Default for RetryPolicy {
    /// 2 retries, 100 ms doubling up to 2 s, platform-stated waits up to 5 s.
    fn default() -> Self {
        RetryPolicy {
            max_retries: 2,
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_secs(2),
            max_stated_wait: Duration::from_secs(5),
        }
    }
}

/// The `sub_code` of code 7 when the app's daily call quota is used up: never retried.
pub const DAILY_QUOTA_SUB_CODE: &str = "accesscontrol.limited-by-app-access-count";

/// What to do after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Sleep this long, then try again.
    RetryAfter(Duration),
    /// Return the error.
    GiveUp,
}

impl RetryPolicy {
    /// No retries at all.
    pub fn none() -> Self {
        RetryPolicy {
            max_retries: 0,
            ..RetryPolicy::default()
        }
    }

    /// Decides after the failure of attempt number `retries_done + 1` of a call that may be
    /// repeated (a read, or a write the caller opted in): [`RetryPolicy::decide_for`] with
    /// `may_repeat = true`.
    pub fn decide(&self, err: &Error, retries_done: u32) -> Decision {
        self.decide_for(err, retries_done, true)
    }

    /// Decides after the failure of attempt number `retries_done + 1`. `may_repeat` says whether
    /// the call may be sent again after an ambiguous failure: true for a read or a write the
    /// caller opted in, false for other writes, which are then retried only after failures
    /// that prove the request was not processed ([`Error::not_processed`]).
    ///
    /// Given up at once: a non-transient error, the retry budget spent, the daily app quota
    /// (code 7 with [`DAILY_QUOTA_SUB_CODE`]), a stated wait above
    /// [`RetryPolicy::max_stated_wait`]. Otherwise the stated wait, or the backoff.
    pub fn decide_for(&self, err: &Error, retries_done: u32, may_repeat: bool) -> Decision {
        if retries_done >= self.max_retries || !err.is_transient() || is_daily_quota(err) {
            return Decision::GiveUp;
        }
        if !may_repeat && !err.not_processed() {
            return Decision::GiveUp;
        }
        match err.retry_after() {
            Some(wait) if wait > self.max_stated_wait => Decision::GiveUp,
            Some(wait) => Decision::RetryAfter(wait),
            None => Decision::RetryAfter(self.backoff(retries_done, rand::rng().random::<f64>())),
        }
    }

    /// The backoff before retry `retries_done + 1`: `base * 2^retries_done`, capped at
    /// `max_delay`, scaled into `[50%, 100%]` by `jitter` in `[0, 1)`.
    pub fn backoff(&self, retries_done: u32, jitter: f64) -> Duration {
        let factor = 2u32.saturating_pow(retries_done.min(30));
        let full = self.base_delay.saturating_mul(factor).min(self.max_delay);
        full.mul_f64(0.5 + 0.5 * jitter.clamp(0.0, 1.0))
    }
}

/// Code 7 with [`DAILY_QUOTA_SUB_CODE`]: the app's calls of the day are used up.
pub(crate) fn is_daily_quota(err: &Error) -> bool {
    err.code() == Some(7) && err.sub_code() == Some(DAILY_QUOTA_SUB_CODE)
}

/// The seconds in a platform message like `This ban will last for 31062 more seconds`.
pub fn parse_ban_wait(text: &str) -> Option<Duration> {
    let rest = &text[text.find("will last for ")? + "will last for ".len()..];
    let digits: &str = &rest[..rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len())];
    if digits.is_empty() || !rest[digits.len()..].trim_start().starts_with("more second") {
        return None;
    }
    // A number too large for u64 is still a stated wait (a very long one), not "no wait".
    Some(Duration::from_secs(digits.parse().unwrap_or(u64::MAX)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn platform(code: i32, sub_code: &str, retry_after: Option<Duration>) -> Error {
        Error::Platform {
            code,
            msg: String::new(),
            sub_code: Some(sub_code.into()),
            sub_msg: None,
            request_id: None,
            transient: crate::error::is_transient_platform(code, Some(sub_code)),
            retry_after,
        }
    }

    #[test]
    fn ban_waits_are_read_from_the_platform_text() {
        assert_eq!(
            parse_ban_wait("This ban will last for 31062 more seconds"),
            Some(Duration::from_secs(31062))
        );
        assert_eq!(
            parse_ban_wait("This ban will last for 1 more second"),
            Some(Duration::from_secs(1))
        );
        assert_eq!(parse_ban_wait("This ban will last for many more seconds"), None);
        assert_eq!(parse_ban_wait("This ban will last for 12 hours"), None);
        assert_eq!(parse_ban_wait("will last for "), None);
        assert_eq!(parse_ban_wait(""), None);
        assert_eq!(
            parse_ban_wait("This ban will last for 99999999999999999999999 more seconds"),
            Some(Duration::from_secs(u64::MAX))
        );
    }

    #[test]
    fn backoff_doubles_caps_and_jitters_within_half() {
        let p = RetryPolicy::default();
        assert_eq!(p.backoff(0, 0.999_999).as_millis(), 99);
        assert_eq!(p.backoff(0, 0.0), Duration::from_millis(50));
        assert_eq!(p.backoff(1, 0.0), Duration::from_millis(100));
        assert_eq!(p.backoff(3, 0.0), Duration::from_millis(400));
        assert_eq!(p.backoff(10, 0.0), Duration::from_secs(1));
        assert_eq!(p.backoff(u32::MAX, 0.0), Duration::from_secs(1));
    }

    #[test]
    fn only_transient_errors_within_budget_are_retried() {
        let p = RetryPolicy::default();
        let isp = platform(15, "isp.remote-service-timeout", None);
        assert!(matches!(p.decide(&isp, 0), Decision::RetryAfter(d) if d <= Duration::from_millis(100)));
        assert_eq!(p.decide(&isp, 2), Decision::GiveUp);
        assert_eq!(
            p.decide(&platform(15, "isv.invalid-parameter", None), 0),
            Decision::GiveUp
        );
        assert_eq!(p.decide(&platform(25, "", None), 0), Decision::GiveUp);
        assert_eq!(RetryPolicy::none().decide(&isp, 0), Decision::GiveUp);
    }

    #[test]
    fn writes_are_retried_only_after_failures_that_prove_nothing_was_processed() {
        let p = RetryPolicy::default();
        let ambiguous = [
            platform(15, "isp.remote-service-timeout", None),
            platform(10, "isp.service-unavailable", None),
            Error::Timeout { after: None },
            Error::Http {
                status: 502,
                snippet: String::new(),
                body: None,
            },
        ];
        for err in &ambiguous {
            assert!(matches!(p.decide_for(err, 0, true), Decision::RetryAfter(_)), "{err}");
            assert_eq!(p.decide_for(err, 0, false), Decision::GiveUp, "{err}");
        }
        let rejected = [
            platform(
                7,
                "accesscontrol.limited-by-api-access-count",
                Some(Duration::from_secs(1)),
            ),
            platform(7, "accesscontrol.limited-by-app-api-access-count", None),
            platform(8, "", None),
            platform(4, "", None),
            Error::Http {
                status: 429,
                snippet: String::new(),
                body: None,
            },
        ];
        for err in &rejected {
            assert!(err.not_processed(), "{err}");
            assert!(matches!(p.decide_for(err, 0, false), Decision::RetryAfter(_)), "{err}");
        }
        assert_eq!(
            p.decide_for(&rejected[0], 0, false),
            Decision::RetryAfter(Duration::from_secs(1)),
            "a stated wait is used as is"
        );
        // The budget still bounds them.
        assert_eq!(p.decide_for(&rejected[2], 2, false), Decision::GiveUp);
        // A ban whose sub_code says the service failed is ambiguous again.
        assert!(!platform(7, "isp.flow-control-error", None).not_processed());
    }

    #[test]
    fn the_daily_quota_is_never_retried_whatever_it_states() {
        let p = RetryPolicy::default();
        for wait in [None, Some(Duration::from_secs(1)), Some(Duration::from_secs(31062))] {
            let err = platform(7, DAILY_QUOTA_SUB_CODE, wait);
            assert!(err.is_transient(), "it is transient: tomorrow it works");
            assert_eq!(err.retry_after(), wait);
            assert_eq!(p.decide_for(&err, 0, true), Decision::GiveUp, "{wait:?}");
            assert_eq!(p.decide(&err, 0), Decision::GiveUp, "{wait:?}");
        }
    }

    #[test]
    fn stated_waits_are_honoured_up_to_the_cap() {
        let p = RetryPolicy::default();
        let short = platform(
            7,
            "accesscontrol.limited-by-api-access-count",
            Some(Duration::from_secs(2)),
        );
        assert_eq!(p.decide(&short, 0), Decision::RetryAfter(Duration::from_secs(2)));
        let long = platform(
            7,
            "accesscontrol.limited-by-app-access-count",
            Some(Duration::from_secs(31062)),
        );
        assert_eq!(p.decide(&long, 0), Decision::GiveUp);
        let absurd = platform(
            7,
            "accesscontrol.x",
            parse_ban_wait("will last for 1000000000000000000000 more seconds"),
        );
        assert_eq!(p.decide(&absurd, 0), Decision::GiveUp);
    }
}
