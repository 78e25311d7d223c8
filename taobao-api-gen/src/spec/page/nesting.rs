//! Rows -> parameter tree. The page text loses depth: after a nested object's children, the
//! next `└` rows may belong to any open ancestor again. The example evidence (Java setters for
//! requests, the XML/JSON document for responses) decides: a row goes to the deepest open object
//! whose example still has an unused field of that name.
//!
//! Open objects: top-level rows, object-typed rows and bullet rows shown without `└` (a `└`
//! row never has children). An example that shows the field wins even past open objects that
//! have no example.
//!
//! Fallback rule without evidence: the row belongs to the most recently opened object that is
//! still open (the deepest) and does not hold a field of that name yet; a warning names the
//! row and the other candidates.

use super::evidence::{EvValue, Evidence};
use super::rows::{Hint, RawRow, literal_fits, to_param};
use crate::diag::Diagnostic;
use crate::ir::{Param, ParamOrigin, Span, Ty, TypeRef};
use crate::spec::types::{self, Listing};

/// Deeper nesting is not real (the corpus' deepest is 7); it bounds recursion on bad input.
const MAX_DEPTH: usize = 48;

struct Node {
    param: Param,
    /// Where the row declares its type.
    ty_span: Option<Span>,
    children: Vec<usize>,
    ev: Option<Evidence>,
    used: Vec<bool>,
}

/// How a table is read.
pub struct Context<'e> {
    /// Request table (`必须`/`可选`, Java evidence) or response table.
    pub request: bool,
    /// Markdown layout: a row without `└` may still be an object's child.
    pub markdown: bool,
    /// The request object (Java) or the response document, when the page has the example.
    pub root: Option<&'e Evidence>,
    /// Name of the example, for messages (`the Java example`).
    pub example_name: &'static str,
}

/// Builds the tree of one table.
pub fn build(rows: &[RawRow], cx: &Context<'_>, diags: &mut Vec<Diagnostic>) -> Vec<Param> {
    let mut nodes: Vec<Node> = Vec::new();
    let mut roots: Vec<usize> = Vec::new();
    let mut root_used = vec![false; cx.root.map_or(0, |r| r.entries.len())];
    let mut stack: Vec<usize> = Vec::new();
    let mut after_child = false;
    for row in rows {
        let name = row.name.text.as_str();
        let mut hint = row.hint;
        if hint == Hint::Top && cx.markdown && !stack.is_empty() {
            let at_root = cx.root.is_some_and(|r| r.find_unused(name, &root_used).is_some());
            let in_open = stack.iter().any(|&n| ev_has(&nodes[n], name));
            if cx.root.is_some() && !at_root && in_open {
                hint = Hint::Child;
            } else if cx.root.is_none() && after_child {
                // Pipe tables mark leaves only: an unmarked object row after child rows may be
                // a nested object as well as a new top-level row.
                diags.push(
                    Diagnostic::warning(
                        row.name.span,
                        format!(
                            "ambiguous nesting: `{name}` may be a field of `{}`; read as top-level",
                            nodes[stack[0]].param.name
                        ),
                    )
                    .with_hint(format!(
                        "the pipe table marks only leaf rows with `└`; {} would settle it",
                        cx.example_name
                    )),
                );
            }
        }
        let parent = match hint {
            Hint::Top => {
                stack.clear();
                None
            }
            Hint::Child if stack.is_empty() => {
                diags.push(
                    Diagnostic::warning(
                        row.name.span,
                        format!("child row `{name}` follows no object row; read as top-level"),
                    )
                    .with_hint("a `└` row belongs under a row whose type is an object (`XxxDTO` or `XxxDTO []`)"),
                );
                None
            }
            Hint::Child => Some(choose_parent(&mut stack, &nodes, row, cx, diags)),
        };
        let (ev_entry, used_slot) = match parent {
            Some(p) => {
                let node = &nodes[p];
                let idx = node.ev.as_ref().and_then(|e| e.find_unused(name, &node.used));
                (idx.and_then(|i| node.ev.as_ref().map(|e| e.entries[i].clone())), idx)
            }
            None => {
                let idx = cx.root.and_then(|r| r.find_unused(name, &root_used));
                (idx.and_then(|i| cx.root.map(|r| r.entries[i].clone())), idx)
            }
        };
        match (parent, used_slot) {
            (Some(p), Some(i)) => nodes[p].used[i] = true,
            (None, Some(i)) => root_used[i] = true,
            _ => {}
        }
        let param = to_param(row, cx.request, ev_entry.as_ref().map(|e| &e.value), diags);
        if let (Some(e), true) = (&ev_entry, cx.request) {
            check_literal(&param, row.unmarked, &e.value, e.span, cx, diags);
        }
        let ev = if row.is_container() {
            ev_entry
                .as_ref()
                .and_then(|e| e.value.fields_for(param.ty.ty.is_list()))
        } else {
            None
        };
        let used = vec![false; ev.as_ref().map_or(0, |e| e.entries.len())];
        let id = nodes.len();
        nodes.push(Node {
            param,
            ty_span: row.ty.as_ref().map(|c| c.span),
            children: Vec::new(),
            ev,
            used,
        });
        match parent {
            Some(p) => nodes[p].children.push(id),
            None => roots.push(id),
        }
        if row.is_container() && stack.len() < MAX_DEPTH {
            stack.push(id);
        }
        after_child = parent.is_some();
    }
    if let Some(root) = cx.root {
        unused(root, &root_used, "the request", cx, diags);
    }
    for node in &nodes {
        if let (Some(ev), false) = (&node.ev, node.children.is_empty()) {
            unused(ev, &node.used, &format!("`{}`", node.param.name), cx, diags);
        }
    }
    roots.iter().map(|&r| assemble(r, &mut nodes, cx, diags)).collect()
}

