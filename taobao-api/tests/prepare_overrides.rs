//! A hand-written `TopRequest` that overrides `validate` and `write_params` is honoured by
//! `Client::prepare` (which the client's `execute` uses): its own check decides what is
//! rejected, and exactly what its `write_params` writes is sent and signed. The generated
//! requests take the schema-driven defaults; the fast path must not bypass an override.

use taobao_api::model::{FieldSpec, Object, Schema, ValueRef};
use taobao_api::taobao_logistics_express_abnormal_report::INFO;
use taobao_api::{
    ApiInfo, CallOptions, Client, Error, LogisticsExpressAbnormalReportResponse, Params, SignMethod, TopRequest,
    ValidationError, Violation, ViolationKind,
};

/// A request whose schema requires `abnormal_order_id`, but whose own rules differ.
struct Custom {
    order_id: String,
}

static SCHEMA: Schema = Schema::new("Custom", &[FieldSpec::new("abnormal_order_id").required()]);

impl Object for Custom {
    fn schema(&self) -> &'static Schema {
        &SCHEMA
    }

    fn field(&self, index: usize) -> Option<ValueRef<'_>> {
        (index == 0).then_some(ValueRef::Text(&self.order_id))
    }
}

impl TopRequest for Custom {
    const METHOD: &'static str = "taobao.logistics.express.abnormal.report";
    type Response = LogisticsExpressAbnormalReportResponse;

    fn info() -> &'static ApiInfo {
        &INFO
    }

    /// Only ids starting with `X` are rejected; a blank id (which the schema's `required`
    /// would reject) passes.
    fn validate(&self) -> Result<(), ValidationError> {
        let bad = self.order_id.starts_with('X');
        ValidationError::check(if bad {
            vec![Violation::new(
                "abnormal_order_id",
                ViolationKind::TooLong {
                    max: 0,
                    actual: self.order_id.len() as u64,
                },
            )]
        } else {
            Vec::new()
        })
    }

    /// Sends the id upper-cased, under a name of its own, plus a marker.
    fn write_params(&self, params: &mut Params) {
        params.insert_text("custom_order_id", self.order_id.to_uppercase());
        params.insert_text("custom_marker", "hand-written");
    }
}

fn client() -> Client {
    Client::builder("12345678", "secret")
        .sign_method(SignMethod::Md5)
        .build()
        .expect("client")
}

#[test]
fn the_overridden_validate_decides_what_is_rejected() {
    let options = CallOptions::new();
    let err = client()
        .prepare(&Custom { order_id: "X1".into() }, &options)
        .expect_err("the override rejects ids starting with X");
    let Error::Validation(err) = err else { panic!("{err:?}") };
    assert_eq!(err.violations.len(), 1);
    assert_eq!(err.violations[0].path, "abnormal_order_id");
    // The schema's `required` is not applied: the override replaces the default check.
    client()
        .prepare(&Custom { order_id: " ".into() }, &options)
        .expect("the override accepts a blank id");
}

#[test]
fn exactly_what_the_overridden_write_params_writes_is_sent_and_signed() {
    let options = CallOptions::new().timestamp(taobao_api::time::parse_gmt8("2024-03-28 16:38:11").unwrap());
    let call = client().prepare(&Custom { order_id: "ab1".into() }, &options).unwrap();
    assert_eq!(call.field("custom_order_id"), Some("AB1"));
    assert_eq!(call.field("custom_marker"), Some("hand-written"));
    assert_eq!(
        call.field("abnormal_order_id"),
        None,
        "the schema's encoding is not used"
    );
    let unsigned: Vec<(&str, &str)> = call.fields().filter(|(k, _)| *k != "sign").collect();
    assert_eq!(
        call.sign(),
        taobao_api::sign::sign(unsigned.iter().copied(), "secret", SignMethod::Md5)
    );
    let body = call.form_body();
    assert!(
        body.contains("custom_marker=hand-written&custom_order_id=AB1&"),
        "{body}"
    );
}
