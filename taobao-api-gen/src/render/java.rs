//! The 请求示例 in the official Java style: `TaobaoClient client = ...`, `XxxRequest req = ...`,
//! one `objN` per object and `listN` per object list (numbered as the doc center numbers them:
//! an object takes the next number, a list skips one and its element takes the number after
//! it), nested classes as `new Outer.TypeName()`, setters `setCamelCase(literal)`.

use super::values::{example, invented, is_structured, java_class_stem, java_type_name, upper_camel};
use crate::ir::{Api, Param, Ty};

/// The Java request example of `api`, one line per statement, no trailing newline.
pub fn request_example(api: &Api) -> String {
    let stem = java_class_stem(&api.name);
    let mut w = Writer {
        request_class: format!("{stem}Request"),
        counter: 0,
        lines: Vec::new(),
    };
    w.lines
        .push("TaobaoClient client = new DefaultTaobaoClient(url, appkey, secret);".to_string());
    w.lines.push(format!("{0} req = new {0}();", w.request_class));
    for p in &api.request {
        w.set(p, "req", true);
    }
    w.lines.push(format!("{stem}Response rsp = client.execute(req);"));
    w.lines.push("System.out.println(rsp.getBody());".to_string());
    w.lines.join("\n")
}

struct Writer {
    request_class: String,
    counter: usize,
    lines: Vec<String>,
}

impl Writer {
    fn set(&mut self, p: &Param, receiver: &str, top_level: bool) {
        let setter = format!("set{}", upper_camel(&p.name));
        if !is_structured(p) {
            let literal = literal(p, top_level);
            self.lines.push(format!("{receiver}.{setter}({literal});"));
            return;
        }
        let class = format!("{}.{}", self.request_class, java_type_name(p));
        let value = if p.ty.ty.is_list() {
            self.counter += 2;
            let list = format!("list{}", self.counter);
            self.lines
                .push(format!("List<{class}> {list} = new ArrayList<{class}>();"));
            let obj = self.object(&class);
            self.lines.push(format!("{list}.add({obj});"));
            self.fields(p, &obj);
            list
        } else {
            let obj = self.object(&class);
            self.fields(p, &obj);
            obj
        };
        self.lines.push(format!("{receiver}.{setter}({value});"));
    }

    fn object(&mut self, class: &str) -> String {
        self.counter += 1;
        let obj = format!("obj{}", self.counter);
        self.lines.push(format!("{class} {obj} = new {class}();"));
        obj
    }

    fn fields(&mut self, p: &Param, obj: &str) {
        for child in &p.children {
            self.set(child, obj, false);
        }
    }
}

/// The Java literal of a scalar row. Top-level lists go as one comma-joined string (the SDK's
/// request classes take `String`); lists inside objects as arrays.
fn literal(p: &Param, top_level: bool) -> String {
    let ty = &p.ty.ty;
    let value = example(p).unwrap_or_default();
    match ty {
        Ty::List(inner) if !top_level && **inner != Ty::File => {
            let items: Vec<String> = value
                .split(',')
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(|v| scalar(inner, v))
                .collect();
            format!("new {}[] {{ {} }}", java_scalar_class(inner), items.join(", "))
        }
        Ty::List(_) => quoted(&value),
        other => scalar(other, &value),
    }
}

fn scalar(ty: &Ty, value: &str) -> String {
    match ty {
        Ty::Number | Ty::Byte => match value.trim().parse::<i64>() {
            Ok(n) => format!("{n}L"),
            Err(_) => format!("{}L", invented(&Ty::Number).unwrap_or_default()),
        },
        Ty::Boolean => match value.trim() {
            "true" | "false" => value.trim().to_string(),
            _ => "true".to_string(),
        },
        Ty::Date => format!("StringUtils.parseDateTime({})", quoted(value)),
        Ty::File => "new FileItem(\"/tmp/file.png\")".to_string(),
        _ => quoted(value),
    }
}

fn java_scalar_class(ty: &Ty) -> &'static str {
    match ty {
        Ty::Number | Ty::Byte => "Long",
        Ty::Boolean => "Boolean",
        Ty::Date => "Date",
        _ => "String",
    }
}

/// A Java string literal: quotes, backslashes and control characters escaped.
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::TypeRef;

    fn param(name: &str, ty: &str, example: Option<&str>, children: Vec<Param>) -> Param {
        let mut p = Param::new(name, TypeRef::from_declared(ty));
        p.example = example.map(str::to_string);
        p.children = children;
        p
    }

    #[test]
    fn objects_lists_and_literals() {
        let api = Api {
            name: "taobao.a.b".into(),
            request: vec![
                param("ids", "Number[]", None, vec![]),
                param(
                    "req",
                    "Req",
                    None,
                    vec![
                        param("n", "Number", Some("7"), vec![]),
                        param(
                            "items",
                            "Item[]",
                            None,
                            vec![
                                param("tags", "String[]", None, vec![]),
                                param("at", "Date", None, vec![]),
                            ],
                        ),
                        param("flag", "Boolean", Some("yes"), vec![]),
                        param("q", "String", Some("say \"hi\"\\"), vec![]),
                    ],
                ),
                param("file", "byte[]", None, vec![]),
            ],
            ..Api::default()
        };
        let expected = r#"TaobaoClient client = new DefaultTaobaoClient(url, appkey, secret);
ABRequest req = new ABRequest();
req.setIds("123,456");
ABRequest.Req obj1 = new ABRequest.Req();
obj1.setN(7L);
List<ABRequest.Item> list3 = new ArrayList<ABRequest.Item>();
ABRequest.Item obj4 = new ABRequest.Item();
list3.add(obj4);
obj4.setTags(new String[] { "abc", "def" });
obj4.setAt(StringUtils.parseDateTime("2000-01-01 00:00:00"));
obj1.setItems(list3);
obj1.setFlag(true);
obj1.setQ("say \"hi\"\\");
req.setReq(obj1);
req.setFile(new FileItem("/tmp/file.png"));
ABResponse rsp = client.execute(req);
System.out.println(rsp.getBody());"#;
        assert_eq!(request_example(&api), expected);
    }
}
