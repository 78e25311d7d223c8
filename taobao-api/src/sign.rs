//! Request signing as docs/protocol.md §4 describes it: every sent text parameter except `sign`,
//! sorted by name (byte-wise), concatenated as `name value name value …` with no separators and
//! no URL encoding, digested with md5 (`secret + S + secret`), HMAC-MD5 or HMAC-SHA256 (secret
//! as the key) and hex-encoded in upper case.
//!
//! This module only computes digests; it never decides which parameters are sent (that is
//! [`crate::Params`]'s empty-value rule and the client's system parameters).

use hmac::{Hmac, Mac};
use md5::{Digest, Md5};
use sha2::Sha256;
use std::fmt;
use std::str::FromStr;

/// The `sign_method` system parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SignMethod {
    /// `md5`: `MD5(secret + S + secret)`. The default here: every TOP SDK and gateway supports
    /// it. (The current official Java SDK defaults to [`SignMethod::HmacSha256`].)
    #[default]
    Md5,
    /// `hmac`: HMAC-MD5 keyed with the secret.
    Hmac,
    /// `hmac-sha256`: HMAC-SHA256 keyed with the secret.
    HmacSha256,
}

impl SignMethod {
    /// The wire value of `sign_method`.
    pub fn as_str(self) -> &'static str {
        match self {
            SignMethod::Md5 => "md5",
            SignMethod::Hmac => "hmac",
            SignMethod::HmacSha256 => "hmac-sha256",
        }
    }
}

impl fmt::Display for SignMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A `sign_method` value that is not `md5`, `hmac` or `hmac-sha256`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown sign_method {0:?} (expected md5, hmac or hmac-sha256)")]
pub struct UnknownSignMethod(pub String);

impl FromStr for SignMethod {
    type Err = UnknownSignMethod;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "md5" => Ok(SignMethod::Md5),
            "hmac" => Ok(SignMethod::Hmac),
            "hmac-sha256" => Ok(SignMethod::HmacSha256),
            other => Err(UnknownSignMethod(other.to_owned())),
        }
    }
}

/// Signs `params` (name/value pairs in any order; `sign` itself must not be among them).
///
/// Returns the upper-case hex digest: 32 characters for md5/hmac, 64 for hmac-sha256.
pub fn sign<'a>(params: impl IntoIterator<Item = (&'a str, &'a str)>, secret: &str, method: SignMethod) -> String {
    let mut sorted: Vec<(&str, &str)> = params.into_iter().collect();
    // Stable sort by name alone: byte-wise order of UTF-8 equals the SDKs' order for the ASCII
    // names TOP uses (§4.2).
    sorted.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    sign_sorted(sorted, secret, method)
}

/// Signs parameters that are already sorted by name (e.g. from a `BTreeMap`), without copying
/// them into a string first.
pub fn sign_sorted<'a>(
    sorted: impl IntoIterator<Item = (&'a str, &'a str)>,
    secret: &str,
    method: SignMethod,
) -> String {
    sign_hex(sorted, secret, method).as_str().to_owned()
}

/// A signature's upper-case hex digits, on the stack.
pub(crate) struct HexSign {
    digits: [u8; 64],
    len: usize,
}

impl HexSign {
    pub(crate) fn as_str(&self) -> &str {
        // Hex digits only: always UTF-8.
        std::str::from_utf8(&self.digits[..self.len]).unwrap_or_default()
    }
}

impl SignMethod {
    /// The number of hex digits of its signature.
    pub(crate) fn hex_len(self) -> usize {
        match self {
            SignMethod::Md5 | SignMethod::Hmac => 32,
            SignMethod::HmacSha256 => 64,
        }
    }
}

/// [`sign_sorted`] without allocating.
pub(crate) fn sign_hex<'a>(
    sorted: impl IntoIterator<Item = (&'a str, &'a str)>,
    secret: &str,
    method: SignMethod,
) -> HexSign {
    match method {
        SignMethod::Md5 => {
            let mut h = Md5::new();
            h.update(secret.as_bytes());
            feed(&mut h, sorted);
            h.update(secret.as_bytes());
            upper_hex(&h.finalize())
        }
        SignMethod::Hmac => {
            // HMAC accepts keys of any length, so `new_from_slice` cannot fail here.
            let mut h = Hmac::<Md5>::new_from_slice(secret.as_bytes()).expect("HMAC takes any key length");
            feed(&mut h, sorted);
            upper_hex(&h.finalize().into_bytes())
        }
        SignMethod::HmacSha256 => {
            let mut h = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes any key length");
            feed(&mut h, sorted);
            upper_hex(&h.finalize().into_bytes())
        }
    }
}

/// Signs an already concatenated canonical string (see [`string_to_sign`]): one pass over
/// contiguous bytes, the fastest form when the caller has built that string anyway.
pub fn sign_canonical(canonical: &str, secret: &str, method: SignMethod) -> String {
    sign_sorted([(canonical, "")], secret, method)
}

