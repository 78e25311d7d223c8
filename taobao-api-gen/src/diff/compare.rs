//! The comparison of two codegen plans of one API: fields matched by wire name (recursively
//! through nested objects), Rust names and types as codegen planned them, the rules the schema
//! enforces (`codegen::object::checks`), enum values, and the API-level items of the module.

use super::{Change, Level};
use crate::codegen::model::{Enum, Field, Kind, Plan, Side};
use crate::codegen::object::{Check, checks};
use crate::codegen::paths::Paths;
use crate::codegen::types::rust_type;

/// Every change between two plans of one API, in field order.
pub(crate) fn plans(old: &Plan, new: &Plan) -> Vec<Change> {
    let mut cx = Cx {
        old,
        new,
        out: Vec::new(),
    };
    cx.api_level();
    cx.fields("request", Side::Request, true, &old.request_fields, &new.request_fields);
    cx.fields(
        "response",
        Side::Response,
        true,
        &old.response_fields,
        &new.response_fields,
    );
    cx.out
}

struct Cx<'p, 'a> {
    old: &'p Plan<'a>,
    new: &'p Plan<'a>,
    out: Vec<Change>,
}

impl<'p, 'a> Cx<'p, 'a> {
    fn push(&mut self, level: Level, path: &str, what: impl Into<String>) {
        self.out.push(Change::new(level, path, what));
    }

    fn api_level(&mut self) {
        let (o, n) = (self.old, self.new);
        for (what, a, b) in [
            ("module", &o.module, &n.module),
            ("request type", &o.request, &n.request),
            ("builder type", &o.builder, &n.builder),
            ("response type", &o.response, &n.response),
        ] {
            if a != b {
                self.push(Level::Breaking, "api", format!("{what} renamed `{a}` -> `{b}`"));
            }
        }
        let (oa, na) = (o.api, n.api);
        if oa.title != na.title {
            self.push(Level::Patch, "title", "title changed");
        }
        if oa.description != na.description {
            self.push(Level::Patch, "description", "API description changed");
        }
        if oa.error_codes != na.error_codes {
            self.push(Level::Patch, "error_codes", "error-code table changed");
        }
        let example = |api: &crate::ir::Api| api.examples.response.as_ref().map(|e| e.text.clone());
        if example(oa) != example(na) {
            self.push(Level::Patch, "response_example", "response example changed");
        }
        let default = |p: &Plan| !p.request_fields.iter().any(|f| f.param.required);
        match (default(o), default(n)) {
            (true, false) => self.push(
                Level::Breaking,
                "request",
                format!(
                    "`{}` no longer implements `Default` (it has a required field now)",
                    n.request
                ),
            ),
            (false, true) => self.push(
                Level::Minor,
                "request",
                format!("`{}` implements `Default` now (no required field left)", n.request),
            ),
            _ => {}
        }
    }

    /// Compares two field lists of one struct (request or response side; `top` for the
    /// request/response type itself, whose required request fields are `T`, not `Option<T>`).
    fn fields(&mut self, path: &str, side: Side, top: bool, old: &[Field], new: &[Field]) {
        for o in old {
            let here = format!("{path}.{}", o.param.name);
            match new.iter().find(|n| n.param.name == o.param.name) {
                Some(n) => self.field(&here, side, top, (o, old), (n, new)),
                None => self.push(
                    Level::Breaking,
                    &here,
                    format!("field removed (`{}: {}`)", o.ident, field_type(o, side, top)),
                ),
            }
        }
        for n in new.iter().filter(|n| !old.iter().any(|o| o.param.name == n.param.name)) {
            let here = format!("{path}.{}", n.param.name);
            let decl = format!("`{}: {}`", n.ident, field_type(n, side, top));
            if side == Side::Response {
                self.push(Level::Minor, &here, format!("field added ({decl})"));
                continue;
            }
            let rules = checks(n, new);
            if rules.contains(&Check::Required) {
                self.push(Level::Breaking, &here, format!("required field added ({decl})"));
            } else if let Some(Check::RequiredWhen { field, equals }) =
                rules.iter().find(|c| matches!(c, Check::RequiredWhen { .. }))
            {
                self.push(
                    Level::Breaking,
                    &here,
                    format!("field added ({decl}), required when `{field}` is `{equals}`"),
                );
            } else {
                self.push(Level::Minor, &here, format!("optional field added ({decl})"));
            }
        }
    }

