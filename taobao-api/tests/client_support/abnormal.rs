//! The full `taobao.logistics.express.abnormal.report` request of the sign vectors
//! (`*-abnormal-report` in `shared/protocol/sign-vectors.json`), built with the generated
//! builders. Shared by the tests and the benchmark.

use taobao_api::LogisticsExpressAbnormalReportRequest;
use taobao_api::taobao_logistics_express_abnormal_report::{
    AbnormalReportReqDto, OperatorDTO, PhoneCallInfoReqDto, PictureInfoReqDto, TmsSitesDTO,
};

/// The vectors' timestamp, also used for every date field.
pub const T: &str = "2024-03-28 16:38:11";

/// The vectors' request, field for field.
pub fn full_report_request() -> Result<LogisticsExpressAbnormalReportRequest, taobao_api::ValidationError> {
    LogisticsExpressAbnormalReportRequest::builder()
        .abnormal_report_request(
            AbnormalReportReqDto::builder()
                .abnormal_node("TMS_DELIVERING")
                .abnormal_order_id("100000001")
                .abnormal_reason("1001")
                .abnormal_remark("天气原因")
                .abnormal_result("1001")
                .abnormal_sites(vec![
                    TmsSitesDTO::builder()
                        .site_code("234")
                        .site_name("杭州站点")
                        .site_type("1")
                        .build(),
                ])
                .abnormal_type("10001")
                .delivery_code("STO")
                .extend_props("{}")
                .mail_no("773277523041406")
                .operate_time(T)
                .operator(OperatorDTO::builder().mobile("18044455999").name("张三").build())
                .phone_call_info_list(vec![
                    PhoneCallInfoReqDto::builder()
                        .call_time(T)
                        .connect_time(T)
                        .connect_time_length(10)
                        .connection_status("CONNECTED")
                        .hang_up_time(T)
                        .hang_up_type("CUSTOMER_HAND_UP")
                        .phone_call_consumer_phone("13600000000")
                        .phone_call_demand_change_time(T)
                        .phone_call_operator_name("张三")
                        .phone_call_operator_phone("13600000000")
                        .phone_call_result_remark("放门卫处,放楼下便利店")
                        .phone_call_type("NORMAL")
                        .phone_chat_url("http://ssss.xxxx.com/xxx.mp3")
                        .build(),
                ])
                .picture_info_list(vec![
                    PictureInfoReqDto::builder()
                        .pic_upload_time(T)
                        .pic_url("http://ssss.xxxx.com/xxx.jpg")
                        .build(),
                ])
                .related_biz_code("LSO174Z0029753003_1713246414922")
                .service_type("10")
                .supplier_id("100000001")
                .build(),
        )
        .build()
}
