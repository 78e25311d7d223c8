//! The 响应示例 as XML: `<xxx_response>` root, 4-space indentation, one element per response
//! row, list items wrapped in an element named after the item type (`<tms_sites_dto>`).

use super::values::{example, is_structured, xml_item_name, xml_root};
use crate::ir::{Api, Param, Ty};

/// The XML response example of `api`, no trailing newline.
pub fn response_example(api: &Api) -> String {
    let root = xml_root(&api.name);
    let mut lines = vec![format!("<{root}>")];
    for p in &api.response {
        element(&mut lines, p, 1);
    }
    lines.push(format!("</{root}>"));
    lines.join("\n")
}

/// The fixed 异常示例 every doc page shows.
pub const ERROR_EXAMPLE: &str = "<error_response>
    <code>50</code>
    <msg>Remote service error</msg>
    <sub_code>isv.invalid-parameter</sub_code>
    <sub_msg>非法参数</sub_msg>
</error_response>";

fn element(lines: &mut Vec<String>, p: &Param, depth: usize) {
    let pad = "    ".repeat(depth);
    let name = &p.name;
    if is_structured(p) {
        lines.push(format!("{pad}<{name}>"));
        if p.ty.ty.is_list() {
            let item = xml_item_name(&p.ty.ty, p.ty.declared.as_deref());
            lines.push(format!("{pad}    <{item}>"));
            for c in &p.children {
                element(lines, c, depth + 2);
            }
            lines.push(format!("{pad}    </{item}>"));
        } else {
            for c in &p.children {
                element(lines, c, depth + 1);
            }
        }
        lines.push(format!("{pad}</{name}>"));
        return;
    }
    let value = example(p).unwrap_or_default();
    match &p.ty.ty {
        Ty::List(_) => {
            let item = xml_item_name(&p.ty.ty, p.ty.declared.as_deref());
            lines.push(format!("{pad}<{name}>"));
            for v in value.split(',').map(str::trim).filter(|v| !v.is_empty()) {
                lines.push(format!("{pad}    <{item}>{}</{item}>", escape(v)));
            }
            lines.push(format!("{pad}</{name}>"));
        }
        _ => lines.push(format!("{pad}<{name}>{}</{name}>", escape(&value))),
    }
}

/// Escapes text content: `&`, `<` and `>`.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::TypeRef;

    #[test]
    fn nesting_lists_and_escapes() {
        let mut items = Param::new("sites", TypeRef::from_declared("TmsSitesDTO []"));
        items.children = vec![Param::new("code", TypeRef::from_declared("Number"))];
        let mut tags = Param::new("tags", TypeRef::from_declared("String[]"));
        tags.example = Some("a<b,c".into());
        let api = Api {
            name: "tmall.x.get".into(),
            response: vec![items, tags],
            ..Api::default()
        };
        let expected = "<tmall_x_get_response>
    <sites>
        <tms_sites_dto>
            <code>123</code>
        </tms_sites_dto>
    </sites>
    <tags>
        <string>a&lt;b</string>
        <string>c</string>
    </tags>
</tmall_x_get_response>";
        assert_eq!(response_example(&api), expected);
    }
}
