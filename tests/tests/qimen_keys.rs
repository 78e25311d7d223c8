//! Nested request keys of camelCase wire names, as the official Java SDK writes them
//! (docs/protocol.md §5): `toUnderlineStyle` of the bean property, members in property order.
//! `taobao.qimen.sn.report` documents `deliveryOrder.deliveryOrderCode`; the request text sent
//! (and signed) is pinned byte for byte. Violations still name fields by their documented names.

use std::collections::BTreeMap;
use taobao_api::taobao_qimen_sn_report::{DeliveryOrder, Item, SnReportRequest};
use taobao_api::{Params, QimenSnReportRequest, TopRequest};

fn report() -> SnReportRequest {
    SnReportRequest::builder()
        .total_page(1)
        .current_page(1)
        .page_size(20)
        .delivery_order(
            DeliveryOrder::builder()
                .delivery_order_code("DO-1")
                .warehouse_code("WH/01")
                .order_type("JYCK")
                .owner_code("OWNER")
                .build(),
        )
        .items(vec![Item::builder().item_code("I-1").sn("SN1").build()])
        .extend_props(BTreeMap::from([("remark".to_owned(), "急".to_owned())]))
        .build()
}

#[test]
fn camel_case_names_are_sent_with_the_java_sdk_keys() {
    let request = QimenSnReportRequest::builder().request(report()).build().unwrap();
    let mut params = Params::new();
    request.write_params(&mut params);
    assert_eq!(
        params.text("request"),
        Some(
            r#"{"current_page":1,"delivery_order":{"delivery_order_code":"DO-1","order_type":"JYCK","owner_code":"OWNER","warehouse_code":"WH\/01"},"extend_props":{"remark":"急"},"items":[{"item_code":"I-1","sn":"SN1"}],"page_size":20,"total_page":1}"#
        )
    );
}

#[test]
fn violations_name_the_documented_fields() {
    let mut dto = report();
    dto.delivery_order.as_mut().unwrap().delivery_order_code = None;
    let err = QimenSnReportRequest::builder().request(dto).build().unwrap_err();
    assert_eq!(err.paths(), ["request.deliveryOrder.deliveryOrderCode"]);
}
