//! The TOP client: configuration ([`ClientBuilder`]), the async [`Client`] and, behind the
//! `blocking` feature, `taobao_api::blocking::Client`.
//!
//! One generic `execute` serves every API: validate, write the business parameters, add the
//! system parameters, sign, POST, parse. Where parameters go (a documented choice, docs/protocol.md
//! §2): **all** of them, system parameters and `sign` included, travel in the request body —
//! `application/x-www-form-urlencoded`, or `multipart/form-data` when the request has files (as
//! Alibaba's Node SDK sends them). Nothing is put in the URL, so sessions never end up in proxy or
//! access logs, nor in transport error messages.
//!
//! Replies are read with a size limit ([`ClientBuilder::max_response_size`]) and redirects are
//! never followed ([`crate::Error::Redirect`]): the signed body goes to the configured gateway
//! only. What is retried depends on whether the call reads or writes ([`crate::Access`],
//! [`ClientBuilder::retry_writes`]).

mod body;
mod execute;
mod prepare;
mod reply;

#[cfg(feature = "blocking")]
pub mod blocking;

pub use prepare::{CallOptions, PreparedCall, SYSTEM_PARAMS};
pub use reply::{decode_response, decode_response_owned, response_key};

use crate::error::Error;
use crate::retry::RetryPolicy;
use crate::sign::SignMethod;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

/// The production gateway over HTTPS.
pub const PRODUCTION_GATEWAY: &str = "https://eco.taobao.com/router/rest";
/// The sandbox gateway over HTTPS.
pub const SANDBOX_GATEWAY: &str = "https://gw.api.tbsandbox.com/router/rest";

/// Connect timeout used unless configured (the official Java SDK's 15 s).
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(15);
/// Whole-request timeout used unless configured (the official Java SDK's 30 s read timeout).
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// Largest reply read unless configured: 64 MiB (TOP replies are JSON documents; the largest
/// list pages are a few MiB).
pub const DEFAULT_MAX_RESPONSE_SIZE: u64 = 64 * 1024 * 1024;

/// A value that must never be printed (the app secret, sessions).
#[derive(Clone)]
pub(crate) struct Secret(pub(crate) String);

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"***\"")
    }
}

/// Everything a client needs besides its HTTP connection pool.
#[derive(Debug, Clone)]
pub(crate) struct Config {
    pub(crate) app_key: String,
    pub(crate) secret: Secret,
    pub(crate) gateway: String,
    pub(crate) sign_method: SignMethod,
    pub(crate) partner_id: Option<String>,
    pub(crate) target_app_key: Option<String>,
    pub(crate) simplify: bool,
    pub(crate) connect_timeout: Duration,
    pub(crate) request_timeout: Duration,
    pub(crate) retry: RetryPolicy,
    pub(crate) retry_writes: bool,
    pub(crate) max_response_size: u64,
}

/// Configures a [`Client`] (or a blocking one). Start with [`Client::builder`].
pub struct ClientBuilder {
    config: Config,
    http: Option<reqwest::Client>,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("config", &self.config)
            .field("custom_http_client", &self.http.is_some())
            .finish()
    }
}

impl ClientBuilder {
    fn new(app_key: impl Into<String>, app_secret: impl Into<String>) -> Self {
        ClientBuilder {
            config: Config {
                app_key: app_key.into(),
                secret: Secret(app_secret.into()),
                gateway: PRODUCTION_GATEWAY.to_owned(),
                sign_method: SignMethod::default(),
                partner_id: None,
                target_app_key: None,
                simplify: false,
                connect_timeout: DEFAULT_CONNECT_TIMEOUT,
                request_timeout: DEFAULT_REQUEST_TIMEOUT,
                retry: RetryPolicy::default(),
                retry_writes: false,
                max_response_size: DEFAULT_MAX_RESPONSE_SIZE,
            },
            http: None,
        }
    }

    /// Sends to this gateway URL (default [`PRODUCTION_GATEWAY`]).
    pub fn gateway(mut self, url: impl Into<String>) -> Self {
        self.config.gateway = url.into();
        self
    }

