//! The renderer reproduces both seed pages byte for byte from their IR (built here from a
//! compact row table), Java and XML examples included: the examples are generated, not copied.
#![cfg(feature = "cli")]

use taobao_api_gen::ir::{Api, ErrorCode, Param, SourceFormat, TypeRef};
use taobao_api_gen::outline::outline;
use taobao_api_gen::render::page_text;

/// Rows `depth|name|type|required|example|description` (`-` = empty) into a parameter tree.
fn tree(rows: &str) -> Vec<Param> {
    let mut out: Vec<Param> = Vec::new();
    for row in rows.lines().map(str::trim).filter(|r| !r.is_empty()) {
        let cells: Vec<&str> = row.split('|').collect();
        let depth: usize = cells[0].parse().expect("depth");
        let mut p = Param::new(cells[1], TypeRef::from_declared(cells[2]));
        p.required = cells[3] == "y";
        p.example = Some(cells[4]).filter(|c| *c != "-").map(str::to_string);
        p.description = Some(cells[5]).filter(|c| *c != "-").map(str::to_string);
        let mut level = &mut out;
        for _ in 1..depth {
            level = &mut level.last_mut().expect("a parent row").children;
        }
        level.push(p);
    }
    out
}

fn seed(name: &str) -> String {
    let path = format!("{}/../specs/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn assert_same_page(rendered: &str, expected: &str) {
    for (i, (r, e)) in rendered.lines().zip(expected.lines()).enumerate() {
        assert_eq!(r, e, "first difference on line {}", i + 1);
    }
    assert_eq!(rendered, expected);
}

#[test]
fn openalibity_write_seed_is_reproduced() {
    let api = Api {
        name: "taobao.logistics.openalibity.write".into(),
        title: Some("为快递公司提供的物流信息通用写入接口".into()),
        description: Some("为快递公司提供的物流信息通用写入接口".into()),
        category: Some("手淘开放API".into()),
        source_format: SourceFormat::PageText,
        request: tree(
            r#"1|general_logistics_data_write_request|GeneralLogisticsDataWriteRequest|y|-|信息写入请求对象
            2|cp_code|String|y|ZTO|快递公司标准编码
            2|mail_no|String|y|881772767996|运单号
            2|current_logistics_status|String|n|CONSIGN|运单关联包裹的当前物流状态,需和平台侧定义的枚举名保持一致。
            2|receiver_phone|String|n|19910102020|运单关联包裹的收件人手机号,该字段尽量提供,用于检索用户信息并进行身份核对。若同时缺失openid和phone,则无法核对用户信息,导致数据存储失败
            2|extend_param|String|y|{"isSupportDeliveryHome": "1", "hasSignPic": "0"}|待写入的数据,key值需要按照平台侧定义的标准。isSupportDeliveryHome:是否支持送货上门。hasSignPic:是否有签收照片。value为String类型,1代表真,0代表假
            2|openid|String|n|0|用户在手淘中登陆并授权小程序后的唯一标识。登陆过淘宝小程序的用户都会有一个openid,如果有尽量传过来,因为如果缺少openid,则无法判断用户是否为高活用户,也就无法决策是否推送push消息
            2|package_type|String|n|INTERNAL|INTERNAL:淘内包裹,EXTERNAL:淘外包裹
            2|scene|String|y|DELIVERY_HOME|DELIVERY_HOME:送货上门。SIGN_PIC:签收照片"#,
        ),
        response: tree(
            r#"1|result_msg|String|n|exceedLimit|接口调用失败信息
            1|write_response|GeneralLogisticsDataWriteResponse|n|-|信息写入返回结果对象
            2|success|Boolean|n|true|信息写入是否成功
            2|error_code|String|n|500|信息写入错误码
            2|error_msg|String|n|invalidParam|信息写入错误信息
            1|result_code|String|n|500|接口调用失败码
            1|result_success|Boolean|n|true|接口调用是否成功"#,
        ),
        error_codes: vec![
            ErrorCode {
                code: "noFoundOrder".into(),
                description: "根据cpCode和mailNo查询pcs,没有查到该运单关联的交易订单信息".into(),
                solution: "可忽略".into(),
            },
            ErrorCode {
                code: "noFoundBuyer".into(),
                description: "根据cpCode和mailNo查询pcs,查询到交易订单信息中,但订单信息中缺少买家信息".into(),
                solution: "这类运单为逆向换货运单,已交由逆向侧同学修复,预计11.23上线".into(),
            },
            ErrorCode {
                code: "findNoPackage".into(),
                description: "从pcs根据mailNo和cpCode没有找到运单关联的包裹信息".into(),
                solution: "淘外包裹,可忽略".into(),
            },
        ],
        ..Api::default()
    };
    assert_same_page(&page_text(&api), &seed("taobao.logistics.openalibity.write"));
}

#[test]
fn abnormal_report_seed_is_reproduced() {
    let t = "2024-03-28 16:38:11";
    let request = format!(
        r#"1|abnormal_report_request|AbnormalReportReqDto|y|-|参数信息
        2|service_type|String|y|10|服务类型(1-送货上门;2-放指定驿站;3-预售极速达;10-官方取退-上门取退;11-官方取退-驿站自寄)
        2|abnormal_remark|String|n|天气原因|服务商异常描述
        2|supplier_id|String|y|100000001|淘天物流服务商id
        2|abnormal_type|String|y|10001|异常类型:10001-核销异常;1003-派件异常;
        2|picture_info_list|PictureInfoReqDto []|n|图片列表|图片信息
        3|pic_url|String|n|http://ssss.xxxx.com/xxx.jpg|图片访问url
        3|pic_upload_time|String|n|{t}|图片上传时间
        2|operate_time|String|y|{t}|对应状态的操作时间
        2|abnormal_result|String|n|1001|送货上门场景必传,异常处理结果: 1001-无法取件;1002-派件停滞;1003-无法送货上门
        2|abnormal_reason|String|y|1001|异常原因: 1001-线下改约;1002-联系不上消费者;
        2|abnormal_node|String|n|TMS_DELIVERING|异常发生的业务节点:(TMS_COLLECT-揽收;TMS_DELIVERING-派送中;TMS_SIGN-签收,TMS_CHECK_SHIPPING_CODE_PASS-核销)
        2|abnormal_order_id|String|y|100000001|服务商异常提报id,用于去重,重复请求不会被处理 如有异常单id提供异常单id,如无则提供requestid
        2|mail_no|String|n|773277523041406|包裹运单号,核销节点运单号可为空
        2|extend_props|String|n|{{}}|扩展属性
        2|phone_call_info_list|PhoneCallInfoReqDto []|n|电联列表|电联信息
        3|connect_time_length|Number|n|10|接通时长, 单位s
        3|phone_call_type|String|n|NORMAL|电联属性,phoneCallInfo有值时,必需。SMART 智能云呼; NORMAL, 普通
        3|hang_up_type|String|n|CUSTOMER_HAND_UP|挂断状态,phoneCallInfo有值时,必需。CUSTOMER_HAND_UP,消费者挂断;SENDER_HANG_UP,小件员挂断
        3|phone_call_result_remark|String|n|放门卫处,放楼下便利店|消费者电联需求描述
        3|phone_call_operator_phone|String|n|13600000000|电联人员联系方式(小件员/官方号码)
        3|phone_call_consumer_phone|String|n|13600000000|消费者联系方式
        3|phone_call_operator_name|String|n|张三|电联人员名称(小件员)
        3|phone_chat_url|String|n|http://ssss.xxxx.com/xxx.mp3|电联语音文件,用于客诉场景定责使用
        3|phone_call_demand_change_time|String|n|{t}|电联用户后,用户确认需要进行改派时,操作改派的时间
        3|connect_time|String|n|{t}|接通时间
        3|connection_status|String|n|CONNECTED|通话状态,phoneCallInfo有值时,必需。NOT _CONNECT, 未拨通;CONNECTED,已接通; NOBODY_ANSWER,无人接听
        3|call_time|String|n|{t}|拨打时间。phoneCallInfo有值时,必需
        3|hang_up_time|String|n|{t}|挂断时间
        2|related_biz_code|String|n|LSO174Z0029753003_1713246414922|关联的履行业务单code
        2|delivery_code|String|y|STO|服务商配资源唯一编码:yzsm_cn_1,SF,STO,YTO,BCYC-001
        2|operator|OperatorDTO|n|-|提报人信息
        3|name|String|n|张三|提报人姓名
        3|mobile|String|n|18044455999|提报人手机号
        2|abnormal_sites|TmsSitesDTO []|n|异常站点列表|异常站点列表
        3|site_type|String|n|1|站点类型
        3|site_code|String|n|234|站点编码
        3|site_name|String|n|杭州站点|站点名称"#
    );
    let api = Api {
        name: "taobao.logistics.express.abnormal.report".into(),
        title: Some("配服务商异常报备".into()),
        description: Some("配服务商异常报备".into()),
        category: Some("淘天物流API".into()),
        request: tree(&request),
        response: tree(
            r#"1|spi_result|SpiResult|n|-|返回对象
            2|abnormal_report_res_dto|AbnormalReportResDto|n|-|返回子对象
            3|order_code|String|n|MFA000000012001|履行异常单号
            3|related_biz_code|String|n|975732022081832762|relatedBizCode
            2|success|Boolean|n|true|是否成功
            2|retry|Boolean|n|true|是否重试
            2|error_code|String|n|CREATE_NOT_EXIST|错误code
            2|error_message|String|n|创建错误|错误信息"#,
        ),
        ..Api::default()
    };
    assert_same_page(&page_text(&api), &seed("taobao.logistics.express.abnormal.report"));
}

/// Page text -> IR -> page text: the parser's IR of each seed renders back to the seed itself
/// (examples kept as the IR holds them), and the rendered page parses to the same tree.
#[test]
fn parsed_seeds_render_back_to_themselves() {
    for name in [
        "taobao.logistics.openalibity.write",
        "taobao.logistics.express.abnormal.report",
    ] {
        let text = seed(name);
        let parsed = taobao_api_gen::parse(&format!("specs/{name}.txt"), &text);
        assert!(!parsed.has_errors(), "{name}: {:?}", parsed.diagnostics);
        let rendered = page_text(&parsed.api);
        assert_same_page(&rendered, &text);
        let again = taobao_api_gen::parse("rendered.txt", &rendered);
        assert_eq!(outline(&again.api), outline(&parsed.api), "{name}");
    }
}
