//! The mock gateway's HTTP side: a hyper HTTP/1.1 server on its own thread and current-thread
//! tokio runtime, reading parameters from the query string and the body (form-urlencoded or
//! multipart), recording the request, checking it, and answering — the body delivered as the
//! reply's [`super::fault::Delivery`] says.

use super::fault::{Delivery, ReplyBody, ResettableStream, gzip};
use super::verify::{Rejection, check};
use super::{ReceivedFile, ReceivedRequest, Reply, ReplyKind, Shared, multipart};
use crate::client::response_key;
use bytes::Bytes;
use http_body_util::{BodyExt, Limited};
use hyper::body::Incoming;
use hyper::header::{CONTENT_ENCODING, CONTENT_TYPE, HeaderValue, LOCATION};
use hyper::{Request, Response, StatusCode};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread::JoinHandle;
use std::time::SystemTime;
use tokio::sync::oneshot;

/// Largest request body the mock reads.
const MAX_BODY: usize = 32 * 1024 * 1024;

pub(super) fn spawn(shared: Arc<Shared>, port: u16) -> io::Result<(String, oneshot::Sender<()>, JoinHandle<()>)> {
    let listener = std::net::TcpListener::bind(("127.0.0.1", port))?;
    listener.set_nonblocking(true)?;
    let url = format!("http://{}/router/rest", listener.local_addr()?);
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    let (stop_tx, stop_rx) = oneshot::channel();
    let thread = std::thread::Builder::new()
        .name("top-mock-gateway".into())
        .spawn(move || runtime.block_on(serve(listener, shared, stop_rx)))?;
    Ok((url, stop_tx, thread))
}

async fn serve(listener: std::net::TcpListener, shared: Arc<Shared>, mut stop: oneshot::Receiver<()>) {
    let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
        return;
    };
    // Connections live in the set so that stopping the server also ends them.
    let mut connections = tokio::task::JoinSet::new();
    loop {
        tokio::select! {
            _ = &mut stop => return,
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else { continue };
                let shared = shared.clone();
                connections.spawn(async move {
                    // Raised by a reply scripted to reset the connection.
                    let reset = Arc::new(AtomicBool::new(false));
                    let stream = ResettableStream::new(stream, reset.clone());
                    let service = hyper::service::service_fn(move |req| handle(shared.clone(), req, reset.clone()));
                    let io = hyper_util::rt::TokioIo::new(stream);
                    let _ = hyper::server::conn::http1::Builder::new().serve_connection(io, service).await;
                });
            }
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
}