    fn field(&mut self, path: &str, side: Side, top: bool, old: (&Field, &[Field]), new: (&Field, &[Field])) {
        let ((o, old_siblings), (n, new_siblings)) = (old, new);
        if o.ident != n.ident {
            self.push(
                Level::Breaking,
                path,
                format!("Rust field renamed `{}` -> `{}`", o.ident, n.ident),
            );
        }
        if side == Side::Request && o.setter != n.setter && o.ident == n.ident {
            self.push(
                Level::Breaking,
                path,
                format!("setter renamed `{}` -> `{}`", o.setter, n.setter),
            );
        }
        let required_flip = side == Side::Request && top && o.param.required != n.param.required;
        if o.kind != n.kind || required_flip {
            let (a, b) = (field_type(o, side, top), field_type(n, side, top));
            let why = match (o.kind == n.kind, n.param.required) {
                (true, true) => "now required: ",
                (true, false) => "now optional: ",
                (false, _) => "",
            };
            self.push(Level::Breaking, path, format!("{why}type `{a}` -> `{b}`"));
        } else if o.param.ty.declared != n.param.ty.declared {
            self.push(
                Level::Patch,
                path,
                format!(
                    "declared type `{}` -> `{}` (same Rust type)",
                    o.param.ty.display_name(),
                    n.param.ty.display_name()
                ),
            );
        }
        let (old_checks, new_checks) = match side {
            Side::Request => (checks(o, old_siblings), checks(n, new_siblings)),
            Side::Response => (Vec::new(), Vec::new()),
        };
        // Limits and rules are in the field docs too; they count as docs when the schema
        // enforces the same either way (a limit on a kind the runtime does not check).
        let same_checks = old_checks == new_checks;
        self.checks(path, old_checks, new_checks, required_flip);
        let docs = [
            ("description", o.param.description != n.param.description),
            ("limits", same_checks && o.param.limits != n.param.limits),
            ("rules", same_checks && o.param.rules != n.param.rules),
            ("example", o.param.example != n.param.example),
            ("default", o.param.default != n.param.default),
            ("notes", o.param.notes != n.param.notes || o.note != n.note),
        ];
        let changed: Vec<&str> = docs.iter().filter(|(_, c)| *c).map(|(what, _)| *what).collect();
        if !changed.is_empty() {
            self.push(Level::Patch, path, format!("docs changed: {}", changed.join(", ")));
        }
        match (element(&o.kind), element(&n.kind)) {
            (Kind::Object(a), Kind::Object(b)) => {
                let (old_plan, new_plan) = (self.old, self.new);
                let find = |plan: &'p Plan<'a>, name: &str| {
                    plan.structs
                        .iter()
                        .find(|s| s.side == side && s.name == name)
                        .map(|s| s.fields.as_slice())
                };
                if let (Some(of), Some(nf)) = (find(old_plan, a), find(new_plan, b)) {
                    self.fields(path, side, false, of, nf);
                }
            }
            (Kind::Enum(a), Kind::Enum(b)) => {
                let (old_plan, new_plan) = (self.old, self.new);
                let find = |plan: &'p Plan<'a>, name: &str| plan.enums.iter().find(|e| e.name == name);
                if let (Some(oe), Some(ne)) = (find(old_plan, a), find(new_plan, b)) {
                    self.enums(path, oe, ne);
                }
            }
            _ => {}
        }
    }

