//! The blocking client (feature `blocking`), on `reqwest::blocking`: the same preparation,
//! parsing, size limit, redirect refusal and retry rules as the async [`crate::Client`], with
//! thread sleeps for backoff.
//!
//! Like `reqwest::blocking`, it must not be used from inside an async runtime.

use super::body::{BodyBuffer, declared_length};
use super::execute::{FORM_CONTENT_TYPE, Next, USER_AGENT, after_attempt, check_origin, may_repeat};
use super::prepare::{CallOptions, PreparedCall};
use super::reply::{RawReply, read_raw, read_typed};
use super::{Client as AsyncClient, ClientBuilder, Config};
use crate::error::Error;
use crate::request::{Access, Params, TopRequest};
use serde_json::Value;
use std::fmt;
use std::io::Read;
use std::time::{Duration, Instant};

/// Size of the reads from the body (the buffer they go into is sized by `BodyBuffer`).
const READ_CHUNK: usize = 32 * 1024;

/// A blocking TOP client. Build it with [`ClientBuilder::build_blocking`].
#[derive(Clone)]
pub struct Client {
    config: Config,
    /// `config.gateway` parsed: where every request goes, and where every reply must come from.
    endpoint: reqwest::Url,
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

    pub(crate) fn from_config(config: Config, endpoint: reqwest::Url) -> Result<Client, Error> {
        let http = reqwest::blocking::Client::builder()
            .connect_timeout(config.connect_timeout)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| Error::Config(format!("HTTP client: {e}")))?;
        Ok(Client { config, endpoint, http })
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
        let access = options.access.unwrap_or(R::info().access);
        let simplify = self.config.simplify;
        self.call(R::METHOD, &params, options, access, |reply| {
            read_typed::<R>(reply, simplify)
        })
    }

    /// Calls any method with hand-made parameters; see [`crate::Client::execute_raw`] (a write
    /// unless marked otherwise with [`CallOptions::access`]).
    pub fn execute_raw(&self, method: &str, params: &Params, session: Option<&str>) -> Result<Value, Error> {
        self.execute_raw_with(method, params, &CallOptions::with_session(session))
    }

    /// [`Client::execute_raw`] with per-call options.
    pub fn execute_raw_with(&self, method: &str, params: &Params, options: &CallOptions) -> Result<Value, Error> {
        let access = options.access.unwrap_or(Access::Write);
        let simplify = self.config.simplify;
        self.call(method, params, options, access, |reply| {
            read_raw(reply, method, simplify)
        })
    }

    fn call<T>(
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
        let _entered = span.enter();
        let may_repeat = may_repeat(&self.config, options, access);
        let started = Instant::now();
        let mut retries = 0;
        loop {
            span.record("attempt", retries + 1);
            let prepared = self.config.prepare(method, params, options)?;
            let attempt_started = Instant::now();
            let outcome = self.send_once(&prepared).and_then(&read);
            let attempt_ms = attempt_started.elapsed().as_millis() as u64;
            span.record("latency_ms", started.elapsed().as_millis() as u64);
            match after_attempt(&self.config, outcome, retries, attempt_ms, may_repeat) {
                Next::Done(result) => return result,
                Next::RetryAfter(wait) => std::thread::sleep(wait),
            }
            retries += 1;
        }
    }

    fn send_once(&self, call: &PreparedCall) -> Result<RawReply, Error> {
        let timeout = self.config.request_timeout;
        let req = self
            .http
            .post(self.endpoint.clone())
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
        let mut resp = req.send().map_err(|e| Error::from_reqwest(e, Some(timeout)))?;
        let status = resp.status().as_u16();
        check_origin(&self.endpoint, resp.url(), status, resp.headers())?;
        let mut body = BodyBuffer::new(declared_length(resp.headers()), self.config.max_response_size)?;
        let mut chunk = vec![0u8; READ_CHUNK];
        loop {
            let n = resp.read(&mut chunk).map_err(|e| read_error(e, timeout))?;
            if n == 0 {
                break;
            }
            body.push(&chunk[..n])?;
        }
        Ok(RawReply {
            status,
            body: body.finish(),
        })
    }
}

/// An error reading the blocking body: reqwest wraps its own error in the `io::Error`.
fn read_error(e: std::io::Error, timeout: Duration) -> Error {
    let kind = e.kind();
    let message = e.to_string();
    match e.into_inner().map(|inner| inner.downcast::<reqwest::Error>()) {
        Some(Ok(inner)) => Error::from_reqwest(*inner, Some(timeout)),
        _ if kind == std::io::ErrorKind::TimedOut => Error::Timeout { after: Some(timeout) },
        // reqwest's blocking body yields only its own errors; anything else is reported as a
        // body that could not be read (not retried).
        _ => Error::Decode {
            message: format!("reading the body failed: {message}"),
            snippet: String::new(),
            request_id: None,
            body: None,
        },
    }
}