fn ev_has(node: &Node, name: &str) -> bool {
    node.ev
        .as_ref()
        .is_some_and(|e| e.find_unused(name, &node.used).is_some())
}

/// Picks the open object a child row belongs to and truncates the stack above it.
fn choose_parent(
    stack: &mut Vec<usize>,
    nodes: &[Node],
    row: &RawRow,
    cx: &Context<'_>,
    diags: &mut Vec<Diagnostic>,
) -> usize {
    let name = row.name.text.as_str();
    // An example that shows the field decides, even past open objects without an example.
    if let Some(depth) = stack.iter().rposition(|&id| ev_has(&nodes[id], name)) {
        stack.truncate(depth + 1);
        return stack[depth];
    }
    // Fallback: the deepest open object without an example that does not hold the name yet
    // (names are unique within an object, so a repeated name closes the inner object).
    let has_child = |id: usize| nodes[id].children.iter().any(|&c| nodes[c].param.name == name);
    let undecided = stack
        .iter()
        .rposition(|&id| nodes[id].ev.is_none() && !has_child(id))
        .or_else(|| stack.iter().rposition(|&id| nodes[id].ev.is_none()));
    let deepest = stack.len() - 1;
    let Some(depth) = undecided else {
        // Every open object's example lacks the name: keep the fallback rule.
        return stack[deepest];
    };
    let id = stack[depth];
    let mut others: Vec<String> = stack[..depth]
        .iter()
        .rev()
        .filter(|&&o| nodes[o].ev.is_none() || ev_has(&nodes[o], name))
        .map(|&o| format!("`{}`", nodes[o].param.name))
        .collect();
    // Nearest candidates first; a long chain of open objects is summarised.
    if others.len() > 3 {
        let more = others.len() - 3;
        others.truncate(3);
        others.push(format!("{more} more"));
    }
    let nested_started = !nodes[id].children.is_empty() || depth < deepest;
    if !others.is_empty() && nested_started {
        diags.push(
            Diagnostic::warning(
                row.name.span,
                format!(
                    "ambiguous nesting: `{name}` may belong to `{}` or to {}; placed under `{}`",
                    nodes[id].param.name,
                    others.join(" or "),
                    nodes[id].param.name
                ),
            )
            .with_hint(format!(
                "the page text loses depth; {} with this field would settle it",
                cx.example_name
            )),
        );
    }
    stack.truncate(depth + 1);
    id
}

/// Setters / elements the table does not list.
fn unused(ev: &Evidence, used: &[bool], owner: &str, cx: &Context<'_>, diags: &mut Vec<Diagnostic>) {
    if !cx.request {
        return;
    }
    for (i, e) in ev.entries.iter().enumerate() {
        if !used.get(i).copied().unwrap_or(false) {
            diags.push(
                Diagnostic::warning(
                    e.span,
                    format!(
                        "{} sets `{}` on {owner}, which the table does not list there",
                        cx.example_name, e.key
                    ),
                )
                .with_hint("the example contradicts the 请求参数 table: fix the row's name or nesting, or the example"),
            );
        }
    }
}

