//! Description analysis, for every input dialect: enum values, conditional rules and notes read
//! from the (NFKC-normalised) descriptions of the IR's parameters.

use crate::diag::Diagnostic;
use crate::ir::Api;

/// Adds enum values, rules and notes to every parameter of `api`.
pub fn enrich(api: &mut Api, diags: &mut Vec<Diagnostic>) {
    let _ = (api, diags);
}
