//! An embedded mock TOP gateway (feature `mock`): a real HTTP/1.1 server on `127.0.0.1:0` that
//! checks requests like the real gateway — signature with its own secret, the ±10 minute
//! GMT+8 timestamp window, the system parameters, the method and its required parameters —
//! and answers TOP-style `error_response`s (codes 21–41) or canned responses.
//!
//! By default each known method answers with its spec's response example
//! ([`ApiInfo::response_example`]); tests can script replies per method ([`MockGateway::push_reply`]:
//! a queue, consumed in order — e.g. an `isp.*` error, then success) or per request number
//! ([`MockGateway::reply_to_request`]), set a fallback ([`MockGateway::set_reply`]), and read
//! back every request received ([`MockGateway::requests`]).
//!
//! Replies can also be faults of the transport, to test what a client does with a real
//! gateway's bad days: HTTP statuses ([`Reply::http_status`]), redirects ([`Reply::redirect`]),
//! a delay before the headers ([`Reply::delayed`]), a body sent slowly ([`Reply::trickled`]),
//! without `Content-Length` ([`Reply::chunked`]), gzip-encoded ([`Reply::gzip`]), or cut off
//! part-way by a close or a TCP reset ([`Reply::cut_after`], [`Reply::reset_after`]). The server runs on its own thread and runtime, so it works from
//! async tests, blocking code and examples alike; it stops when the [`MockGateway`] is dropped.
//!
//! Downstream crates enable it for their tests with
//! `taobao-api = { version = "…", features = ["mock"] }` under `[dev-dependencies]`.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use taobao_api::mock::{DEFAULT_APP_SECRET, MockGateway, Reply};
//!
//! let gw = MockGateway::start_default()?;
//! gw.push_reply("taobao.time.get", Reply::error(15, "Remote service error").sub("isp.busy", "busy"));
//! gw.push_reply("taobao.time.get", Reply::object(serde_json::json!({"time": "2024-01-01 00:00:00"})));
//! let client = taobao_api::Client::builder(gw.app_key(), DEFAULT_APP_SECRET).gateway(gw.url()).build()?;
//! // A raw call is a write unless marked: this one reads, so the isp.* error is retried and the
//! // second reply answers.
//! let read = taobao_api::CallOptions::new().access(taobao_api::Access::Read);
//! let time = client.execute_raw_with("taobao.time.get", &taobao_api::Params::new(), &read).await?;
//! assert_eq!(time["time"], "2024-01-01 00:00:00");
//! assert_eq!(gw.requests().len(), 2);
//! # Ok(())
//! # }
//! ```

mod fault;
mod multipart;
mod server;
mod verify;

use crate::client::Secret;
use crate::request::ApiInfo;
use fault::{Cut, Delivery};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::fmt;
use std::io;
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Duration;

/// App key the mock accepts unless configured.
pub const DEFAULT_APP_KEY: &str = "12345678";
/// App secret the mock signs with unless configured.
pub const DEFAULT_APP_SECRET: &str = "mock-app-secret";

/// What the mock answers to a request that passed its checks.
#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    kind: ReplyKind,
    delay: Duration,
    delivery: Delivery,
}

#[derive(Debug, Clone, PartialEq)]
enum ReplyKind {
    Example,
    Object(Value),
    Body(String),
    Error {
        code: i32,
        msg: String,
        sub_code: Option<String>,
        sub_msg: Option<String>,
    },
    Status(u16, String),
    Redirect(u16, String),
}

impl Reply {
    /// The API's response example (or an object holding only `request_id` when it has none).
    pub fn example() -> Self {
        Self::of(ReplyKind::Example)
    }

    /// This response object, wrapped as `{"<key>_response": object}` (sent bare with
    /// `simplify=true`).
    pub fn object(object: Value) -> Self {
        Self::of(ReplyKind::Object(object))
    }

    /// This exact body text, whatever the request asked for.
    pub fn body(text: impl Into<String>) -> Self {
        Self::of(ReplyKind::Body(text.into()))
    }

    /// An `error_response` with this code and message; add details with [`Reply::sub`].
    pub fn error(code: i32, msg: impl Into<String>) -> Self {
        Self::of(ReplyKind::Error {
            code,
            msg: msg.into(),
            sub_code: None,
            sub_msg: None,
        })
    }

    /// Sets `sub_code` and `sub_msg` of an error reply (no effect on other replies).
    pub fn sub(mut self, sub_code: impl Into<String>, sub_msg: impl Into<String>) -> Self {
        if let ReplyKind::Error {
            sub_code: c,
            sub_msg: m,
            ..
        } = &mut self.kind
        {
            *c = Some(sub_code.into());
            *m = Some(sub_msg.into());
        }
        self
    }

    /// An HTTP status with a body (e.g. 502 from a proxy).
    pub fn http_status(status: u16, body: impl Into<String>) -> Self {
        Self::of(ReplyKind::Status(status, body.into()))
    }

    /// A redirect (e.g. 307 or 308, which make a client that follows them send the same body
    /// again) to `location`.
    pub fn redirect(status: u16, location: impl Into<String>) -> Self {
        Self::of(ReplyKind::Redirect(status, location.into()))
    }

