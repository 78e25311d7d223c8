//! Reading a reply body within the size limit, for the async and blocking clients alike: a
//! declared `Content-Length` above the limit fails before any byte is read, and the body is
//! taken chunk by chunk into one buffer that never grows past the limit.
//!
//! Owns no I/O: the clients feed it the chunks they read.

use crate::error::Error;
use reqwest::header::{CONTENT_LENGTH, HeaderMap};

/// Smallest step the buffer grows by when the length is unknown.
const MIN_GROWTH: usize = 8 * 1024;

/// The `Content-Length` of a reply, when it has a valid one. The HTTP client removes the header
/// when it decodes gzip, so a present header counts the bytes that will be read.
pub(crate) fn declared_length(headers: &HeaderMap) -> Option<u64> {
    headers.get(CONTENT_LENGTH)?.to_str().ok()?.trim().parse().ok()
}

/// A body being read under a size limit.
#[derive(Debug)]
pub(crate) struct BodyBuffer {
    buf: Vec<u8>,
    limit: u64,
    content_length: Option<u64>,
}

/// The most reserved up front from a declared `Content-Length` (512 MiB, the largest sensible
/// reply limit): beyond it the buffer grows as bytes arrive.
pub(crate) const MAX_RESERVATION: u64 = 512 << 20;

impl BodyBuffer {
    /// Fails at once when the declared length exceeds `limit`; otherwise reserves the declared
    /// length (up to [`MAX_RESERVATION`]), so a large reply is read without reallocating (no
    /// 2x peak), while a bogus `Content-Length` under a huge limit cannot make the client
    /// allocate what the peer never sends.
    pub(crate) fn new(content_length: Option<u64>, limit: u64) -> Result<BodyBuffer, Error> {
        let capacity = match content_length {
            Some(n) if n > limit => return Err(Error::ResponseTooLarge { limit, content_length }),
            Some(n) => usize::try_from(n.min(MAX_RESERVATION)).unwrap_or(0),
            None => 0,
        };
        Ok(BodyBuffer {
            buf: Vec::with_capacity(capacity),
            limit,
            content_length,
        })
    }

    /// Appends one chunk; fails when the body would exceed the limit.
    pub(crate) fn push(&mut self, chunk: &[u8]) -> Result<(), Error> {
        let len = self.buf.len() as u64 + chunk.len() as u64;
        if len > self.limit {
            return Err(Error::ResponseTooLarge {
                limit: self.limit,
                content_length: self.content_length,
            });
        }
        let spare = self.buf.capacity() - self.buf.len();
        if chunk.len() > spare {
            // Double (amortised), but never past the limit: the buffer of an unannounced body
            // stays within `limit` bytes even at its last growth.
            let limit = usize::try_from(self.limit).unwrap_or(usize::MAX);
            let wanted = (self.buf.len() + chunk.len())
                .max(self.buf.capacity().saturating_mul(2))
                .max(MIN_GROWTH)
                .min(limit);
            self.buf.reserve_exact(wanted - self.buf.len());
        }
        self.buf.extend_from_slice(chunk);
        Ok(())
    }

    /// The body read so far.
    pub(crate) fn finish(self) -> Vec<u8> {
        self.buf
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn too_large(r: Result<impl std::fmt::Debug, Error>) -> (u64, Option<u64>) {
        match r {
            Err(Error::ResponseTooLarge { limit, content_length }) => (limit, content_length),
            other => panic!("expected ResponseTooLarge, got {other:?}"),
        }
    }

    #[test]
    fn a_declared_length_above_the_limit_fails_before_reading() {
        assert_eq!(too_large(BodyBuffer::new(Some(101), 100)), (100, Some(101)));
        assert!(BodyBuffer::new(Some(100), 100).is_ok());
        assert!(BodyBuffer::new(None, 0).is_ok());
    }

    #[test]
    fn a_bogus_declared_length_under_a_huge_limit_reserves_a_bounded_buffer() {
        let body = BodyBuffer::new(Some(u64::MAX - 1), u64::MAX).unwrap();
        assert!(body.buf.capacity() as u64 <= MAX_RESERVATION);
    }

    #[test]
    fn a_declared_length_is_reserved_once_and_never_regrown() {
        let mut body = BodyBuffer::new(Some(50_000), 1 << 20).unwrap();
        assert_eq!(body.buf.capacity(), 50_000);
        for _ in 0..50 {
            body.push(&[7u8; 1000]).unwrap();
        }
        let bytes = body.finish();
        assert_eq!(bytes.len(), 50_000);
        assert_eq!(bytes.capacity(), 50_000, "no reallocation while reading");
    }

    #[test]
    fn an_unannounced_body_is_cut_off_at_the_limit_and_never_buffers_past_it() {
        let mut body = BodyBuffer::new(None, 100_000).unwrap();
        let mut pushed = 0;
        let err = loop {
            match body.push(&[1u8; 3000]) {
                Ok(()) => pushed += 3000,
                Err(e) => break e,
            }
            assert!(body.buf.capacity() <= 100_000, "capacity {}", body.buf.capacity());
        };
        assert_eq!(pushed, 99_000);
        assert_eq!(too_large(Err::<(), _>(err)), (100_000, None));
        // Exactly at the limit is fine.
        let mut body = BodyBuffer::new(None, 6000).unwrap();
        body.push(&[0u8; 3000]).unwrap();
        body.push(&[0u8; 3000]).unwrap();
        assert_eq!(body.finish().len(), 6000);
        let mut empty = BodyBuffer::new(None, 0).unwrap();
        empty.push(&[]).unwrap();
        assert_eq!(too_large(empty.push(b"x")), (0, None));
    }

    #[test]
    fn a_lying_content_length_cannot_overfill_the_buffer() {
        // A server declaring less than it sends (the HTTP layer normally stops it) still meets
        // the limit.
        let mut body = BodyBuffer::new(Some(10), 20).unwrap();
        body.push(&[0u8; 15]).unwrap();
        assert_eq!(too_large(body.push(&[0u8; 6])), (20, Some(10)));
    }

    #[test]
    fn content_length_headers_are_read_when_valid() {
        let mut h = HeaderMap::new();
        assert_eq!(declared_length(&h), None);
        h.insert(CONTENT_LENGTH, HeaderValue::from_static("52428800"));
        assert_eq!(declared_length(&h), Some(52_428_800));
        h.insert(CONTENT_LENGTH, HeaderValue::from_static("-1"));
        assert_eq!(declared_length(&h), None);
        h.insert(CONTENT_LENGTH, HeaderValue::from_static("lots"));
        assert_eq!(declared_length(&h), None);
    }
}
