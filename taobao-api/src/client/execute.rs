//! The async call path: one `tracing` span per call (method, access, attempt, latency), a fresh
//! timestamp and signature per attempt, and the retry loop of [`crate::retry`].
//!
//! One attempt is `send_once` (transport: POST, redirect and origin checks, the body read under
//! the size limit) yielding a [`RawReply`], then one reader function turning it into the call's
//! result ([`read_typed`] / [`read_raw`]); the retry step sees only that result.

use super::body::{BodyBuffer, declared_length};
use super::prepare::{CallOptions, PreparedCall};
use super::reply::{RawReply, read_raw, read_typed};
use super::{Client, Config};
use crate::error::Error;
use crate::request::{Access, Params, TopRequest};
use crate::retry::Decision;
use serde_json::Value;
use std::time::{Duration, Instant};
use tracing::Instrument;

pub(crate) const USER_AGENT: &str = concat!("taobao-api-rust/", env!("CARGO_PKG_VERSION"));
pub(crate) const FORM_CONTENT_TYPE: &str = "application/x-www-form-urlencoded;charset=UTF-8";

impl Client {
    /// Validates, signs and sends `request`, with the user's `session` when the API needs one,
    /// and returns the typed response. A validation failure returns [`Error::Validation`]
    /// without any HTTP call. Failures are retried by the rules of
    /// [`ClientBuilder::retry`](crate::ClientBuilder::retry): a write (per the API's
    /// [`crate::ApiInfo::access`]) is never sent twice after an ambiguous failure unless the
    /// caller opted in.
    pub async fn execute<R: TopRequest>(&self, request: &R, session: Option<&str>) -> Result<R::Response, Error> {
        self.execute_with(request, &CallOptions::with_session(session)).await
    }

    /// [`Client::execute`] with per-call options (session, extra parameters, timestamp, retry
    /// of writes, access).
    pub async fn execute_with<R: TopRequest>(&self, request: &R, options: &CallOptions) -> Result<R::Response, Error> {
        request.validate()?;
        let mut params = Params::new();
        request.write_params(&mut params);
        let access = options.access.unwrap_or(R::info().access);
        let simplify = self.config.simplify;
        self.call(R::METHOD, &params, options, access, |reply| {
            read_typed::<R>(reply, simplify)
        })
        .await
    }

    /// Calls any method with hand-made parameters (for APIs without generated bindings) and
    /// returns the response object (the `<key>_response` member) as JSON.
    ///
    /// Without an `ApiInfo` the client cannot tell a read from a write, so the call is treated
    /// as a write: it is not repeated after an ambiguous failure unless opted in. Mark a read
    /// with [`CallOptions::access`] through [`Client::execute_raw_with`].
    pub async fn execute_raw(&self, method: &str, params: &Params, session: Option<&str>) -> Result<Value, Error> {
        self.execute_raw_with(method, params, &CallOptions::with_session(session))
            .await
    }

    /// [`Client::execute_raw`] with per-call options.
    pub async fn execute_raw_with(&self, method: &str, params: &Params, options: &CallOptions) -> Result<Value, Error> {
        let access = options.access.unwrap_or(Access::Write);
        let simplify = self.config.simplify;
        self.call(method, params, options, access, |reply| {
            read_raw(reply, method, simplify)
        })
        .await
    }

    async fn call<T>(
        &self,
        method: &str,
        params: &Params,
        options: &CallOptions,
        access: Access,
        read: impl Fn(RawReply) -> Result<T, Error>,
    ) -> Result<T, Error> {
        let span = tracing::info_span!(
            "top_call",
            method,
            access = access.as_str(),
            attempt = tracing::field::Empty,
            latency_ms = tracing::field::Empty
        );
        let may_repeat = may_repeat(&self.config, options, access);
        self.call_with_retries(method, params, options, may_repeat, read, &span)
            .instrument(span.clone())
            .await
    }

    async fn call_with_retries<T>(
        &self,
        method: &str,
        params: &Params,
        options: &CallOptions,
        may_repeat: bool,
        read: impl Fn(RawReply) -> Result<T, Error>,
        span: &tracing::Span,
    ) -> Result<T, Error> {
        let config: &Config = &self.config;
        let started = Instant::now();
        let mut retries = 0;
        loop {
            span.record("attempt", retries + 1);
            let prepared = config.prepare(method, params, options)?;
            let attempt_started = Instant::now();
            let outcome = self.send_once(&prepared).await.and_then(&read);
            let attempt_ms = attempt_started.elapsed().as_millis() as u64;
            span.record("latency_ms", started.elapsed().as_millis() as u64);
            match after_attempt(config, outcome, retries, attempt_ms, may_repeat) {
                Next::Done(result) => return result,
                Next::RetryAfter(wait) => tokio::time::sleep(wait).await,
            }
            retries += 1;
        }
    }

