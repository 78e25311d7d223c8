//! HTML fragments to the text a browser shows: tags dropped, `<br>` and block tags as line
//! breaks, entities decoded. Used for the HTML descriptions of doc-center JSON records and for
//! saved pages, so every reader yields the same description text.

/// Converts an HTML fragment into display text. `<br>`, `<p>`, `<li>`, `<div>`, `<tr>` break
/// the line; other tags (including pseudo-tags such as `<String>`) are dropped; entities are
/// decoded. Runs of spaces inside a line are kept as written; blank lines are removed and each
/// line is trimmed.
pub fn html_to_text(html: &str) -> String {
    if !html.contains('<') && !html.contains('&') {
        return tidy_lines(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..lt]));
        let after = &rest[lt + 1..];
        match tag_end(after) {
            Some(gt) => {
                let tag = &after[..gt];
                if breaks_line(tag) {
                    out.push('\n');
                }
                rest = &after[gt + 1..];
            }
            None => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(&decode_entities(rest));
    tidy_lines(&out)
}

/// Where a tag that starts after `<` ends, if this is a tag at all (`a < b` is not).
fn tag_end(after_lt: &str) -> Option<usize> {
    let first = after_lt.chars().next()?;
    if !(first.is_ascii_alphabetic() || first == '/' || first == '!') {
        return None;
    }
    let gt = after_lt.find('>')?;
    // A `<` before the `>` means this was not a tag (`a<b<c>`): leave the first `<` as text.
    if after_lt[..gt].contains('<') || after_lt[..gt].contains('\n') && gt > 200 {
        return None;
    }
    Some(gt)
}

fn breaks_line(tag: &str) -> bool {
    let name: String = tag
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    matches!(
        name.as_str(),
        "br" | "p" | "li" | "div" | "tr" | "ul" | "ol" | "table" | "h1" | "h2" | "h3" | "h4" | "pre"
    )
}

fn tidy_lines(text: &str) -> String {
    text.lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace()))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Decodes the named entities the doc center uses and numeric ones.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let semi = after.find(';').filter(|&i| i <= 10);
        let decoded = semi.and_then(|i| entity(&after[..i]).map(|c| (c, i)));
        match decoded {
            Some((c, i)) => {
                out.push(c);
                rest = &after[i + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ldquo" => '\u{201C}',
        "rdquo" => '\u{201D}',
        "lsquo" => '\u{2018}',
        "rsquo" => '\u{2019}',
        "hellip" => '\u{2026}',
        "mdash" => '\u{2014}',
        "ndash" => '\u{2013}',
        "middot" => '\u{00B7}',
        "times" => '\u{00D7}',
        "yen" => '\u{00A5}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::html_to_text;

    #[test]
    fn fragments_become_display_text() {
        let cases = [
            ("plain text", "plain text"),
            ("a<br/>b<br>c", "a\nb\nc"),
            ("<ul><li>1:一</li><li>2:二</li></ul>", "1:一\n2:二"),
            ("List<String> 列表", "List 列表"),
            ("<font color=\"red\">注意</font>:必填", "注意:必填"),
            (
                "&quot;x&quot; &amp; &ldquo;y&rdquo; &#20013;",
                "\"x\" & \u{201C}y\u{201D} 中",
            ),
            ("a < b and c>d", "a < b and c>d"),
            ("  line one \n\n  line two ", "line one\nline two"),
            ("AT&T", "AT&T"),
        ];
        for (html, text) in cases {
            assert_eq!(html_to_text(html), text, "{html}");
        }
    }
}
