//! Validation results: every violated rule of a request, each naming its field by path
//! (`abnormal_report_request.phone_call_info_list[0].phone_call_type`).

use std::fmt;

/// What rule a field broke. Bounds are inclusive, as in the official SDK's `RequestCheckUtils`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ViolationKind {
    /// A required field is absent or empty.
    Missing,
    /// A required-when rule: the field is required because `field` equals `equals`.
    MissingWhen {
        /// Path of the field the condition reads.
        field: String,
        /// The value that makes this field required.
        equals: String,
    },
    /// Text longer than allowed, in UTF-16 code units (file size in bytes for files).
    TooLong {
        /// The limit.
        max: u64,
        /// The actual length.
        actual: u64,
    },
    /// More list items (or comma-separated values) than allowed.
    TooManyItems {
        /// The limit.
        max: u64,
        /// The actual count.
        actual: u64,
    },
    /// A number below the minimum.
    TooSmall {
        /// The limit.
        min: i64,
        /// The actual value.
        actual: i64,
    },
    /// A number above the maximum.
    TooLarge {
        /// The limit.
        max: i64,
        /// The actual value.
        actual: i64,
    },
}

/// One violated rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// Path of the field by wire names, with list indices: `a.b[0].c`.
    pub path: String,
    /// The rule.
    pub kind: ViolationKind,
}

impl Violation {
    /// A violation at `path`.
    pub fn new(path: impl Into<String>, kind: ViolationKind) -> Self {
        Violation {
            path: path.into(),
            kind,
        }
    }

    /// The TOP error code the official SDK reports for this violation: 40 for missing
    /// arguments, 41 for invalid ones.
    pub fn code(&self) -> u32 {
        match self.kind {
            ViolationKind::Missing | ViolationKind::MissingWhen { .. } => 40,
            _ => 41,
        }
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = &self.path;
        match &self.kind {
            ViolationKind::Missing => write!(f, "{p}: required but missing"),
            ViolationKind::MissingWhen { field, equals } => {
                write!(f, "{p}: required when {field} is {equals:?}, but missing")
            }
            ViolationKind::TooLong { max, actual } => {
                write!(f, "{p}: length {actual} is larger than {max}")
            }
            ViolationKind::TooManyItems { max, actual } => {
                write!(f, "{p}: {actual} items, at most {max} allowed")
            }
            ViolationKind::TooSmall { min, actual } => {
                write!(f, "{p}: value {actual} is less than {min}")
            }
            ViolationKind::TooLarge { max, actual } => {
                write!(f, "{p}: value {actual} is larger than {max}")
            }
        }
    }
}

/// Every rule a request breaks (never empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    /// The violations, in field order.
    pub violations: Vec<Violation>,
}

impl ValidationError {
    /// `Ok(())` when there are no violations.
    pub fn check(violations: Vec<Violation>) -> Result<(), ValidationError> {
        if violations.is_empty() {
            Ok(())
        } else {
            Err(ValidationError { violations })
        }
    }

    /// The paths of all violated fields.
    pub fn paths(&self) -> Vec<&str> {
        self.violations.iter().map(|v| v.path.as_str()).collect()
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} invalid field(s)", self.violations.len())?;
        for v in &self.violations {
            write!(f, "\n  - {v}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_lists_every_violation_by_path() {
        let err = ValidationError::check(vec![
            Violation::new("req.supplier_id", ViolationKind::Missing),
            Violation::new("req.list[0].x", ViolationKind::TooLong { max: 4, actual: 5 }),
        ])
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "2 invalid field(s)\n  - req.supplier_id: required but missing\n  - req.list[0].x: length 5 is larger than 4"
        );
        assert_eq!(err.violations[0].code(), 40);
        assert_eq!(err.violations[1].code(), 41);
        assert!(ValidationError::check(vec![]).is_ok());
    }
}
