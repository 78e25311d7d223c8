//! The blocking client (feature `blocking`), on `reqwest::blocking`: the same preparation,
//! parsing and retry rules as the async [`crate::Client`], with thread sleeps for backoff.
//!
//! Like `reqwest::blocking`, it must not be used from inside an async runtime.

use super::execute::{FORM_CONTENT_TYPE, Next, USER_AGENT, after_attempt};
use super::prepare::{CallOptions, PreparedCall};
use super::response::{extract, typed};
use super::{Client as AsyncClient, ClientBuilder, Config};
use crate::error::Error;
use crate::request::{Params, TopRequest};
use serde_json::Value;
use std::fmt;
use std::time::Instant;

/// A blocking TOP client. Build it with [`ClientBuilder::build_blocking`].
#[derive(Clone)]
pub struct Client {
    config: Config,
    http: reqwest::blocking::Client,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("blocking::Client")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// Configures a client for the production gateway (same builder as the async client).
    pub fn builder(app_key: impl Into<String>, app_secret: impl Into<String>) -> ClientBuilder {
        AsyncClient::builder(app_key, app_secret)
    }

    pub(crate) fn from_config(config: Config) -> Result<Client, Error> {
        let http = reqwest::blocking::Client::builder()
            .connect_timeout(config.connect_timeout)
            .build()
            .map_err(|e| Error::Config(format!("HTTP client: {e}")))?;
        Ok(Client { config, http })
    }

    /// Validates, signs and sends `request`; see [`crate::Client::execute`].
    pub fn execute<R: TopRequest>(&self, request: &R, session: Option<&str>) -> Result<R::Response, Error> {
        self.execute_with(request, &CallOptions::with_session(session))
    }

    /// [`Client::execute`] with per-call options.
    pub fn execute_with<R: TopRequest>(&self, request: &R, options: &CallOptions) -> Result<R::Response, Error> {
        request.validate()?;
        let mut params = Params::new();
        request.write_params(&mut params);
        let (value, body) = self.call(R::METHOD, &params, options)?;
        typed(value, &body)
    }

    /// Calls any method with hand-made parameters; see [`crate::Client::execute_raw`].
    pub fn execute_raw(&self, method: &str, params: &Params, session: Option<&str>) -> Result<Value, Error> {
        self.execute_raw_with(method, params, &CallOptions::with_session(session))
    }

    /// [`Client::execute_raw`] with per-call options.
    pub fn execute_raw_with(&self, method: &str, params: &Params, options: &CallOptions) -> Result<Value, Error> {
        Ok(self.call(method, params, options)?.0)
    }

    fn call(&self, method: &str, params: &Params, options: &CallOptions) -> Result<(Value, String), Error> {
        let span = tracing::info_span!(
            "top_call",
            method,
            attempt = tracing::field::Empty,
            latency_ms = tracing::field::Empty
        );
        let _entered = span.enter();
        let started = Instant::now();
        let mut retries = 0;
        loop {
            span.record("attempt", retries + 1);
            let prepared = self.config.prepare(method, params, options)?;
            let attempt_started = Instant::now();
            let outcome = self.send_once(&prepared);
            let attempt_ms = attempt_started.elapsed().as_millis() as u64;
            span.record("latency_ms", started.elapsed().as_millis() as u64);
            match after_attempt(&self.config, outcome, retries, attempt_ms) {
                Next::Done(result) => return result,
                Next::RetryAfter(wait) => std::thread::sleep(wait),
            }
            retries += 1;
        }
    }

    fn send_once(&self, call: &PreparedCall) -> Result<(Value, String), Error> {
        let timeout = self.config.request_timeout;
        let req = self
            .http
            .post(&self.config.gateway)
            .timeout(timeout)
            .header(reqwest::header::USER_AGENT, USER_AGENT)
            .header(reqwest::header::ACCEPT, "application/json");
        let req = if call.is_multipart() {
            let mut form = reqwest::blocking::multipart::Form::new();
            for (k, v) in call.fields() {
                form = form.text(k.to_owned(), v.to_owned());
            }
            for (name, file) in call.files() {
                let part = reqwest::blocking::multipart::Part::bytes(file.content.clone())
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
        let resp = req.send().map_err(|e| Error::from_reqwest(e, Some(timeout)))?;
        let status = resp.status().as_u16();
        let body = resp.text().map_err(|e| Error::from_reqwest(e, Some(timeout)))?;
        let value = extract(status, &body, call.method(), self.config.simplify)?;
        Ok((value, body))
    }
}