    /// Sends to [`SANDBOX_GATEWAY`].
    pub fn sandbox(self) -> Self {
        self.gateway(SANDBOX_GATEWAY)
    }

    /// The `sign_method` (default `md5`, which every TOP SDK and gateway supports; note that the
    /// current official Java SDK defaults to `hmac-sha256`).
    pub fn sign_method(mut self, method: SignMethod) -> Self {
        self.config.sign_method = method;
        self
    }

    /// Sends `partner_id` (SDK or partner identification) with every call.
    pub fn partner_id(mut self, partner_id: impl Into<String>) -> Self {
        self.config.partner_id = Some(partner_id.into());
        self
    }

    /// Sends `target_app_key` (for APIs published by a third-party ISV) with every call.
    pub fn target_app_key(mut self, app_key: impl Into<String>) -> Self {
        self.config.target_app_key = Some(app_key.into());
        self
    }

    /// Sends `simplify=true` and parses the simplified JSON (the root object is the response).
    /// Generated response types follow the default shape, where lists are wrapped one level;
    /// use this with [`Client::execute_raw`] or types written for the simplified shape.
    pub fn simplify(mut self, simplify: bool) -> Self {
        self.config.simplify = simplify;
        self
    }

    /// Connect timeout (default 15 s). Ignored with [`ClientBuilder::http_client`]: configure
    /// that client instead.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.config.connect_timeout = timeout;
        self
    }

    /// Timeout of one whole attempt, from sending to the end of the body (default 30 s).
    pub fn request_timeout(mut self, timeout: Duration) -> Self {
        self.config.request_timeout = timeout;
        self
    }

    /// How transient failures are retried (default [`RetryPolicy::default`]);
    /// [`RetryPolicy::none`] turns retries off.
    ///
    /// What is retried depends on the call ([`crate::ApiInfo::access`]):
    ///
    /// * a **read** is retried after any transient failure, ambiguous ones included (timeout,
    ///   connection lost after sending, HTTP 5xx, `isp.*` or code 10 platform errors);
    /// * a **write** is retried only after failures that prove it was not processed: a connect
    ///   failure (nothing was sent), a call-limit rejection (codes 4–8) or HTTP 429 — unless the
    ///   caller opted in with [`ClientBuilder::retry_writes`] or
    ///   [`CallOptions::retry_writes`];
    /// * [`Client::execute_raw`] calls are writes unless marked with [`CallOptions::access`];
    /// * a ban with a stated wait (`This ban will last for N more seconds`) is retried after
    ///   that wait when it is at most [`RetryPolicy::max_stated_wait`]; the daily app quota
    ///   (code 7, `accesscontrol.limited-by-app-access-count`) never is;
    /// * redirects, oversized replies, undecodable bodies and caller errors never are.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.config.retry = policy;
        self
    }

    /// Whether writes may be sent again after an ambiguous failure (default `false`): a
    /// timeout, a connection lost after the request may have been sent, HTTP 5xx, or an
    /// `isp.*` or code 10 platform error. Any of these may come after the gateway carried the
    /// write out, so retrying can create a second order or allocate a second waybill number.
    ///
    /// Opt in only when every write you send is safe to repeat (idempotent APIs, or requests
    /// carrying a deduplication key the platform checks); per call,
    /// [`CallOptions::retry_writes`] overrides this. Reads are retried after such failures
    /// anyway, and writes are retried without opting in when the failure proves the request was
    /// not processed ([`Error::not_processed`]).
    pub fn retry_writes(mut self, retry: bool) -> Self {
        self.config.retry_writes = retry;
        self
    }

    /// The largest reply body read, in bytes (default [`DEFAULT_MAX_RESPONSE_SIZE`], 64 MiB).
    /// A reply whose `Content-Length` exceeds it is rejected before its body is read; one without
    /// a length (chunked, or gzip-encoded: the limit counts decoded bytes) is read chunk by
    /// chunk and abandoned as soon as it exceeds the limit. Either way the call fails with
    /// [`Error::ResponseTooLarge`] and is not retried.
    pub fn max_response_size(mut self, bytes: u64) -> Self {
        self.config.max_response_size = bytes;
        self
    }

    /// Uses this `reqwest::Client` (proxies, TLS roots, pools) for the async client.
    ///
    /// The clients this crate builds never follow redirects; a caller-supplied client follows
    /// them by its own redirect policy (reqwest's default follows up to 10, re-sending the body
    /// on 307/308), which this crate cannot change. Build it with
    /// `.redirect(reqwest::redirect::Policy::none())`: otherwise a redirect sends the signed
    /// request — session included — to another host before the client can object. What the
    /// client does enforce: a reply that did not come from the configured gateway URL is
    /// discarded and the call fails with [`Error::Redirect`] (`followed: true`), and a 3xx
    /// reply fails with [`Error::Redirect`]. The connect timeout is that client's too
    /// ([`ClientBuilder::connect_timeout`] is ignored).
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// The checked configuration and the parsed gateway URL.
    fn checked_config(&self) -> Result<(Config, reqwest::Url), Error> {
        let c = &self.config;
        let url = reqwest::Url::parse(&c.gateway).map_err(|e| Error::Config(format!("gateway URL: {e}")))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(Error::Config(format!(
                "gateway URL must be http or https, not {}",
                url.scheme()
            )));
        }
        if c.app_key.trim().is_empty() {
            return Err(Error::Config("app key is empty".into()));
        }
        if c.secret.0.is_empty() {
            return Err(Error::Config("app secret is empty".into()));
        }
        Ok((c.clone(), url))
    }

    /// Builds the async client.
    pub fn build(self) -> Result<Client, Error> {
        let (config, endpoint) = self.checked_config()?;
        let http = match self.http {
            Some(http) => http,
            None => reqwest::Client::builder()
                .connect_timeout(config.connect_timeout)
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .map_err(|e| Error::Config(format!("HTTP client: {e}")))?,
        };
        Ok(Client {
            config: Arc::new(config),
            endpoint,
            http,
        })
    }

    /// Builds the blocking client (feature `blocking`). A caller-supplied async
    /// `reqwest::Client` is not used by it.
    #[cfg(feature = "blocking")]
    pub fn build_blocking(self) -> Result<blocking::Client, Error> {
        let (config, endpoint) = self.checked_config()?;
        blocking::Client::from_config(config, endpoint)
    }
}