    /// Waits this long before answering (before the status line: a client whose timeout is
    /// shorter gives up while the request is being "processed").
    pub fn delayed(mut self, delay: Duration) -> Self {
        self.delay = delay;
        self
    }

    /// Sends the body `bytes` at a time with `pause` between the pieces (after the headers,
    /// which go at once).
    pub fn trickled(mut self, bytes: usize, pause: Duration) -> Self {
        self.delivery.trickle = Some((bytes, pause));
        self
    }

    /// Sends the body without `Content-Length` (`Transfer-Encoding: chunked`), so the client
    /// learns its size only by reading it.
    pub fn chunked(mut self) -> Self {
        self.delivery.chunked = true;
        self
    }

    /// Sends the body gzip-encoded (`Content-Encoding: gzip`), whatever the request accepted.
    /// `Content-Length`, when sent, counts the compressed bytes.
    pub fn gzip(mut self) -> Self {
        self.delivery.gzip = true;
        self
    }

    /// Closes the connection (FIN) after `bytes` bytes of the body, although the headers
    /// announced more (`Content-Length` of the whole body, or chunks without the last one).
    pub fn cut_after(mut self, bytes: usize) -> Self {
        self.delivery.cut = Some((bytes, Cut::Close));
        self
    }

    /// Resets the connection (TCP RST) after `bytes` bytes of the body.
    pub fn reset_after(mut self, bytes: usize) -> Self {
        self.delivery.cut = Some((bytes, Cut::Reset));
        self
    }

    fn of(kind: ReplyKind) -> Self {
        Reply {
            kind,
            delay: Duration::ZERO,
            delivery: Delivery::default(),
        }
    }
}

/// One file part the mock received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceivedFile {
    /// The part's file name.
    pub file_name: String,
    /// The part's `Content-Type`.
    pub content_type: Option<String>,
    /// The content.
    pub content: Vec<u8>,
}

/// One request the mock received, whatever it answered.
#[derive(Clone, PartialEq, Eq)]
pub struct ReceivedRequest {
    /// `POST` or `GET` (or whatever was sent).
    pub http_method: String,
    /// The `Content-Type` header.
    pub content_type: Option<String>,
    /// Every HTTP header (names in lower case; the last value of repeated ones).
    pub headers: BTreeMap<String, String>,
    /// Every text parameter, from the query string and the body, by name.
    pub params: BTreeMap<String, String>,
    /// File parts by parameter name.
    pub files: BTreeMap<String, ReceivedFile>,
    /// The TOP error code the mock answered with (`None` when it passed the checks).
    pub rejected_with: Option<i32>,
}

impl ReceivedRequest {
    /// The `method` parameter.
    pub fn method(&self) -> Option<&str> {
        self.param("method")
    }

    /// One text parameter.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params.get(name).map(String::as_str)
    }
}

impl fmt::Debug for ReceivedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let params: BTreeMap<&str, &str> = self
            .params
            .iter()
            .map(|(k, v)| (k.as_str(), if k == "session" { "***" } else { v.as_str() }))
            .collect();
        f.debug_struct("ReceivedRequest")
            .field("http_method", &self.http_method)
            .field("content_type", &self.content_type)
            .field("headers", &self.headers)
            .field("params", &params)
            .field("files", &self.files)
            .field("rejected_with", &self.rejected_with)
            .finish()
    }
}

/// Configures a [`MockGateway`].
#[derive(Debug)]
pub struct MockBuilder {
    app_key: String,
    secret: Secret,
    apis: Vec<&'static ApiInfo>,
    timestamp_window: Duration,
    sessions: Vec<Secret>,
    port: u16,
}

impl MockBuilder {
    /// The app key and secret the mock accepts (default [`DEFAULT_APP_KEY`] /
    /// [`DEFAULT_APP_SECRET`]).
    pub fn credentials(mut self, app_key: impl Into<String>, app_secret: impl Into<String>) -> Self {
        self.app_key = app_key.into();
        self.secret = Secret(app_secret.into());
        self
    }

    /// Serves this API too (its required parameters are checked, its example is the default
    /// reply); it replaces a generated API of the same method.
    pub fn api(mut self, api: &'static ApiInfo) -> Self {
        self.apis.push(api);
        self
    }

    /// Serves these APIs (e.g. the generated `taobao_api::APIS`).
    pub fn apis(mut self, apis: impl IntoIterator<Item = &'static ApiInfo>) -> Self {
        self.apis.extend(apis);
        self
    }

    /// Accepted clock skew of `timestamp` (default 10 minutes, like the gateway).
    pub fn timestamp_window(mut self, window: Duration) -> Self {
        self.timestamp_window = window;
        self
    }

    /// Requires every call to carry one of these sessions: none answers 26 (Missing session),
    /// another answers 27 (Invalid session). By default sessions are not checked (the mock
    /// cannot tell which APIs need user authorisation).
    pub fn sessions<S: Into<String>>(mut self, valid: impl IntoIterator<Item = S>) -> Self {
        self.sessions = valid.into_iter().map(|s| Secret(s.into())).collect();
        self
    }

