//! Reading a generated field table into [`FieldSpec`]s: one line per field, the wire name, a tab,
//! then the rules exactly as the generator wrote them, `FieldSpec` method calls
//! (`.required().max_length(64).json_key("k")`, however `stringify!` spaced them).
//!
//! The table comes from generated code, never from users; should a rule not parse, it is left
//! out (and a debug build asserts), which can only loosen validation, never reject a request.

use super::FieldSpec;

/// The fields of a table, in order.
pub(crate) fn parse(table: &'static str) -> Box<[FieldSpec]> {
    table
        .split('\n')
        .filter(|line| !line.is_empty())
        .map(|line| {
            let (name, rules) = line.split_once('\t').unwrap_or((line, ""));
            let mut spec = FieldSpec::new(name);
            let mut calls = Calls { rest: rules };
            while let Some((method, args)) = calls.next() {
                let applied = apply(spec, method, &args);
                debug_assert!(applied.is_some(), "unknown rule `{method}` in the table of `{name}`");
                spec = applied.unwrap_or(spec);
            }
            spec
        })
        .collect()
}

/// `spec` with one rule applied, or `None` for an unknown rule or wrong arguments.
fn apply(spec: FieldSpec, method: &str, args: &[Arg]) -> Option<FieldSpec> {
    Some(match (method, args) {
        ("required", []) => spec.required(),
        ("json_key", [Arg::Text(key)]) => spec.json_key(key),
        ("required_when", [Arg::Text(field), Arg::Text(equals)]) => spec.required_when(field, equals),
        ("max_length", [Arg::Int(n)]) => spec.max_length(u64::try_from(*n).ok()?),
        ("max_list_size", [Arg::Int(n)]) => spec.max_list_size(u64::try_from(*n).ok()?),
        ("min_value", [Arg::Int(n)]) => spec.min_value(i64::try_from(*n).ok()?),
        ("max_value", [Arg::Int(n)]) => spec.max_value(i64::try_from(*n).ok()?),
        _ => return None,
    })
}

#[derive(Debug, PartialEq)]
enum Arg {
    Int(i128),
    Text(&'static str),
}

/// The `.method(args)` calls of one line.
struct Calls {
    rest: &'static str,
}

impl Calls {
    fn next(&mut self) -> Option<(&'static str, Vec<Arg>)> {
        let rest = self.rest.trim_start().strip_prefix('.')?.trim_start();
        let open = rest.find('(')?;
        let method = rest[..open].trim();
        let mut args = Vec::new();
        let mut s = rest[open + 1..].trim_start();
        loop {
            if let Some(after) = s.strip_prefix(')') {
                self.rest = after;
                return Some((method, args));
            }
            let (arg, after) = read_arg(s)?;
            args.push(arg);
            s = after.trim_start();
            s = s.strip_prefix(',').unwrap_or(s).trim_start();
        }
    }
}

/// One argument: an integer (optionally negative) or a string literal.
fn read_arg(s: &'static str) -> Option<(Arg, &'static str)> {
    if let Some(body) = s.strip_prefix('"') {
        let end = closing_quote(body)?;
        let text = &body[..end];
        let text: &'static str = if text.contains('\\') {
            // A generated wire name or value with an escape: unescaped once per type, kept for
            // the life of the process like the table itself.
            Box::leak(unescape(text)?.into_boxed_str())
        } else {
            text
        };
        return Some((Arg::Text(text), &body[end + 1..]));
    }
    let end = s
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || (i == 0 && c == '-') || c == '_'))
        .map_or(s.len(), |(i, _)| i);
    let digits: String = s[..end].chars().filter(|&c| c != '_').collect();
    let n = digits.parse().ok()?;
    // An integer suffix (`64u64`) is not written by the generator, but would be harmless.
    let rest = s[end..].trim_start_matches(|c: char| c.is_ascii_alphanumeric());
    Some((Arg::Int(n), rest))
}

fn closing_quote(body: &str) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in body.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return Some(i),
            _ => {}
        }
    }
    None
}

fn unescape(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next()? {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            '0' => '\0',
            '\\' => '\\',
            '"' => '"',
            '\'' => '\'',
            'u' => {
                let hex: String = chars.by_ref().skip(1).take_while(|&c| c != '}').collect();
                char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?
            }
            _ => return None,
        });
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_read_every_rule_however_spaced() {
        let table = "a\t.required()\nb.c\t. required_when (\"a\" , \"1\") .max_length(64)\nd\t\ne\t.json_key(\"e_k\").min_value(-5).max_value(1_000)\nf\t.max_list_size(20)\ng\t.json_key(\"q\\\"\\u{4e2d}\")\n";
        let fields = parse(table);
        let names: Vec<&str> = fields.iter().map(|f| f.name).collect();
        assert_eq!(names, ["a", "b.c", "d", "e", "f", "g"]);
        assert!(fields[0].rules.required);
        assert_eq!(fields[1].rules.required_when, Some(("a", "1")));
        assert_eq!(fields[1].rules.max_length, Some(64));
        assert_eq!(fields[2], FieldSpec::new("d"));
        assert_eq!(fields[3].json_key, Some("e_k"));
        assert_eq!(fields[3].rules.min_value, Some(-5));
        assert_eq!(fields[3].rules.max_value, Some(1000));
        assert_eq!(fields[4].rules.max_list_size, Some(20));
        assert_eq!(fields[5].json_key, Some("q\"中"));
    }

    #[test]
    fn the_macro_writes_what_the_parser_reads() {
        static S: crate::model::Schema = crate::schema! {
            Demo {
                "a".required().max_length(8),
                "b",
                "c".required_when("a", "x").json_key("c_c"),
            }
        };
        let fields = S.fields();
        assert_eq!(S.name, "Demo");
        assert_eq!(fields.len(), 3);
        assert_eq!(fields[0].rules.max_length, Some(8));
        assert!(fields[0].rules.required);
        assert_eq!(fields[2].rules.required_when, Some(("a", "x")));
        assert_eq!(fields[2].key(), "c_c");
    }
}
