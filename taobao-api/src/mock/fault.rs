//! How the mock delivers a reply body, faults included: all at once, trickled (a few bytes, a
//! pause, a few more), chunked without `Content-Length`, gzip-encoded, or cut off part-way with
//! a normal close (FIN) or a TCP reset (RST).
//!
//! [`ReplyBody`] is the one body type of every mock response; [`ResettableStream`] wraps each
//! accepted connection so that a scripted reset closes it with `SO_LINGER` 0, which makes the
//! kernel send RST instead of FIN. Nothing here decides *which* reply to send.

use bytes::Bytes;
use hyper::body::{Body, Frame, SizeHint};
use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::time::Sleep;

/// How the connection ends when a reply is cut off part-way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cut {
    /// A normal close (FIN) after the bytes sent: the client sees a truncated body.
    Close,
    /// A TCP reset (RST): the client sees "connection reset by peer".
    Reset,
}

/// How a reply's body goes on the wire (the default: all at once, with `Content-Length`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Delivery {
    /// No `Content-Length`: `Transfer-Encoding: chunked`.
    pub(crate) chunked: bool,
    /// `Content-Encoding: gzip`, the body compressed (lengths count compressed bytes).
    pub(crate) gzip: bool,
    /// Send this many bytes, then pause this long, until the end.
    pub(crate) trickle: Option<(usize, Duration)>,
    /// Stop after this many body bytes (of what goes on the wire) and end the connection.
    pub(crate) cut: Option<(usize, Cut)>,
}

/// Pause between the last bytes sent and a cut, so that those bytes leave before the close.
const PAUSE_BEFORE_CUT: Duration = Duration::from_millis(30);

/// A response body that follows a [`Delivery`].
pub(crate) struct ReplyBody {
    data: Bytes,
    sent: usize,
    step: usize,
    pause: Duration,
    sleep: Option<Pin<Box<Sleep>>>,
    /// Where to stop, and the connection's reset flag to raise when the cut is a reset.
    cut: Option<(usize, Option<Arc<AtomicBool>>)>,
    exact: bool,
}

impl ReplyBody {
    /// The whole body at once, with `Content-Length`.
    pub(crate) fn full(data: impl Into<Bytes>) -> Self {
        Self::new(data.into(), &Delivery::default(), None)
    }

    /// `data` (already encoded) delivered as `delivery` says; `reset` is the connection's flag.
    pub(crate) fn new(data: Bytes, delivery: &Delivery, reset: Option<Arc<AtomicBool>>) -> Self {
        let (step, pause) = match delivery.trickle {
            Some((step, pause)) => (step.max(1), pause),
            None => (usize::MAX, Duration::ZERO),
        };
        let cut = delivery.cut.map(|(at, how)| {
            let flag = match how {
                Cut::Close => None,
                Cut::Reset => reset,
            };
            (at.min(data.len()), flag)
        });
        ReplyBody {
            data,
            sent: 0,
            step,
            pause,
            sleep: None,
            cut,
            exact: !delivery.chunked,
        }
    }

    fn end(&self) -> usize {
        self.cut.as_ref().map_or(self.data.len(), |(at, _)| *at)
    }
}

impl Body for ReplyBody {
    type Data = Bytes;
    type Error = io::Error;

