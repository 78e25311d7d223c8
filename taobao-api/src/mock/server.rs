//! The mock gateway's HTTP side: a hyper HTTP/1.1 server on its own thread and current-thread
//! tokio runtime, reading parameters from the query string and the body (form-urlencoded or
//! multipart), recording the request, checking it, and answering.

use super::verify::{Rejection, check};
use super::{ReceivedFile, ReceivedRequest, Reply, ReplyKind, Shared, multipart};
use crate::client::response_key;
use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::{Request, Response, StatusCode};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread::JoinHandle;
use std::time::SystemTime;
use tokio::sync::oneshot;

/// Largest request body the mock reads.
const MAX_BODY: usize = 32 * 1024 * 1024;

pub(super) fn spawn(shared: Arc<Shared>) -> io::Result<(String, oneshot::Sender<()>, JoinHandle<()>)> {
    let listener = std::net::TcpListener::bind(("127.0.0.1", 0))?;
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
                    let service = hyper::service::service_fn(move |req| handle(shared.clone(), req));
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
) -> Result<Response<Full<Bytes>>, std::convert::Infallible> {
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
    let verdict = parsed.and_then(|()| {
        let state = shared.lock();
        let scripted = |m: &str| state.scripted.contains_key(m) || state.fallback.contains_key(m);
        check(&shared, &received, scripted, SystemTime::now())
    });
    let method = received.method().unwrap_or("").to_owned();
    let simplify = received.param("simplify") == Some("true");
    let reply = {
        let mut state = shared.lock();
        received.rejected_with = verdict.as_ref().err().map(|r| r.code);
        state.received.push(received);
        match verdict {
            Err(rejection) => Err(rejection),
            Ok(()) => Ok(next_reply(&mut state, &method)),
        }
    };
    let reply = match reply {
        Err(rejection) => return Ok(json_response(StatusCode::OK, error_body(&rejection))),
        Ok(reply) => reply,
    };
    if !reply.delay.is_zero() {
        tokio::time::sleep(reply.delay).await;
    }
    Ok(render(&shared, reply.kind, &method, simplify))
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

fn next_reply(state: &mut super::State, method: &str) -> Reply {
    if let Some(reply) = state.scripted.get_mut(method).and_then(|q| q.pop_front()) {
        return reply;
    }
    state.fallback.get(method).cloned().unwrap_or_else(Reply::example)
}

fn render(shared: &Shared, kind: ReplyKind, method: &str, simplify: bool) -> Response<Full<Bytes>> {
    let key = response_key(method);
    let object = match kind {
        ReplyKind::Body(text) => return json_text(StatusCode::OK, text),
        ReplyKind::Status(status, body) => {
            return plain(
                StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
                &body,
            );
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
            return json_response(StatusCode::OK, error_body(&rejection));
        }
        ReplyKind::Object(object) => object,
        ReplyKind::Example => example_object(shared, method, &key),
    };
    let body = if simplify { object } else { json!({ key: object }) };
    json_response(StatusCode::OK, body)
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

fn json_response(status: StatusCode, body: Value) -> Response<Full<Bytes>> {
    json_text(status, body.to_string())
}

fn json_text(status: StatusCode, body: String) -> Response<Full<Bytes>> {
    respond(status, "application/json;charset=UTF-8", body)
}

fn plain(status: StatusCode, body: &str) -> Response<Full<Bytes>> {
    respond(status, "text/plain;charset=UTF-8", body.to_owned())
}

fn respond(status: StatusCode, content_type: &'static str, body: String) -> Response<Full<Bytes>> {
    let mut resp = Response::new(Full::new(Bytes::from(body)));
    *resp.status_mut() = status;
    resp.headers_mut().insert(
        hyper::header::CONTENT_TYPE,
        hyper::header::HeaderValue::from_static(content_type),
    );
    resp
}