async fn handle(
    shared: Arc<Shared>,
    req: Request<Incoming>,
    reset: Arc<AtomicBool>,
) -> Result<Response<ReplyBody>, std::convert::Infallible> {
    let (head, body) = req.into_parts();
    let body = match Limited::new(body, MAX_BODY).collect().await {
        Ok(b) => b.to_bytes(),
        Err(_) => {
            return Ok(plain(
                StatusCode::PAYLOAD_TOO_LARGE,
                "request body too large or unreadable",
            ));
        }
    };
    let content_type = head
        .headers
        .get(hyper::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let mut received = ReceivedRequest {
        http_method: head.method.as_str().to_owned(),
        content_type: content_type.clone(),
        headers: head
            .headers
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_owned(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect(),
        params: BTreeMap::new(),
        files: BTreeMap::new(),
        rejected_with: None,
    };
    if let Some(q) = head.uri.query() {
        received
            .params
            .extend(form_urlencoded::parse(q.as_bytes()).into_owned());
    }
    let parsed = read_body(&mut received, content_type.as_deref(), &body);
    let method = received.method().unwrap_or("").to_owned();
    let simplify = received.param("simplify") == Some("true");
    // One lock from the checks to the recording, so that the request number is this request's.
    let reply = {
        let mut state = shared.lock();
        let number = state.received.len() + 1;
        let verdict = parsed.and_then(|()| {
            let scripted = |m: &str| {
                state.by_number.contains_key(&number)
                    || state.scripted.contains_key(m)
                    || state.fallback.contains_key(m)
            };
            check(&shared, &received, scripted, SystemTime::now())
        });
        received.rejected_with = verdict.as_ref().err().map(|r| r.code);
        state.received.push(received);
        match verdict {
            Err(rejection) => Err(rejection),
            Ok(()) => Ok(next_reply(&mut state, &method, number)),
        }
    };
    let reply = match reply {
        Err(rejection) => return Ok(json_response(StatusCode::OK, error_body(&rejection))),
        Ok(reply) => reply,
    };
    if !reply.delay.is_zero() {
        tokio::time::sleep(reply.delay).await;
    }
    let (status, content_type, body, location) = render(&shared, reply.kind, &method, simplify);
    Ok(deliver(status, content_type, body, location, &reply.delivery, reset))
}

fn read_body(received: &mut ReceivedRequest, content_type: Option<&str>, body: &[u8]) -> Result<(), Rejection> {
    if body.is_empty() {
        return Ok(());
    }
    let ct = content_type.unwrap_or("");
    if let Some(boundary) = multipart::boundary(ct) {
        let parts = multipart::parse(body, &boundary).map_err(|e| invalid_body(&e))?;
        for part in parts {
            match part.file_name {
                Some(file_name) => {
                    let file = ReceivedFile {
                        file_name,
                        content_type: part.content_type,
                        content: part.content,
                    };
                    received.files.insert(part.name, file);
                }
                None => {
                    let text = String::from_utf8(part.content).map_err(|_| invalid_body("a text part is not UTF-8"))?;
                    received.params.insert(part.name, text);
                }
            }
        }
        Ok(())
    } else if ct.is_empty() || ct.to_ascii_lowercase().starts_with("application/x-www-form-urlencoded") {
        received.params.extend(form_urlencoded::parse(body).into_owned());
        Ok(())
    } else {
        Err(invalid_body(&format!("unsupported Content-Type {ct}")))
    }
}

fn invalid_body(why: &str) -> Rejection {
    Rejection {
        code: 41,
        msg: "Invalid arguments".into(),
        sub_code: Some("isv.invalid-body".into()),
        sub_msg: Some(why.to_owned()),
    }
}

fn next_reply(state: &mut super::State, method: &str, number: usize) -> Reply {
    if let Some(reply) = state.by_number.remove(&number) {
        return reply;
    }
    if let Some(reply) = state.scripted.get_mut(method).and_then(|q| q.pop_front()) {
        return reply;
    }
    state.fallback.get(method).cloned().unwrap_or_else(Reply::example)
}

/// What a reply says: status, `Content-Type`, body and (for redirects) `Location`.
type Rendered = (StatusCode, &'static str, Bytes, Option<String>);

const JSON: &str = "application/json;charset=UTF-8";
const TEXT: &str = "text/plain;charset=UTF-8";

fn render(shared: &Shared, kind: ReplyKind, method: &str, simplify: bool) -> Rendered {
    let key = response_key(method);
    let object = match kind {
        ReplyKind::Body(text) => return (StatusCode::OK, JSON, Bytes::from(text), None),
        ReplyKind::Status(status, body) => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            return (status, TEXT, Bytes::from(body), None);
        }
        ReplyKind::Redirect(status, location) => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::TEMPORARY_REDIRECT);
            return (status, TEXT, Bytes::from_static(b"moved"), Some(location));
        }
        ReplyKind::Error {
            code,
            msg,
            sub_code,
            sub_msg,
        } => {
            let rejection = Rejection {
                code,
                msg,
                sub_code,
                sub_msg,
            };
            return (
                StatusCode::OK,
                JSON,
                Bytes::from(error_body(&rejection).to_string()),
                None,
            );
        }
        ReplyKind::Object(object) => object,
        ReplyKind::Example => example_object(shared, method, &key),
    };
    let body = if simplify { object } else { json!({ key: object }) };
    (StatusCode::OK, JSON, Bytes::from(body.to_string()), None)
}

/// The response, its body delivered as `delivery` says.
fn deliver(
    status: StatusCode,
    content_type: &'static str,
    body: Bytes,
    location: Option<String>,
    delivery: &Delivery,
    reset: Arc<AtomicBool>,
) -> Response<ReplyBody> {
    let body = if delivery.gzip { gzip(&body) } else { body };
    let mut resp = Response::new(ReplyBody::new(body, delivery, Some(reset)));
    *resp.status_mut() = status;
    let headers = resp.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    if delivery.gzip {
        headers.insert(CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    }
    if let Some(value) = location.and_then(|l| HeaderValue::from_str(&l).ok()) {
        headers.insert(LOCATION, value);
    }
    resp
}

/// The response object of the API's example envelope, or `{"request_id": …}` without one.
fn example_object(shared: &Shared, method: &str, key: &str) -> Value {
    let example = shared.apis.get(method).and_then(|api| api.response_example);
    let parsed: Option<Value> = example.and_then(|text| serde_json::from_str(text).ok());
    match parsed {
        Some(Value::Object(mut root)) => match root.remove(key) {
            Some(inner) => inner,
            None => Value::Object(root),
        },
        _ => json!({ "request_id": request_id() }),
    }
}

fn error_body(r: &Rejection) -> Value {
    let mut err = serde_json::Map::new();
    err.insert("code".into(), r.code.into());
    err.insert("msg".into(), r.msg.clone().into());
    if let Some(s) = &r.sub_code {
        err.insert("sub_code".into(), s.clone().into());
    }
    if let Some(s) = &r.sub_msg {
        err.insert("sub_msg".into(), s.clone().into());
    }
    err.insert("request_id".into(), request_id().into());
    json!({ "error_response": err })
}

fn request_id() -> String {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!("mock{:08x}{n:04x}", nanos)
}

fn json_response(status: StatusCode, body: Value) -> Response<ReplyBody> {
    respond(status, JSON, body.to_string())
}

fn plain(status: StatusCode, body: &str) -> Response<ReplyBody> {
    respond(status, TEXT, body.to_owned())
}

fn respond(status: StatusCode, content_type: &'static str, body: String) -> Response<ReplyBody> {
    let mut resp = Response::new(ReplyBody::full(body));
    *resp.status_mut() = status;
    resp.headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    resp
}
