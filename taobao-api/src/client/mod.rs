//! The TOP client: configuration ([`ClientBuilder`]), the async [`Client`] and, behind the
//! `blocking` feature, `taobao_api::blocking::Client`.
//!
//! One generic `execute` serves every API: validate, write the business parameters, add the
//! system parameters, sign, POST, parse. Where parameters go (a documented choice, TOP-PROTOCOL.md
//! §2): **all** of them, system parameters and `sign` included, travel in the request body —
//! `application/x-www-form-urlencoded`, or `multipart/form-data` when the request has files (as
//! Alibaba's Node SDK sends them). Nothing is put in the URL, so sessions never end up in proxy or
//! access logs, nor in transport error messages.

mod execute;
mod prepare;
mod response;

#[cfg(feature = "blocking")]
pub mod blocking;

pub use prepare::{CallOptions, PreparedCall, SYSTEM_PARAMS};
pub use response::response_key;

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
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.config.retry = policy;
        self
    }

    /// Uses this `reqwest::Client` (proxies, TLS roots, pools) for the async client.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    fn checked_config(&self) -> Result<Config, Error> {
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
        Ok(c.clone())
    }

    /// Builds the async client.
    pub fn build(self) -> Result<Client, Error> {
        let config = self.checked_config()?;
        let http = match self.http {
            Some(http) => http,
            None => reqwest::Client::builder()
                .connect_timeout(config.connect_timeout)
                .build()
                .map_err(|e| Error::Config(format!("HTTP client: {e}")))?,
        };
        Ok(Client {
            config: Arc::new(config),
            http,
        })
    }

    /// Builds the blocking client (feature `blocking`). A caller-supplied async
    /// `reqwest::Client` is not used by it.
    #[cfg(feature = "blocking")]
    pub fn build_blocking(self) -> Result<blocking::Client, Error> {
        let config = self.checked_config()?;
        blocking::Client::from_config(config)
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
