//! Formatting generated code for people (the CLI's `generate`, the snapshots): prettyplease,
//! plus one entry per line in the field tables of the runtime's table macros (`request_dto!`,
//! `response_object!`, `enum_impls!`, `schema!`). prettyplease prints macro bodies as flowing text, so a
//! change to one field would reflow the lines after it; one entry per line keeps a codegen change
//! a diff of the entries it touches. The tokens are untouched: this only lays them out.

use proc_macro2::TokenStream;

/// The table macros whose bodies are `[top] Name { entry, entry, ... }`.
const TABLE_MACROS: &[&str] = &["request_dto! {", "response_object! {", "enum_impls! {", "schema! {"];

/// Formats generated tokens as a Rust file.
pub fn format_code(tokens: TokenStream) -> syn::Result<String> {
    let file: syn::File = syn::parse2(tokens)?;
    Ok(tables_one_entry_per_line(&prettyplease::unparse(&file)))
}

/// Rewrites the body of every table macro invocation with one entry per line.
pub fn tables_one_entry_per_line(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        out.push_str(line);
        out.push('\n');
        i += 1;
        if !TABLE_MACROS.iter().any(|m| line.trim_end().ends_with(m)) {
            continue;
        }
        let indent = &line[..line.len() - line.trim_start().len()];
        let close = format!("{indent}}}");
        let closes = |l: &&str| {
            l.strip_prefix(close.as_str())
                .is_some_and(|rest| matches!(rest, "" | ";" | "," | ")" | ");"))
        };
        let Some(end) = lines[i..].iter().position(closes) else {
            continue;
        };
        let body: Vec<&str> = lines[i..i + end].iter().map(|l| l.trim()).collect();
        match layout(&body.join(" "), indent) {
            Some(table) => out.push_str(&table),
            None => {
                for l in &lines[i..i + end] {
                    out.push_str(l);
                    out.push('\n');
                }
            }
        }
        i += end;
    }
    out
}

/// `head { a, b }` laid out one entry per line, or `None` when the body is not of that shape.
fn layout(body: &str, indent: &str) -> Option<String> {
    let open = body.find('{')?;
    let inner = body[open + 1..].trim_end().strip_suffix('}')?;
    let head = body[..open].trim();
    let entries = split_top_level(inner)?;
    let mut out = format!("{indent}    {head} {{\n");
    for entry in entries {
        out.push_str(&format!("{indent}        {entry},\n"));
    }
    out.push_str(&format!("{indent}    }}\n"));
    Some(out)
}

/// Splits at commas outside brackets and string literals; `None` on unbalanced text.
fn split_top_level(inner: &str) -> Option<Vec<String>> {
    let mut entries = Vec::new();
    let mut depth = 0i32;
    let mut current = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                current.push(c);
                while let Some(s) = chars.next() {
                    current.push(s);
                    match s {
                        '\\' => current.extend(chars.next()),
                        '"' => break,
                        _ => {}
                    }
                }
                continue;
            }
            '(' | '[' | '{' | '<' => depth += 1,
            ')' | ']' | '}' | '>' => depth -= 1,
            ',' if depth == 0 => {
                entries.extend(tidy(&current));
                current.clear();
                continue;
            }
            _ => {}
        }
        if depth < 0 {
            return None;
        }
        current.push(c);
    }
    if depth != 0 {
        return None;
    }
    entries.extend(tidy(&current));
    Some(entries)
}

/// One entry with Rust's usual spacing: whitespace runs outside string literals become one
/// space, none before `. , ) < >`, a lone `:` or a call's `(`, and none after `( < ::`
/// (prettyplease spaces macro tokens apart).
fn tidy(entry: &str) -> Option<String> {
    let mut out = String::with_capacity(entry.len());
    let mut pending_space = false;
    let mut chars = entry.trim().chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        let call = c == '(' && out.ends_with(|p: char| p.is_alphanumeric() || p == '_');
        let lone_colon = c == ':' && chars.peek() != Some(&':');
        let glued_before = matches!(c, '.' | ',' | ')' | '<' | '>') || lone_colon || call;
        let glued_after = out.ends_with(['(', '<']) || out.ends_with("::");
        if pending_space && !glued_before && !glued_after && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
        if c == '"' {
            while let Some(s) = chars.next() {
                out.push(s);
                match s {
                    '\\' => out.extend(chars.next()),
                    '"' => break,
                    _ => {}
                }
            }
        }
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_bodies_get_one_entry_per_line() {
        let text = "mod m {\n    ::x::request_dto! {\n        Dto { 0 a : String = \"a, b\".required(), 1 b : Vec < X\n        > = \"b\".max_length(3), 2 c : BTreeMap < String, String > = \"c\" }\n    }\n    fn f() {}\n}\n";
        assert_eq!(
            tables_one_entry_per_line(text),
            "mod m {\n    ::x::request_dto! {\n        Dto {\n            0 a: String = \"a, b\".required(),\n            1 b: Vec<X> = \"b\".max_length(3),\n            2 c: BTreeMap<String, String> = \"c\",\n        }\n    }\n    fn f() {}\n}\n"
        );
        assert_eq!(
            tidy("  3 x : ::a::B < C > = \"k  l\" .m (1, 2)").unwrap(),
            "3 x: ::a::B<C> = \"k  l\".m(1, 2)"
        );
        // Not a table: left as it is.
        let other = "    ::x::response_object! {\n        weird ( }\n    }\n";
        assert_eq!(tables_one_entry_per_line(other), other);
    }
}