    /// One attempt's transport: POST to the gateway, refuse redirects and replies from
    /// elsewhere, read the body under the size limit.
    async fn send_once(&self, call: &PreparedCall) -> Result<RawReply, Error> {
        let timeout = self.config.request_timeout;
        let req = self
            .http
            .post(self.endpoint.clone())
            .timeout(timeout)
            .header(reqwest::header::USER_AGENT, USER_AGENT)
            .header(reqwest::header::ACCEPT, "application/json");
        let req = if call.is_multipart() {
            let mut form = reqwest::multipart::Form::new();
            for (k, v) in call.fields() {
                form = form.text(k.to_owned(), v.to_owned());
            }
            for (name, file) in call.files() {
                let part = reqwest::multipart::Part::bytes(file.content.clone())
                    .file_name(file.file_name.clone())
                    .mime_str(&file.mime_type)
                    .map_err(|_| Error::Config(format!("file `{name}` has an invalid MIME type")))?;
                form = form.part(name.clone(), part);
            }
            req.multipart(form)
        } else {
            req.header(reqwest::header::CONTENT_TYPE, FORM_CONTENT_TYPE)
                .body(call.form_body())
        };
        let mut resp = req.send().await.map_err(|e| Error::from_reqwest(e, Some(timeout)))?;
        let status = resp.status().as_u16();
        check_origin(&self.endpoint, resp.url(), status, resp.headers())?;
        let mut body = BodyBuffer::new(declared_length(resp.headers()), self.config.max_response_size)?;
        while let Some(chunk) = resp.chunk().await.map_err(|e| Error::from_reqwest(e, Some(timeout)))? {
            body.push(&chunk)?;
        }
        Ok(RawReply {
            status,
            body: body.finish(),
        })
    }
}

/// Whether a call may be sent again after an ambiguous failure: a read, or a write the caller
/// opted in (per call, else per client).
pub(crate) fn may_repeat(config: &Config, options: &CallOptions, access: Access) -> bool {
    access == Access::Read || options.retry_writes.unwrap_or(config.retry_writes)
}

/// Refuses a reply that is a redirect (3xx: never followed) or that came from another URL than
/// the gateway (a caller-supplied HTTP client followed a redirect; its reply is discarded).
pub(crate) fn check_origin(
    endpoint: &reqwest::Url,
    final_url: &reqwest::Url,
    status: u16,
    headers: &reqwest::header::HeaderMap,
) -> Result<(), Error> {
    if final_url != endpoint {
        return Err(Error::Redirect {
            status,
            location: Some(final_url.as_str().to_owned()),
            followed: true,
        });
    }
    if (300..400).contains(&status) {
        let location = headers
            .get(reqwest::header::LOCATION)
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
        return Err(Error::Redirect {
            status,
            location,
            followed: false,
        });
    }
    Ok(())
}

/// What follows an attempt.
pub(crate) enum Next<T> {
    /// The call ends with this: the response, or an error that is not retried.
    Done(Result<T, Error>),
    /// Sleep this long, then try again.
    RetryAfter(Duration),
}

/// What follows attempt `retries + 1`, shared by the async and blocking clients; logs the
/// outcome either way. `may_repeat`: see [`may_repeat`].
pub(crate) fn after_attempt<T>(
    config: &Config,
    outcome: Result<T, Error>,
    retries: u32,
    attempt_ms: u64,
    may_repeat: bool,
) -> Next<T> {
    let attempt = retries + 1;
    let err = match outcome {
        Ok(ok) => {
            tracing::debug!(attempt, attempt_ms, "TOP call succeeded");
            return Next::Done(Ok(ok));
        }
        Err(e) => e,
    };
    match config.retry.decide_for(&err, retries, may_repeat) {
        Decision::GiveUp => {
            // Say so when only the write rule stopped a retry: the caller may opt in.
            let write_not_repeated = !may_repeat && config.retry.decide(&err, retries) != Decision::GiveUp;
            if write_not_repeated {
                tracing::debug!(
                    attempt,
                    attempt_ms,
                    error = %err,
                    "TOP call failed; not retried: the write may have been processed (see retry_writes)"
                );
            } else {
                tracing::debug!(attempt, attempt_ms, error = %err, "TOP call failed");
            }
            Next::Done(Err(err))
        }
        Decision::RetryAfter(wait) => {
            tracing::info!(attempt, attempt_ms, wait_ms = wait.as_millis() as u64, error = %err, "retrying TOP call");
            Next::RetryAfter(wait)
        }
    }
}