    /// Listens on this port of 127.0.0.1 (default 0: any free port).
    pub fn port(mut self, port: u16) -> Self {
        self.port = port;
        self
    }

    /// Binds `127.0.0.1` (any free port unless [`MockBuilder::port`]) and starts serving on a
    /// background thread.
    pub fn start(self) -> io::Result<MockGateway> {
        let shared = Arc::new(Shared {
            app_key: self.app_key,
            secret: self.secret,
            apis: self.apis.into_iter().map(|a| (a.method, a)).collect(),
            timestamp_window: self.timestamp_window,
            sessions: self.sessions,
            state: Mutex::new(State::default()),
        });
        let (url, stop, thread) = server::spawn(shared.clone(), self.port)?;
        Ok(MockGateway {
            url,
            shared,
            stop: Some(stop),
            thread: Some(thread),
        })
    }
}

pub(crate) struct Shared {
    pub(crate) app_key: String,
    pub(crate) secret: Secret,
    pub(crate) apis: BTreeMap<&'static str, &'static ApiInfo>,
    pub(crate) timestamp_window: Duration,
    pub(crate) sessions: Vec<Secret>,
    pub(crate) state: Mutex<State>,
}

#[derive(Default)]
pub(crate) struct State {
    pub(crate) scripted: HashMap<String, VecDeque<Reply>>,
    pub(crate) by_number: HashMap<usize, Reply>,
    pub(crate) fallback: HashMap<String, Reply>,
    pub(crate) received: Vec<ReceivedRequest>,
}

impl Shared {
    pub(crate) fn lock(&self) -> MutexGuard<'_, State> {
        // A panicking test thread must not make the mock unusable for the others.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// A running mock gateway. Point a client at [`MockGateway::url`].
pub struct MockGateway {
    url: String,
    shared: Arc<Shared>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl fmt::Debug for MockGateway {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MockGateway")
            .field("url", &self.url)
            .field("app_key", &self.shared.app_key)
            .field("secret", &self.shared.secret)
            .field("apis", &self.shared.apis.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl MockGateway {
    /// Configures a mock gateway serving every generated API (`taobao_api::APIS`); add more
    /// (e.g. hand-written requests' [`ApiInfo`]s) with [`MockBuilder::api`].
    pub fn builder() -> MockBuilder {
        MockBuilder {
            app_key: DEFAULT_APP_KEY.into(),
            secret: Secret(DEFAULT_APP_SECRET.into()),
            apis: crate::APIS.to_vec(),
            timestamp_window: Duration::from_secs(600),
            sessions: Vec::new(),
            port: 0,
        }
    }

    /// Starts a mock with the default credentials serving every generated API plus `apis`.
    pub fn start(apis: impl IntoIterator<Item = &'static ApiInfo>) -> io::Result<MockGateway> {
        Self::builder().apis(apis).start()
    }

    /// Starts a mock with the default credentials serving every generated API.
    pub fn start_default() -> io::Result<MockGateway> {
        Self::builder().start()
    }

    /// The gateway URL (`http://127.0.0.1:<port>/router/rest`).
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The app key the mock accepts.
    pub fn app_key(&self) -> &str {
        &self.shared.app_key
    }

    /// Queues a reply for `method`; queued replies are used once each, in order, before the
    /// fallback. Scripting a method the mock does not know makes it known.
    pub fn push_reply(&self, method: &str, reply: Reply) {
        self.shared
            .lock()
            .scripted
            .entry(method.to_owned())
            .or_default()
            .push_back(reply);
    }

    /// Queues several replies for `method` (see [`MockGateway::push_reply`]).
    pub fn push_replies(&self, method: &str, replies: impl IntoIterator<Item = Reply>) {
        self.shared
            .lock()
            .scripted
            .entry(method.to_owned())
            .or_default()
            .extend(replies);
    }

    /// The reply to the `n`-th request the mock receives (1-based, counting every request,
    /// whatever its method), when that request passes the checks; it comes before the
    /// method's queue. E.g. `reply_to_request(1, Reply::http_status(502, ""))` fails the first
    /// attempt of whatever is called first.
    pub fn reply_to_request(&self, n: usize, reply: Reply) {
        self.shared.lock().by_number.insert(n, reply);
    }

    /// The reply for `method` once its queue is empty (default [`Reply::example`]).
    pub fn set_reply(&self, method: &str, reply: Reply) {
        self.shared.lock().fallback.insert(method.to_owned(), reply);
    }

    /// Every request received so far, in arrival order.
    pub fn requests(&self) -> Vec<ReceivedRequest> {
        self.shared.lock().received.clone()
    }

    /// The requests received for one method.
    pub fn requests_for(&self, method: &str) -> Vec<ReceivedRequest> {
        self.requests()
            .into_iter()
            .filter(|r| r.method() == Some(method))
            .collect()
    }

    /// Forgets the requests received so far.
    pub fn clear_requests(&self) {
        self.shared.lock().received.clear();
    }
}

impl Drop for MockGateway {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
