//! Description analysis, for every input dialect: enum values, conditional rules and notes read
//! from the (NFKC-normalised) descriptions of the IR's parameters, at every depth, request and
//! response.
//!
//! It reads `Param.description` and `Param.example` and writes `enum_values`, `rules` and
//! `notes`; it never changes the description, the tree or anything a reader decided. Enums are
//! read first for a whole level, because a rule may name a sibling's enum label.

mod checks;
mod enums;
mod labels;
mod normalize;
mod notes;
mod rules;
mod scan;

pub use normalize::normalize;

use crate::diag::Diagnostic;
use crate::ir::{Api, Param, Span};
use rules::Context;

/// Adds enum values, rules and notes to every parameter of `api` that has a description, and a
/// note diagnostic for every repair made while reading an enum value.
pub fn enrich(api: &mut Api, diags: &mut Vec<Diagnostic>) {
    for params in [&mut api.request, &mut api.response] {
        read_level(params, None, "", diags);
    }
}

fn read_level(params: &mut [Param], parent: Option<&Param>, path: &str, diags: &mut Vec<Diagnostic>) {
    for p in params.iter_mut() {
        read_enum(p, path, diags);
    }
    let read: Vec<_> = (0..params.len())
        .map(|index| {
            let ctx = Context {
                parent,
                siblings: params,
                index,
            };
            read_rules(&params[index], ctx)
        })
        .collect();
    for (p, read) in params.iter_mut().zip(read) {
        if let Some((rules, notes)) = read {
            p.rules = rules;
            p.notes.extend(notes);
        }
    }
    for p in params.iter_mut() {
        if p.children.is_empty() {
            continue;
        }
        let here = join(path, &p.name);
        // The rules of the children only need the parent's name, type and description.
        let outline = Param {
            name: p.name.clone(),
            ty: p.ty.clone(),
            description: p.description.clone(),
            ..Param::default()
        };
        read_level(&mut p.children, Some(&outline), &here, diags);
    }
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path}.{name}")
    }
}

fn read_enum(p: &mut Param, path: &str, diags: &mut Vec<Diagnostic>) {
    let Some(description) = p.description.as_deref() else {
        return;
    };
    let text = normalize(description);
    let example = p.example.as_deref().map(normalize);
    let found = enums::extract(&p.name, &text, &p.ty.ty, example.as_deref());
    p.notes.clear();
    for (written, read) in &found.repairs {
        p.notes.push(format!("typo repaired: `{written}` read as `{read}`"));
        diags.push(
            Diagnostic::note(
                p.span.unwrap_or(Span::new(0, 0)),
                format!(
                    "`{}`: enum value `{written}` read as `{read}` (stray space removed)",
                    join(path, &p.name)
                ),
            )
            .with_hint(format!("the description of `{}` writes `{written}`", p.name)),
        );
    }
    p.enum_values = found.values;
}

/// Rules and constraint notes of the parameter at `ctx.index`; `None` without a description.
fn read_rules(p: &Param, ctx: Context<'_>) -> Option<(Vec<crate::ir::Rule>, Vec<String>)> {
    let text = normalize(p.description.as_deref()?);
    let rules = rules::extract(&text, ctx);
    let mut taken: Vec<_> = rules.iter().map(|f| f.range.clone()).collect();
    if !p.enum_values.is_empty() {
        let found = enums::extract(&p.name, &text, &p.ty.ty, p.example.as_deref().map(normalize).as_deref());
        taken.push(found.range);
    }
    let notes = notes::extract(&text, &taken);
    Some((rules.into_iter().map(|f| f.rule).collect(), notes))
}