    fn poll_frame(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, io::Error>>> {
        let this = &mut *self;
        if let Some(sleep) = this.sleep.as_mut() {
            if sleep.as_mut().poll(cx).is_pending() {
                return Poll::Pending;
            }
            this.sleep = None;
        }
        let end = this.end();
        if this.sent >= end {
            return match this.cut.take() {
                // The cut: raise the reset flag (the connection's drop turns it into RST) and
                // fail the body, which makes hyper close the connection mid-body.
                Some((_, flag)) => {
                    if let Some(flag) = flag {
                        flag.store(true, Ordering::SeqCst);
                    }
                    Poll::Ready(Some(Err(io::Error::other("scripted cut of the reply body"))))
                }
                None => Poll::Ready(None),
            };
        }
        let n = this.step.min(end - this.sent);
        let chunk = this.data.slice(this.sent..this.sent + n);
        this.sent += n;
        let wait = if this.sent < end {
            this.pause
        } else if this.cut.is_some() {
            this.pause.max(PAUSE_BEFORE_CUT)
        } else {
            Duration::ZERO
        };
        if !wait.is_zero() {
            this.sleep = Some(Box::pin(tokio::time::sleep(wait)));
        }
        Poll::Ready(Some(Ok(Frame::data(chunk))))
    }

    fn is_end_stream(&self) -> bool {
        self.cut.is_none() && self.sent >= self.data.len()
    }

    fn size_hint(&self) -> SizeHint {
        if self.exact {
            // The whole body's length, even when it will be cut: that is the point of a cut.
            SizeHint::with_exact((self.data.len() - self.sent.min(self.data.len())) as u64)
        } else {
            SizeHint::default()
        }
    }
}

/// gzip of `data` (the mock's `Content-Encoding: gzip` replies).
pub(crate) fn gzip(data: &[u8]) -> Bytes {
    use flate2::write::GzEncoder;
    use std::io::Write;
    let mut encoder = GzEncoder::new(Vec::with_capacity(data.len() / 8 + 64), flate2::Compression::fast());
    // Writing into a Vec cannot fail.
    let _ = encoder.write_all(data);
    Bytes::from(encoder.finish().unwrap_or_default())
}

/// An accepted connection that is reset (RST) instead of closed when its flag is raised.
pub(crate) struct ResettableStream {
    inner: tokio::net::TcpStream,
    reset: Arc<AtomicBool>,
}

impl ResettableStream {
    pub(crate) fn new(inner: tokio::net::TcpStream, reset: Arc<AtomicBool>) -> Self {
        ResettableStream { inner, reset }
    }
}

impl Drop for ResettableStream {
    fn drop(&mut self) {
        if self.reset.load(Ordering::SeqCst) {
            // Linger 0: closing sends RST and drops unsent data (no blocking with zero).
            let _ = self.inner.set_zero_linger();
        }
    }
}

impl AsyncRead for ResettableStream {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl AsyncWrite for ResettableStream {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::BodyExt;

    async fn frames(mut body: ReplyBody) -> (Vec<Bytes>, Option<io::Error>) {
        let mut out = Vec::new();
        while let Some(frame) = body.frame().await {
            match frame {
                Ok(f) => out.push(f.into_data().unwrap()),
                Err(e) => return (out, Some(e)),
            }
        }
        (out, None)
    }

    #[tokio::test(flavor = "current_thread")]
    async fn trickled_bodies_come_in_steps_and_cuts_fail_after_the_bytes_sent() {
        let trickle = Delivery {
            trickle: Some((4, Duration::from_millis(10))),
            ..Delivery::default()
        };
        let body = ReplyBody::new(Bytes::from_static(b"0123456789"), &trickle, None);
        assert_eq!(body.size_hint().exact(), Some(10));
        let (chunks, err) = frames(body).await;
        assert_eq!(chunks, ["0123", "4567", "89"]);
        assert!(err.is_none());

        let flag = Arc::new(AtomicBool::new(false));
        let cut = Delivery {
            cut: Some((6, Cut::Reset)),
            chunked: true,
            ..Delivery::default()
        };
        let body = ReplyBody::new(Bytes::from_static(b"0123456789"), &cut, Some(flag.clone()));
        assert_eq!(body.size_hint().exact(), None, "chunked: no length");
        let (chunks, err) = frames(body).await;
        assert_eq!(chunks, ["012345"]);
        assert!(err.is_some());
        assert!(flag.load(Ordering::SeqCst), "a reset cut raises the flag");
    }

    #[test]
    fn gzip_round_trips() {
        use std::io::Read;
        let data = "{\"a\":\"".to_owned() + &"x".repeat(100_000) + "\"}";
        let packed = gzip(data.as_bytes());
        assert!(packed.len() < 2_000, "{}", packed.len());
        let mut out = String::new();
        flate2::read::GzDecoder::new(&packed[..])
            .read_to_string(&mut out)
            .unwrap();
        assert_eq!(out, data);
    }
}