/// A Java literal whose kind cannot be the declared type.
/// `shown_as_object`: the page shows the row as an object (a `Price` with sub-fields exists).
fn check_literal(
    p: &Param,
    shown_as_object: bool,
    value: &EvValue,
    span: Span,
    cx: &Context<'_>,
    diags: &mut Vec<Diagnostic>,
) {
    let declared = p.ty.display_name();
    let problem = match value {
        EvValue::Scalar { kind, .. } if p.ty.ty.is_object() => Some(format!("a {kind:?} literal")),
        EvValue::Scalar { kind, .. } if !literal_fits(&p.ty.ty, *kind) && !p.ty.ty.is_list() => {
            Some(format!("a {kind:?} literal"))
        }
        EvValue::Object { .. } | EvValue::List { .. }
            if !p.ty.ty.is_object() && !p.ty.ty.is_list() && !shown_as_object =>
        {
            Some("an object".to_string())
        }
        _ => None,
    };
    if let Some(what) = problem {
        diags.push(
            Diagnostic::warning(
                span,
                format!(
                    "{} passes {what} to `{}`, declared `{declared}`",
                    cx.example_name, p.name
                ),
            )
            .with_hint("the example contradicts the table's type; one of them is wrong"),
        );
    }
}

fn assemble(id: usize, nodes: &mut [Node], cx: &Context<'_>, diags: &mut Vec<Diagnostic>) -> Param {
    let mut param = std::mem::take(&mut nodes[id].param);
    let children = std::mem::take(&mut nodes[id].children);
    param.children = children.into_iter().map(|c| assemble(c, nodes, cx, diags)).collect();
    // An object row without child rows: the example may still show its fields.
    if param.children.is_empty()
        && param.ty.ty.is_object()
        && let Some(ev) = nodes[id].ev.take().filter(|e| !e.entries.is_empty())
    {
        let origin = if cx.request {
            ParamOrigin::JavaExample
        } else {
            ParamOrigin::ResponseExample
        };
        param.children = recover(&ev, origin, 0);
        diags.push(
            Diagnostic::note(
                param.span.unwrap_or_default(),
                format!(
                    "the fields of `{}` are not in the table; recovered from {}",
                    param.name, cx.example_name
                ),
            )
            .with_hint("their types are inferred from the example values"),
        );
    }
    // Judged with the children known: a row with fields is an object whatever its type says.
    if let Some(span) = nodes[id].ty_span {
        let declared = param.ty.display_name();
        let has_children = !param.children.is_empty();
        diags.extend(types::diagnose(
            &param.name,
            declared,
            has_children,
            span,
            Listing::Page,
        ));
    }
    param
}

/// Params for the fields an example shows, types inferred from the values.
fn recover(ev: &Evidence, origin: ParamOrigin, depth: usize) -> Vec<Param> {
    ev.entries
        .iter()
        .map(|e| {
            let (declared, children) = match &e.value {
                EvValue::Scalar { kind, .. } => (scalar_type(*kind).to_string(), Vec::new()),
                EvValue::Object { class, fields } => (
                    class.clone().unwrap_or_else(|| upper_camel(&e.key)),
                    if depth < MAX_DEPTH {
                        recover(fields, origin, depth + 1)
                    } else {
                        Vec::new()
                    },
                ),
                EvValue::List { class, .. } => {
                    let fields = e.value.fields_for(true).unwrap_or_default();
                    match class {
                        Some(c) if !matches!(c.as_str(), "String" | "Long" | "Boolean") => (
                            format!("{c}[]"),
                            if depth < MAX_DEPTH {
                                recover(&fields, origin, depth + 1)
                            } else {
                                Vec::new()
                            },
                        ),
                        _ => ("String[]".to_string(), Vec::new()),
                    }
                }
            };
            let mut ty = TypeRef::from_declared(&declared);
            ty.inferred = true;
            let mut p = Param::new(e.key.clone(), ty);
            p.example = e.value.literal().map(str::to_string).filter(|s| !s.is_empty());
            p.children = children;
            p.origin = origin;
            p.span = Some(e.span);
            p
        })
        .collect()
}

fn scalar_type(kind: super::evidence::LitKind) -> &'static str {
    use super::evidence::LitKind;
    match kind {
        LitKind::Number => "Number",
        LitKind::Boolean => "Boolean",
        LitKind::Date => "Date",
        LitKind::File => "byte[]",
        _ => "String",
    }
}

fn upper_camel(s: &str) -> String {
    use heck::ToUpperCamelCase;
    let t = s.to_upper_camel_case();
    if matches!(Ty::parse(&t), Ty::Object(_)) {
        t
    } else {
        format!("Dto{t}")
    }
}
