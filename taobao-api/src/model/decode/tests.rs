//! The conversion table of the module docs, value by value, with the warnings it promises.

use super::*;
use crate::model::tests::Parcel;

/// Decodes `json` as a `T`, returning the value and the warnings as `path: message`.
fn read<T: Decode>(json: &str) -> (Option<T>, Vec<String>) {
    let mut reader = Reader::new(json);
    let mut cx = Context::new();
    cx.enter("f");
    let value = T::decode(&mut reader, &mut cx).expect("well-formed JSON");
    reader.end().expect("one value");
    (value, cx.into_warnings().iter().map(ToString::to_string).collect())
}

fn ok<T: Decode + PartialEq + fmt::Debug>(json: &str, want: T) {
    assert_eq!(read::<T>(json), (Some(want), vec![]), "{json}");
}

fn none<T: Decode + PartialEq + fmt::Debug>(json: &str) {
    assert_eq!(read::<T>(json), (None, vec![]), "{json}");
}

fn warned<T: Decode + PartialEq + fmt::Debug>(json: &str, warning: &str) {
    assert_eq!(read::<T>(json), (None, vec![format!("f: {warning}")]), "{json}");
}

#[test]
fn strings_take_any_scalar_and_compact_json() {
    ok(r#""a\u00e9""#, "aé".to_string());
    // Numbers keep their exact text (Java's toString would turn 12.50 into 12.5).
    ok("12.50", "12.50".to_string());
    ok("975732022081832762", "975732022081832762".to_string());
    ok("true", "true".to_string());
    ok(r#"{ "a" : [1, 2] }"#, r#"{"a":[1,2]}"#.to_string());
    ok("[ 1, \"x y\" ]", "[1,\"x y\"]".to_string());
    none::<String>("null");
}

#[test]
fn numbers() {
    ok("10", 10i64);
    ok(r#""-10""#, -10i64);
    ok("10.0", 10i64);
    ok("1e3", 1000i64);
    warned::<i64>(r#""""#, "expected an integer, found an empty string");
    warned::<i64>(r#"" ""#, "expected an integer, found an empty string");
    none::<i64>("null");
    warned::<i64>("1.5", "expected an integer, found `1.5`");
    warned::<i64>(r#""1.5""#, "expected an integer, found `1.5`");
    warned::<i64>(r#""abc""#, "expected an integer, found `abc`");
    warned::<i64>(
        "99999999999999999999",
        "expected an integer, found `99999999999999999999`",
    );
    warned::<i64>("true", "expected an integer, found a boolean `true`");
    warned::<i64>(r#"{"a":1}"#, r#"expected an integer, found an object `{"a":1}`"#);
}

#[test]
fn booleans() {
    ok("true", true);
    ok(r#""TRUE""#, true);
    ok(r#""false""#, false);
    ok("1", true);
    ok("0", false);
    warned::<bool>(r#""""#, "expected a boolean, found an empty string");
    warned::<bool>(r#""yes""#, "expected a boolean, found `yes`");
    warned::<bool>("2", "expected a boolean, found `2`");
    warned::<bool>("[true]", "expected a boolean, found an array `[true]`");
}

#[test]
fn dates() {
    let t = Timestamp::parse("2024-03-28 16:38:11").unwrap();
    ok(r#""2024-03-28 16:38:11""#, t);
    // Java's SimpleDateFormat reads a prefix: the fraction some gateways add parses.
    ok(r#""2024-03-28 16:38:11.0""#, t);
    ok("1711615091000", t);
    warned::<Timestamp>(r#""""#, "expected a date, found an empty string");
    warned::<Timestamp>(r#""28/03/2024""#, "expected yyyy-MM-dd HH:mm:ss, found `28/03/2024`");
    warned::<Timestamp>("1.5", "expected epoch milliseconds, found `1.5`");
    warned::<Timestamp>("{}", "expected a date, found an object `{}`");
}

#[test]
fn decimals_keep_every_digit() {
    let exact: Decimal = "12345678901234567.89".parse().unwrap();
    ok("12345678901234567.89", exact);
    ok(r#""12345678901234567.89""#, exact);
    ok(r#""0.00""#, "0.00".parse::<Decimal>().unwrap());
    ok("1.5e2", Decimal::from(150));
    warned::<Decimal>(r#""""#, "expected a decimal, found an empty string");
    warned::<Decimal>(r#""12,50""#, "expected a decimal, found `12,50`");
    warned::<Decimal>("false", "expected a decimal, found a boolean `false`");
}

#[test]
fn free_json_takes_anything() {
    ok(r#"{"a": [1, null]}"#, serde_json::json!({"a": [1, null]}));
    ok("\"x\"", serde_json::json!("x"));
    none::<JsonValue>("null");
    // Well-formed JSON serde_json cannot hold is this field's warning, never a failed call.
    let (value, warnings) = read::<JsonValue>(r#"{"big": 1e400}"#);
    assert_eq!(value, None);
    assert!(
        warnings.len() == 1 && warnings[0].contains("serde_json cannot represent"),
        "{warnings:?}"
    );
    let deep = format!("{}1{}", "[".repeat(200), "]".repeat(200));
    let (value, warnings) = read::<JsonValue>(&deep);
    assert_eq!((value, warnings.len()), (None, 1));
}

#[test]
fn lists_plain_wrapped_and_with_nulls() {
    ok("[1, 2]", vec![1i64, 2]);
    ok(r#"{"number": [1, "2"]}"#, vec![1i64, 2]);
    ok(r#"{"number": 7}"#, vec![7i64]);
    ok("{}", Vec::<i64>::new());
    ok(r#"{"number": null}"#, Vec::<i64>::new());
    // A null item is skipped; a bad item is dropped with a warning that names its index in
    // the reply (not in the list that remains).
    let (got, warnings) = read::<Vec<i64>>(r#"[null, 1, null, "x", 3]"#);
    assert_eq!(got, Some(vec![1, 3]));
    assert_eq!(warnings, ["f[3]: expected an integer, found `x`"]);
    // A wrong kind where a list is declared is no list at all.
    warned::<Vec<i64>>("7", "expected a list, found a number `7`");
    warned::<Vec<String>>(r#""a,b""#, r#"expected a list, found a string `"a,b"`"#);
}

#[test]
fn objects_from_objects_or_json_text() {
    let (parcel, warnings) = read::<Parcel>(r#"{"code": "A", "count": "1.5"}"#);
    assert_eq!(parcel.unwrap().code.as_deref(), Some("A"));
    assert_eq!(warnings, ["f.count: expected an integer, found `1.5`"]);
    let (parcel, warnings) = read::<Parcel>(r#""{\"code\": \"B\"}""#);
    assert_eq!(parcel.unwrap().code.as_deref(), Some("B"));
    assert!(warnings.is_empty());
    none::<Parcel>(r#""""#);
    warned::<Parcel>(r#""not json""#, "expected an object, found a string `not json`");
    warned::<Parcel>("[1]", "expected an object, found an array `[1]`");
    // Wrapped lists of objects: the single-item collapse of XML-to-JSON converters too.
    let (items, _) = read::<Vec<Parcel>>(r#"{"parcel": {"code": "C"}}"#);
    assert_eq!(items.unwrap()[0].code.as_deref(), Some("C"));
}

#[test]
fn malformed_json_is_the_only_failure() {
    for text in [r#"{"code": }"#, r#"{"code": "x"#, "[1, 2", "{\"a\" 1}"] {
        let mut reader = Reader::new(text);
        let mut cx = Context::new();
        assert!(Parcel::decode(&mut reader, &mut cx).is_err(), "{text}");
    }
}

/// Collects the `message` and `path` of WARN events.
#[derive(Default, Clone)]
struct Warnings(std::sync::Arc<std::sync::Mutex<Vec<String>>>);

struct Fields(String);

impl tracing::field::Visit for Fields {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn fmt::Debug) {
        if !self.0.is_empty() {
            self.0.push(' ');
        }
        self.0.push_str(&format!("{}={value:?}", field.name()));
    }
}

impl tracing::Subscriber for Warnings {
    fn enabled(&self, metadata: &tracing::Metadata<'_>) -> bool {
        *metadata.level() == tracing::Level::WARN
    }
    fn new_span(&self, _: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        tracing::span::Id::from_u64(1)
    }
    fn record(&self, _: &tracing::span::Id, _: &tracing::span::Record<'_>) {}
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, event: &tracing::Event<'_>) {
        let mut fields = Fields(String::new());
        event.record(&mut fields);
        self.0.lock().unwrap().push(fields.0);
    }
    fn enter(&self, _: &tracing::span::Id) {}
    fn exit(&self, _: &tracing::span::Id) {}
}

#[test]
fn warnings_are_logged_the_first_few_then_a_count() {
    let collected = Warnings::default();
    let warnings: Vec<DecodeWarning> = (0..10)
        .map(|i| DecodeWarning {
            path: format!("list[{i}].id"),
            message: "expected an integer, found `x`".into(),
        })
        .collect();
    tracing::subscriber::with_default(collected.clone(), || {
        trace_warnings(&[]);
        trace_warnings(&warnings);
    });
    let events = collected.0.lock().unwrap().clone();
    assert_eq!(events.len(), 9, "{events:#?}");
    assert_eq!(
        events[0],
        "message=TOP reply field not converted: expected an integer, found `x` path=list[0].id"
    );
    assert_eq!(events[8], "message=2 more TOP reply fields not converted");
}