/// An async TOP client; cheap to clone (the connection pool is shared).
///
/// ```no_run
/// # async fn demo() -> Result<(), taobao_api::Error> {
/// let client = taobao_api::Client::builder("12345678", "app-secret").sandbox().build()?;
/// let time = client.execute_raw("taobao.time.get", &taobao_api::Params::new(), None).await?;
/// println!("{time}");
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    config: Arc<Config>,
    /// `config.gateway` parsed: where every request goes, and where every reply must come from.
    endpoint: reqwest::Url,
    http: reqwest::Client,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// Configures a client for the production gateway; change it with the builder's methods.
    pub fn builder(app_key: impl Into<String>, app_secret: impl Into<String>) -> ClientBuilder {
        ClientBuilder::new(app_key, app_secret)
    }

    /// A client for the production gateway with default settings.
    pub fn new(app_key: impl Into<String>, app_secret: impl Into<String>) -> Result<Client, Error> {
        Self::builder(app_key, app_secret).build()
    }

    /// A client for the sandbox gateway with default settings.
    pub fn sandbox(app_key: impl Into<String>, app_secret: impl Into<String>) -> Result<Client, Error> {
        Self::builder(app_key, app_secret).sandbox().build()
    }

    /// A client for a custom gateway URL (e.g. a mock) with default settings.
    pub fn with_gateway(
        gateway: impl Into<String>,
        app_key: impl Into<String>,
        app_secret: impl Into<String>,
    ) -> Result<Client, Error> {
        Self::builder(app_key, app_secret).gateway(gateway).build()
    }

    /// The gateway URL calls go to.
    pub fn gateway(&self) -> &str {
        &self.config.gateway
    }

    /// The app key.
    pub fn app_key(&self) -> &str {
        &self.config.app_key
    }
}