/// The string the digest covers (without the secret): sorted `name value` pairs concatenated.
/// For diagnostics and tests; it contains the session when one is sent.
pub fn string_to_sign<'a>(params: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut sorted: Vec<(&str, &str)> = params.into_iter().collect();
    sorted.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    let mut s = String::new();
    for (k, v) in sorted {
        s.push_str(k);
        s.push_str(v);
    }
    s
}

/// Constant-time comparison of two signatures (case-sensitive, as the SDKs send upper case).
pub fn signatures_equal(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn feed<'a, D: hmac::digest::Update>(h: &mut D, sorted: impl IntoIterator<Item = (&'a str, &'a str)>) {
    for (k, v) in sorted {
        h.update(k.as_bytes());
        h.update(v.as_bytes());
    }
}

/// Upper-case hex of a digest of at most 32 bytes (longer input is cut there; none is longer).
fn upper_hex(bytes: &[u8]) -> HexSign {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = HexSign {
        digits: [0; 64],
        len: 0,
    };
    for (pair, &b) in out.digits.chunks_exact_mut(2).zip(bytes) {
        pair[0] = HEX[usize::from(b >> 4)];
        pair[1] = HEX[usize::from(b & 15)];
        out.len += 2;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_method_round_trips_through_its_wire_name() {
        for m in [SignMethod::Md5, SignMethod::Hmac, SignMethod::HmacSha256] {
            assert_eq!(m.as_str().parse::<SignMethod>(), Ok(m));
        }
        assert!("MD5".parse::<SignMethod>().is_err());
        assert_eq!(SignMethod::default(), SignMethod::Md5);
    }

    #[test]
    fn the_documented_example_signs_to_its_published_digest() {
        let params = [
            ("v", "2.0"),
            ("timestamp", "2013-05-06 13:52:03"),
            ("app_key", "test"),
            ("fields", "nick"),
            ("format", "xml"),
            ("method", "taobao.user.seller.get"),
            ("session", "test"),
            ("sign_method", "md5"),
        ];
        assert_eq!(
            sign(params, "test", SignMethod::Md5),
            "72CB4D809B375A54502C09360D879C64"
        );
    }

    #[test]
    fn signing_the_canonical_string_equals_signing_the_pairs() {
        let p = [("b", "2"), ("a", "1 &中")];
        for m in [SignMethod::Md5, SignMethod::Hmac, SignMethod::HmacSha256] {
            assert_eq!(sign_canonical(&string_to_sign(p), "k", m), sign(p, "k", m));
        }
    }

    #[test]
    fn names_sort_bytewise_with_prefixes_first() {
        let s = string_to_sign([
            ("foobar", "3"),
            ("foo_bar", "2"),
            ("foo", "1"),
            ("Foo", "0"),
            ("1", "x"),
        ]);
        assert_eq!(s, "1xFoo0foo1foo_bar2foobar3");
    }

    #[test]
    fn digests_have_the_documented_lengths_and_case() {
        let p = [("a", "b")];
        assert_eq!(sign(p, "k", SignMethod::Md5).len(), 32);
        assert_eq!(sign(p, "k", SignMethod::Hmac).len(), 32);
        let s = sign(p, "k", SignMethod::HmacSha256);
        assert_eq!(s.len(), 64);
        assert!(s.chars().all(|c| c.is_ascii_digit() || c.is_ascii_uppercase()));
    }

    #[test]
    fn hex_digits_match_the_hex_crate_and_the_documented_lengths() {
        let p = [("a", "b")];
        for m in [SignMethod::Md5, SignMethod::Hmac, SignMethod::HmacSha256] {
            let digest: Vec<u8> = match m {
                SignMethod::Md5 => Md5::new().chain_update("kabk").finalize().to_vec(),
                SignMethod::Hmac => {
                    let mut h = Hmac::<Md5>::new_from_slice(b"k").unwrap();
                    Mac::update(&mut h, b"ab");
                    h.finalize().into_bytes().to_vec()
                }
                SignMethod::HmacSha256 => {
                    let mut h = Hmac::<Sha256>::new_from_slice(b"k").unwrap();
                    Mac::update(&mut h, b"ab");
                    h.finalize().into_bytes().to_vec()
                }
            };
            let ours = sign(p, "k", m);
            assert_eq!(ours, hex::encode_upper(&digest), "{m}");
            assert_eq!(ours.len(), m.hex_len(), "{m}");
        }
    }

    #[test]
    fn signature_comparison_is_exact() {
        assert!(signatures_equal("ABC", "ABC"));
        assert!(!signatures_equal("ABC", "abc"));
        assert!(!signatures_equal("ABC", "ABCD"));
    }
}