    /// The schema rules of a request field: new or tighter ones fail requests that passed.
    /// `skip_required`: the required flip was already reported as a type change.
    fn checks(&mut self, path: &str, old: Vec<Check>, new: Vec<Check>, skip_required: bool) {
        let required = |c: &[Check]| c.contains(&Check::Required);
        if !skip_required {
            match (required(&old), required(&new)) {
                (false, true) => self.push(
                    Level::Breaking,
                    path,
                    "now required (requests without it fail validation)",
                ),
                (true, false) => self.push(Level::Minor, path, "no longer required"),
                _ => {}
            }
        }
        let when = |c: &[Check]| -> Vec<(String, String)> {
            c.iter()
                .filter_map(|c| match c {
                    Check::RequiredWhen { field, equals } => Some((field.clone(), equals.clone())),
                    _ => None,
                })
                .collect()
        };
        let (ow, nw) = (when(&old), when(&new));
        for (field, equals) in nw.iter().filter(|r| !ow.contains(r)) {
            self.push(
                Level::Breaking,
                path,
                format!("new rule: required when `{field}` is `{equals}`"),
            );
        }
        for (field, equals) in ow.iter().filter(|r| !nw.contains(r)) {
            self.push(
                Level::Minor,
                path,
                format!("rule dropped: required when `{field}` is `{equals}`"),
            );
        }
        type Get = fn(&Check) -> Option<i128>;
        let bounds: [(&str, Get, bool); 4] = [
            (
                "max length",
                |c| matches!(c, Check::MaxLength(_)).then(|| value(c)),
                true,
            ),
            (
                "max list size",
                |c| matches!(c, Check::MaxListSize(_)).then(|| value(c)),
                true,
            ),
            (
                "min value",
                |c| matches!(c, Check::MinValue(_)).then(|| value(c)),
                false,
            ),
            ("max value", |c| matches!(c, Check::MaxValue(_)).then(|| value(c)), true),
        ];
        for (name, get, upper) in bounds {
            let (a, b) = (old.iter().find_map(get), new.iter().find_map(get));
            let (level, what) = match (a, b) {
                (None, Some(b)) => (Level::Breaking, format!("new {name} {b}")),
                (Some(a), None) => (Level::Minor, format!("{name} {a} dropped")),
                (Some(a), Some(b)) if a != b => {
                    let tighter = if upper { b < a } else { b > a };
                    if tighter {
                        (Level::Breaking, format!("{name} {a} -> {b} (tighter)"))
                    } else {
                        (Level::Minor, format!("{name} {a} -> {b} (looser)"))
                    }
                }
                _ => continue,
            };
            self.push(level, path, what);
        }
    }

    /// Enum values matched by wire value.
    fn enums(&mut self, path: &str, old: &Enum, new: &Enum) {
        for (variant, value, label) in &old.variants {
            match new.variants.iter().find(|(_, v, _)| v == value) {
                None => self.push(
                    Level::Breaking,
                    path,
                    format!("value `{value}` removed (variant `{}::{variant}`)", old.name),
                ),
                Some((nv, _, nl)) => {
                    if nv != variant {
                        self.push(
                            Level::Breaking,
                            path,
                            format!("variant of `{value}` renamed `{variant}` -> `{nv}`"),
                        );
                    }
                    if nl != label {
                        self.push(Level::Patch, path, format!("label of `{value}` changed"));
                    }
                }
            }
        }
        for (variant, value, _) in new
            .variants
            .iter()
            .filter(|(_, v, _)| !old.variants.iter().any(|(_, ov, _)| ov == v))
        {
            self.push(
                Level::Minor,
                path,
                format!("value `{value}` added (variant `{}::{variant}`)", new.name),
            );
        }
    }
}

fn value(c: &Check) -> i128 {
    match c {
        Check::MaxLength(n) | Check::MaxListSize(n) => i128::from(*n),
        Check::MinValue(n) | Check::MaxValue(n) => i128::from(*n),
        Check::Required | Check::RequiredWhen { .. } => 0,
    }
}

fn element(kind: &Kind) -> &Kind {
    match kind {
        Kind::List(inner) => element(inner),
        other => other,
    }
}

/// The field's Rust type as written in the generated struct, runtime types without their crate
/// path (`Option<Vec<AbnormalReportReqDto>>`, `Timestamp`).
pub(crate) fn field_type(f: &Field, side: Side, top: bool) -> String {
    let paths = Paths::new(&quote::quote!(::taobao_api), std::iter::empty::<&str>());
    let ty = rust_type(&f.kind, &paths).to_string();
    let ty: String = ty.chars().filter(|c| !c.is_whitespace()).collect();
    let ty = ty
        .replace("::taobao_api::", "")
        .replace("::std::collections::", "")
        .replace(',', ", ");
    if side == Side::Request && top && f.param.required {
        ty
    } else {
        format!("Option<{ty}>")
    }
}
