//! The README's first command: `cargo run -p taobao-api --example quickstart`.
//!
//! Builds `taobao.logistics.openalibity.write` and `taobao.logistics.express.abnormal.report`
//! requests with the generated builders, starts the embedded mock TOP gateway on 127.0.0.1,
//! sends both over real HTTP (signed, validated), prints the typed responses, then shows a
//! typed validation error — no credentials needed.
//!
//! With `TOP_APP_KEY`, `TOP_APP_SECRET` and `TOP_GATEWAY` set (and optionally `TOP_SESSION`),
//! it talks to that gateway instead of the mock.

use taobao_api::mock::MockGateway;
use taobao_api::taobao_logistics_express_abnormal_report::{
    AbnormalReportReqDto, OperatorDTO, PhoneCallInfoReqDto, PictureInfoReqDto, TmsSitesDTO,
};
use taobao_api::taobao_logistics_openalibity_write::GeneralLogisticsDataWriteRequest;
use taobao_api::{Client, Error, LogisticsExpressAbnormalReportRequest, LogisticsOpenalibityWriteRequest};

#[tokio::main]
pub async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let env = |k: &str| std::env::var(k).ok().filter(|v| !v.trim().is_empty());
    // The mock must outlive the calls: it stops when dropped.
    let (client, session, mock) = match (env("TOP_APP_KEY"), env("TOP_APP_SECRET"), env("TOP_GATEWAY")) {
        (Some(key), Some(secret), Some(gateway)) => {
            println!("Talking to {gateway} (TOP_GATEWAY) as app {key}.");
            (
                Client::builder(key, secret).gateway(gateway).build()?,
                env("TOP_SESSION"),
                None,
            )
        }
        _ => {
            let mock = MockGateway::start_default()?;
            println!(
                "Started the mock TOP gateway at {} ({} APIs).",
                mock.url(),
                taobao_api::APIS.len()
            );
            println!("(Set TOP_APP_KEY, TOP_APP_SECRET and TOP_GATEWAY to use a real gateway.)\n");
            let client = Client::builder(mock.app_key(), taobao_api::mock::DEFAULT_APP_SECRET)
                .gateway(mock.url())
                .build()?;
            (client, Some("mock-session-token".to_owned()), Some(mock))
        }
    };

    // 1. taobao.logistics.openalibity.write
    let write = LogisticsOpenalibityWriteRequest::builder()
        .general_logistics_data_write_request(
            GeneralLogisticsDataWriteRequest::builder()
                .cp_code("ZTO")
                .mail_no("881772767996")
                .current_logistics_status("CONSIGN")
                .extend_param(r#"{"isSupportDeliveryHome": "1", "hasSignPic": "0"}"#)
                .scene("DELIVERY_HOME")
                .build(),
        )
        .build()?;
    let written = client.execute(&write, session.as_deref()).await?;
    println!("taobao.logistics.openalibity.write -> {written:#?}\n");

    // 2. taobao.logistics.express.abnormal.report
    let now = taobao_api::time::now_gmt8();
    let report = LogisticsExpressAbnormalReportRequest::builder()
        .abnormal_report_request(
            AbnormalReportReqDto::builder()
                .supplier_id("100000001")
                .abnormal_order_id("100000001")
                .abnormal_type("10001")
                .abnormal_reason("1001")
                .abnormal_remark("天气原因")
                .service_type("10")
                .delivery_code("STO")
                .mail_no("773277523041406")
                .operate_time(now.clone())
                .operator(OperatorDTO::builder().name("张三").mobile("18044455999").build())
                .abnormal_sites(vec![
                    TmsSitesDTO::builder()
                        .site_code("234")
                        .site_name("杭州站点")
                        .site_type("1")
                        .build(),
                ])
                .phone_call_info_list(vec![
                    PhoneCallInfoReqDto::builder()
                        .phone_call_type("NORMAL")
                        .call_time(now.clone())
                        .connect_time(now.clone())
                        .hang_up_time(now.clone())
                        .connect_time_length(10)
                        .connection_status("CONNECTED")
                        .hang_up_type("CUSTOMER_HAND_UP")
                        .phone_call_operator_name("张三")
                        .phone_call_operator_phone("13600000000")
                        .phone_call_consumer_phone("13600000000")
                        .phone_chat_url("http://ssss.xxxx.com/xxx.mp3")
                        .phone_call_result_remark("放门卫处,放楼下便利店")
                        .build(),
                ])
                .picture_info_list(vec![
                    PictureInfoReqDto::builder()
                        .pic_url("http://ssss.xxxx.com/xxx.jpg")
                        .pic_upload_time(now)
                        .build(),
                ])
                .build(),
        )
        .build()?;
    let reported = client.execute(&report, session.as_deref()).await?;
    println!("taobao.logistics.express.abnormal.report -> {reported:#?}\n");

    if let Some(mock) = &mock {
        for r in mock.requests() {
            println!(
                "the mock received {} (sign_method={}, sign={}, {} params)",
                r.method().unwrap_or("?"),
                r.param("sign_method").unwrap_or("?"),
                r.param("sign").unwrap_or("?"),
                r.params.len()
            );
        }
        println!();
    }

    // 3. A typed validation error: required fields missing, caught by the builder...
    let invalid = LogisticsExpressAbnormalReportRequest::builder()
        .abnormal_report_request(AbnormalReportReqDto::builder().abnormal_order_id("100000001").build())
        .build();
    match invalid {
        Err(err) => {
            println!("the builder refused the request ({} violations):", err.violations.len());
            for v in &err.violations {
                println!("  {} -> TOP code {} ({:?})", v.path, v.code(), v.kind);
            }
        }
        Ok(_) => return Err("the incomplete request was accepted".into()),
    }
    // ...and by the client, before any HTTP, for a request assembled by hand.
    let mut by_hand = report.clone();
    by_hand.abnormal_report_request.supplier_id = None;
    match client.execute(&by_hand, session.as_deref()).await {
        Err(Error::Validation(err)) => println!("client refused it without sending anything: {err}"),
        other => return Err(format!("expected a validation error, got {other:?}").into()),
    }
    if let Some(mock) = &mock
        && mock.requests().len() != 2
    {
        return Err("the invalid requests reached the gateway".into());
    }
    Ok(())
}
