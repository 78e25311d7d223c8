//! A small `multipart/form-data` reader for the mock gateway: enough for what TOP clients send
//! (text parts and file parts with `name`, optional `filename` and `Content-Type`). Malformed
//! bodies are reported as errors, never panics.

/// One part of a multipart body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Part {
    pub(crate) name: String,
    pub(crate) file_name: Option<String>,
    pub(crate) content_type: Option<String>,
    pub(crate) content: Vec<u8>,
}

/// The `boundary` parameter of a `multipart/form-data` content type.
pub(crate) fn boundary(content_type: &str) -> Option<String> {
    let (mime, rest) = content_type.split_once(';')?;
    if !mime.trim().eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    rest.split(';').find_map(|kv| {
        let (k, v) = kv.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("boundary")
            .then(|| v.trim().trim_matches('"').to_owned())
    })
}

/// Splits a body into its parts.
pub(crate) fn parse(body: &[u8], boundary: &str) -> Result<Vec<Part>, String> {
    let delim = format!("--{boundary}").into_bytes();
    let mut pos = find(body, &delim, 0).ok_or("no opening boundary")? + delim.len();
    let mut parts = Vec::new();
    loop {
        if body[pos..].starts_with(b"--") {
            return Ok(parts);
        }
        pos = skip_crlf(body, pos).ok_or("boundary not followed by CRLF")?;
        let head_end = find(body, b"\r\n\r\n", pos).ok_or("part headers not terminated")?;
        let headers = std::str::from_utf8(&body[pos..head_end]).map_err(|_| "part headers are not UTF-8")?;
        let content_start = head_end + 4;
        let mut next_delim = b"\r\n".to_vec();
        next_delim.extend_from_slice(&delim);
        let content_end = find(body, &next_delim, content_start).ok_or("part not terminated by a boundary")?;
        parts.push(part(headers, body[content_start..content_end].to_vec())?);
        pos = content_end + next_delim.len();
    }
}

fn part(headers: &str, content: Vec<u8>) -> Result<Part, String> {
    let mut name = None;
    let mut file_name = None;
    let mut content_type = None;
    for line in headers.split("\r\n") {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        if key.trim().eq_ignore_ascii_case("content-disposition") {
            for attr in value.split(';').skip(1) {
                if let Some((k, v)) = attr.split_once('=') {
                    let v = v.trim().trim_matches('"').to_owned();
                    match k.trim() {
                        "name" => name = Some(v),
                        "filename" => file_name = Some(v),
                        _ => {}
                    }
                }
            }
        } else if key.trim().eq_ignore_ascii_case("content-type") {
            content_type = Some(value.trim().to_owned());
        }
    }
    Ok(Part {
        name: name.ok_or("part without a name")?,
        file_name,
        content_type,
        content,
    })
}

fn skip_crlf(body: &[u8], pos: usize) -> Option<usize> {
    body[pos..].starts_with(b"\r\n").then_some(pos + 2)
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() || from > hay.len() {
        return None;
    }
    hay[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_text_and_file_parts() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1 2\r\n--XyZ\r\nContent-Disposition: form-data; name=\"img\"; filename=\"x.png\"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n--XyZ--\r\n";
        let parts = parse(body, "XyZ").unwrap();
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].name, "a");
        assert_eq!(parts[0].content, b"1 2");
        assert_eq!(parts[0].file_name, None);
        assert_eq!(parts[1].file_name.as_deref(), Some("x.png"));
        assert_eq!(parts[1].content_type.as_deref(), Some("image/png"));
        assert_eq!(parts[1].content, b"\x89PNG");
    }

    #[test]
    fn malformed_bodies_are_errors() {
        assert!(parse(b"", "b").is_err());
        assert!(parse(b"--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--", "b").is_err());
        assert!(parse(b"--b\r\nno end", "b").is_err());
        assert!(parse(b"--bX", "b").is_err());
    }

    #[test]
    fn boundaries_are_read_from_the_content_type() {
        assert_eq!(boundary("multipart/form-data; boundary=abc").as_deref(), Some("abc"));
        assert_eq!(
            boundary("multipart/form-data; boundary=\"q r\"").as_deref(),
            Some("q r")
        );
        assert_eq!(boundary("application/x-www-form-urlencoded"), None);
    }
}
