//! The canonical outline of an API (`taobao-api-gen tree`): names, types, required flags and
//! nesting, two spaces per depth. Tests compare trees through this text.

use crate::ir::{Api, Param};
use std::fmt::Write;

/// Renders the outline. Request rows end in `required`/`optional`; response rows carry no flag.
pub fn outline(api: &Api) -> String {
    let mut out = format!("api {}\nrequest\n", api.name);
    for p in &api.request {
        write_param(&mut out, p, 1, true);
    }
    out.push_str("response\n");
    for p in &api.response {
        write_param(&mut out, p, 1, false);
    }
    out
}

fn write_param(out: &mut String, p: &Param, depth: usize, request: bool) {
    let indent = "  ".repeat(depth);
    let _ = write!(out, "{indent}{}: {}", p.name, p.ty.display_name());
    if request {
        out.push_str(if p.required { " required" } else { " optional" });
    }
    out.push('\n');
    for child in &p.children {
        write_param(out, child, depth + 1, request);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Param, TypeRef};

    #[test]
    fn outline_shape() {
        let mut obj = Param::new("req", TypeRef::from_declared("Dto []"));
        obj.required = true;
        obj.children.push(Param::new("a", TypeRef::default()));
        let api = Api {
            name: "taobao.x".into(),
            request: vec![obj],
            response: vec![Param::new("ok", TypeRef::from_declared("Boolean"))],
            ..Api::default()
        };
        assert_eq!(
            outline(&api),
            "api taobao.x\nrequest\n  req: Dto[] required\n    a: String optional\nresponse\n  ok: Boolean\n"
        );
    }
}
