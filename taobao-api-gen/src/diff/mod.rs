//! `diff`: what changed in the generated Rust API between two versions of the same specs, and
//! the semver bump each change needs. Owns the evolution rules below; must not read spec text or
//! decide Rust names itself: both sides go through codegen's own plan (names, Rust types and the
//! rules the generated schema enforces), so `diff` calls breaking exactly what the generated code
//! breaks.
//!
//! # How generated types evolve
//!
//! Every generated struct (request, nested request DTO, response, response DTO) and every enum is
//! `#[non_exhaustive]` with public fields, and every enum keeps undocumented values in
//! `Other(String)`. From a crate that depends on `taobao-api`, a value of a generated type can
//! only be built through its builder or setters (or `Default`), never with a struct literal, and
//! never matched exhaustively. Hence:
//!
//! - **breaking** (major), code that compiled may not:
//!   an API removed; a field removed; a field's Rust type changed (also `String` becoming an
//!   open enum when the docs start listing values, and an object without documented fields,
//!   `JsonValue`, becoming a DTO); a top-level request field turning required (`Option<T>` ->
//!   `T`) or optional (`T` -> `Option<T>`); a Rust name changed (field, setter, DTO or enum type,
//!   enum variant); an enum value removed; the request type losing `Default` (its first
//!   required field).
//! - **breaking** too, a request that validated may not: a required request field added (top
//!   level or nested, or one with a `required_when` rule); a nested field turning required; a
//!   new or tighter limit (max length, list size, min/max value) or `required_when` rule.
//! - **minor**: an API added; an optional request field or any response field added; an enum
//!   value added (a new variant; the value decoded as `Other` before); a limit or rule relaxed or
//!   dropped; a nested field no longer required; the request type gaining `Default`.
//! - **patch**: anything else that changes the generated code: descriptions, examples, defaults,
//!   notes, and limits or rules the runtime does not check, all of which only show in the docs;
//!   enum value labels, the title, the error-code table, the response example in `INFO`.
//! - **none**: the generated code is token for token the same (e.g. only whitespace or spans
//!   moved, or the declared type name changed for the same Rust type).
//!
//! Only rules the generated schema carries count (`codegen::object::checks`): a max length on a
//! number field, say, is not checked by the runtime and changes only the docs (patch).
//! Read/write access is decided from the method name alone (`access`), so it never changes
//! between two versions of one API.
//!
//! The bump is for the published `taobao-api` crate (0.y.z: Cargo treats a change of `y` as
//! major). In an application that expands its own specs with `include_specs!`, the generated
//! types live in the application's crate, where `#[non_exhaustive]` has no effect.
//!
//! Not covered: which of two specs whose SDK names clash gets the crate-root re-exports (the
//! first in file order; the other stays reachable through its module).

mod compare;
#[cfg(test)]
mod tests;

use crate::codegen::model;
use crate::ir::Api;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;

/// How much a change breaks, in semver terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Docs or data only (descriptions, examples, labels, error codes).
    Patch,
    /// Backwards-compatible addition or relaxation.
    Minor,
    /// Code that compiled or requests that validated before may not any more.
    Breaking,
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Level::Patch => "patch",
            Level::Minor => "minor",
            Level::Breaking => "breaking",
        })
    }
}

/// The version bump a set of changes needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bump {
    /// The generated code is the same.
    None,
    /// Patch release.
    Patch,
    /// Minor release.
    Minor,
    /// Major release (for 0.y.z, a new `y`).
    Major,
}

impl Bump {
    /// The bump of the highest level among `changes`.
    pub fn of<'a>(changes: impl IntoIterator<Item = &'a Change>) -> Bump {
        changes
            .into_iter()
            .map(|c| match c.level {
                Level::Patch => Bump::Patch,
                Level::Minor => Bump::Minor,
                Level::Breaking => Bump::Major,
            })
            .max()
            .unwrap_or(Bump::None)
    }
}

impl fmt::Display for Bump {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Bump::None => "none",
            Bump::Patch => "patch",
            Bump::Minor => "minor",
            Bump::Major => "major",
        })
    }
}

/// One change of the generated API.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// How much it breaks.
    pub level: Level,
    /// What changed: `request.<wire>.<wire>...` / `response.<wire>...` for fields (wire names,
    /// nested objects by their field), or an API-level item (`api`, `title`, `description`,
    /// `error_codes`, `response_example`, `request`).
    pub path: String,
    /// What happened, with Rust names and types.
    pub what: String,
}

impl Change {
    pub(crate) fn new(level: Level, path: &str, what: impl Into<String>) -> Self {
        Change {
            level,
            path: path.to_string(),
            what: what.into(),
        }
    }
}

/// How an API differs between the two sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Only in the new specs.
    Added,
    /// Only in the old specs.
    Removed,
    /// In both, with changes.
    Changed,
}

/// The changes of one API (APIs without changes are not listed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApiChanges {
    /// The method name.
    pub method: String,
    /// Added, removed or changed.
    pub status: Status,
    /// The bump this API's changes need.
    pub bump: Bump,
    /// Every change, breaking first, then in field order.
    pub changes: Vec<Change>,
}

/// The changes of one API between two versions of its spec (matched by the caller; the
/// method names should be equal). Empty when the generated code is the same.
pub fn diff_api(old: &Api, new: &Api) -> Vec<Change> {
    if old == new {
        return Vec::new();
    }
    let (old_plan, new_plan) = (model::plan(old), model::plan(new));
    let mut changes = compare::plans(&old_plan, &new_plan);
    let same_code = crate::codegen::generate(old).to_string() == crate::codegen::generate(new).to_string();
    if same_code {
        // What does not reach the generated code is no change of the generated API (say, a
        // request example); minor and breaking findings always do.
        changes.retain(|c| c.level > Level::Patch);
    } else if changes.is_empty() {
        changes.push(Change::new(Level::Patch, "api", "generated docs or internals changed"));
    }
    changes.sort_by_key(|c| std::cmp::Reverse(c.level));
    changes
}

/// The changes between two sets of APIs, matched by method name (each method at most once per
/// side), in method order. APIs without changes are left out.
pub fn diff_sets(old: &[Api], new: &[Api]) -> Vec<ApiChanges> {
    let old: BTreeMap<&str, &Api> = old.iter().map(|a| (a.name.as_str(), a)).collect();
    let new: BTreeMap<&str, &Api> = new.iter().map(|a| (a.name.as_str(), a)).collect();
    let mut methods: Vec<&str> = old.keys().chain(new.keys()).copied().collect();
    methods.sort_unstable();
    methods.dedup();
    methods
        .into_iter()
        .filter_map(|method| {
            let (status, changes) = match (old.get(method), new.get(method)) {
                (Some(o), Some(n)) => (Status::Changed, diff_api(o, n)),
                (None, Some(n)) => (Status::Added, vec![presence(n, Level::Minor, "API added")]),
                (Some(o), None) => (Status::Removed, vec![presence(o, Level::Breaking, "API removed")]),
                (None, None) => return None,
            };
            (!changes.is_empty()).then(|| ApiChanges {
                method: method.to_string(),
                status,
                bump: Bump::of(&changes),
                changes,
            })
        })
        .collect()
}

/// "API added/removed: module `m` (`Request`, `RequestBuilder`, `Response`)".
fn presence(api: &Api, level: Level, what: &str) -> Change {
    let plan = model::plan(api);
    Change::new(
        level,
        "api",
        format!(
            "{what}: module `{}` (`{}`, `{}`, `{}`)",
            plan.module, plan.request, plan.builder, plan.response
        ),
    )
}
