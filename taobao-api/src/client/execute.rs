//! The async call path: one `tracing` span per call (method, attempt, latency), a fresh
//! timestamp and signature per attempt, and the retry loop of [`crate::retry`].

use super::prepare::{CallOptions, PreparedCall};
use super::response::{extract, typed};
use super::{Client, Config};
use crate::error::Error;
use crate::request::{Params, TopRequest};
use crate::retry::Decision;
use serde_json::Value;
use std::time::{Duration, Instant};
use tracing::Instrument;

pub(crate) const USER_AGENT: &str = concat!("taobao-api-rust/", env!("CARGO_PKG_VERSION"));
pub(crate) const FORM_CONTENT_TYPE: &str = "application/x-www-form-urlencoded;charset=UTF-8";

impl Client {
    /// Validates, signs and sends `request`, with the user's `session` when the API needs one,
    /// and returns the typed response. A validation failure returns [`Error::Validation`]
    /// without any HTTP call.
    pub async fn execute<R: TopRequest>(&self, request: &R, session: Option<&str>) -> Result<R::Response, Error> {
        self.execute_with(request, &CallOptions::with_session(session)).await
    }

    /// [`Client::execute`] with per-call options (session, extra parameters, timestamp).
    pub async fn execute_with<R: TopRequest>(&self, request: &R, options: &CallOptions) -> Result<R::Response, Error> {
        request.validate()?;
        let mut params = Params::new();
        request.write_params(&mut params);
        let (value, body) = self.call(R::METHOD, &params, options).await?;
        typed(value, &body)
    }

    /// Calls any method with hand-made parameters (for APIs without generated bindings) and
    /// returns the response object (the `<key>_response` member) as JSON.
    pub async fn execute_raw(&self, method: &str, params: &Params, session: Option<&str>) -> Result<Value, Error> {
        self.execute_raw_with(method, params, &CallOptions::with_session(session))
            .await
    }

    /// [`Client::execute_raw`] with per-call options.
    pub async fn execute_raw_with(&self, method: &str, params: &Params, options: &CallOptions) -> Result<Value, Error> {
        Ok(self.call(method, params, options).await?.0)
    }

    async fn call(&self, method: &str, params: &Params, options: &CallOptions) -> Result<(Value, String), Error> {
        let span = tracing::info_span!(
            "top_call",
            method,
            attempt = tracing::field::Empty,
            latency_ms = tracing::field::Empty
        );
        self.call_with_retries(method, params, options, &span)
            .instrument(span.clone())
            .await
    }

    async fn call_with_retries(
        &self,
        method: &str,
        params: &Params,
        options: &CallOptions,
        span: &tracing::Span,
    ) -> Result<(Value, String), Error> {
        let config: &Config = &self.config;
        let started = Instant::now();
        let mut retries = 0;
        loop {
            span.record("attempt", retries + 1);
            let prepared = config.prepare(method, params, options)?;
            let attempt_started = Instant::now();
            let outcome = self.send_once(&prepared).await;
            let attempt_ms = attempt_started.elapsed().as_millis() as u64;
            span.record("latency_ms", started.elapsed().as_millis() as u64);
            match after_attempt(config, outcome, retries, attempt_ms) {
                Next::Done(result) => return result,
                Next::RetryAfter(wait) => tokio::time::sleep(wait).await,
            }
            retries += 1;
        }
    }

    async fn send_once(&self, call: &PreparedCall) -> Result<(Value, String), Error> {
        let timeout = self.config.request_timeout;
        let req = self
            .http
            .post(&self.config.gateway)
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
        let resp = req.send().await.map_err(|e| Error::from_reqwest(e, Some(timeout)))?;
        let status = resp.status().as_u16();
        let body = resp.text().await.map_err(|e| Error::from_reqwest(e, Some(timeout)))?;
        let value = extract(status, &body, call.method(), self.config.simplify)?;
        Ok((value, body))
    }
}

/// What follows an attempt.
pub(crate) enum Next {
    /// The call ends with this: the response, or an error that is not retried.
    Done(Result<(Value, String), Error>),
    /// Sleep this long, then try again.
    RetryAfter(Duration),
}

/// What follows attempt `retries + 1`, shared by the async and blocking clients; logs the
/// outcome either way.
pub(crate) fn after_attempt(
    config: &Config,
    outcome: Result<(Value, String), Error>,
    retries: u32,
    attempt_ms: u64,
) -> Next {
    let attempt = retries + 1;
    let err = match outcome {
        Ok(ok) => {
            tracing::debug!(attempt, attempt_ms, "TOP call succeeded");
            return Next::Done(Ok(ok));
        }
        Err(e) => e,
    };
    match config.retry.decide(&err, retries) {
        Decision::GiveUp => {
            tracing::debug!(attempt, attempt_ms, error = %err, "TOP call failed");
            Next::Done(Err(err))
        }
        Decision::RetryAfter(wait) => {
            tracing::info!(attempt, attempt_ms, wait_ms = wait.as_millis() as u64, error = %err, "retrying TOP call");
            Next::RetryAfter(wait)
        }
    }
}
