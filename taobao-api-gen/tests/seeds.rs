//! The two real doc pages in `specs/`: trees, row cells, examples, error codes and spans, exactly.

use taobao_api_gen::ir::{Api, ExampleLanguage, ExampleValue, Param};
use taobao_api_gen::outline::outline;

fn seed(name: &str) -> (String, Api) {
    let path = format!("{}/../specs/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("seed spec");
    let parsed = taobao_api_gen::parse(&path, &text);
    assert!(!parsed.has_errors(), "{:?}", parsed.diagnostics);
    (text, parsed.api)
}

const ABNORMAL_REPORT_TREE: &str = "\
api taobao.logistics.express.abnormal.report
request
  abnormal_report_request: AbnormalReportReqDto required
    service_type: String required
    abnormal_remark: String optional
    supplier_id: String required
    abnormal_type: String required
    picture_info_list: PictureInfoReqDto[] optional
      pic_url: String optional
      pic_upload_time: String optional
    operate_time: String required
    abnormal_result: String optional
    abnormal_reason: String required
    abnormal_node: String optional
    abnormal_order_id: String required
    mail_no: String optional
    extend_props: String optional
    phone_call_info_list: PhoneCallInfoReqDto[] optional
      connect_time_length: Number optional
      phone_call_type: String optional
      hang_up_type: String optional
      phone_call_result_remark: String optional
      phone_call_operator_phone: String optional
      phone_call_consumer_phone: String optional
      phone_call_operator_name: String optional
      phone_chat_url: String optional
      phone_call_demand_change_time: String optional
      connect_time: String optional
      connection_status: String optional
      call_time: String optional
      hang_up_time: String optional
    related_biz_code: String optional
    delivery_code: String required
    operator: OperatorDTO optional
      name: String optional
      mobile: String optional
    abnormal_sites: TmsSitesDTO[] optional
      site_type: String optional
      site_code: String optional
      site_name: String optional
response
  spi_result: SpiResult
    abnormal_report_res_dto: AbnormalReportResDto
      order_code: String
      related_biz_code: String
    success: Boolean
    retry: Boolean
    error_code: String
    error_message: String
";

const OPENALIBITY_WRITE_TREE: &str = "\
api taobao.logistics.openalibity.write
request
  general_logistics_data_write_request: GeneralLogisticsDataWriteRequest required
    cp_code: String required
    mail_no: String required
    current_logistics_status: String optional
    receiver_phone: String optional
    extend_param: String required
    openid: String optional
    package_type: String optional
    scene: String required
response
  result_msg: String
  write_response: GeneralLogisticsDataWriteResponse
    success: Boolean
    error_code: String
    error_msg: String
  result_code: String
  result_success: Boolean
";

#[test]
fn abnormal_report_tree() {
    assert_eq!(
        outline(&seed("taobao.logistics.express.abnormal.report.txt").1),
        ABNORMAL_REPORT_TREE
    );
}

#[test]
fn openalibity_write_tree() {
    assert_eq!(
        outline(&seed("taobao.logistics.openalibity.write.txt").1),
        OPENALIBITY_WRITE_TREE
    );
}

#[test]
fn page_heads() {
    let (_, a) = seed("taobao.logistics.express.abnormal.report.txt");
    assert_eq!(a.title.as_deref(), Some("配服务商异常报备"));
    assert_eq!(a.category.as_deref(), Some("淘天物流API"));
    assert_eq!(a.description.as_deref(), Some("配服务商异常报备"));
    let (_, w) = seed("taobao.logistics.openalibity.write.txt");
    assert_eq!(w.title.as_deref(), Some("为快递公司提供的物流信息通用写入接口"));
    assert_eq!(w.category.as_deref(), Some("手淘开放API"));
    assert_eq!(w.description.as_deref(), Some("为快递公司提供的物流信息通用写入接口"));
}

/// `path = example | description` for every row.
fn cells(params: &[Param], prefix: &str, out: &mut String) {
    for p in params {
        let path = format!("{prefix}{}", p.name);
        out.push_str(&format!(
            "{path} = {} | {}\n",
            p.example.as_deref().unwrap_or("-"),
            p.description.as_deref().unwrap_or("-")
        ));
        cells(&p.children, &format!("{path}."), out);
    }
}

#[test]
fn openalibity_write_cells() {
    let (_, api) = seed("taobao.logistics.openalibity.write.txt");
    let mut got = String::new();
    cells(&api.request, "", &mut got);
    cells(&api.response, "", &mut got);
    let want = "\
general_logistics_data_write_request = - | 信息写入请求对象
general_logistics_data_write_request.cp_code = ZTO | 快递公司标准编码
general_logistics_data_write_request.mail_no = 881772767996 | 运单号
general_logistics_data_write_request.current_logistics_status = CONSIGN | 运单关联包裹的当前物流状态,需和平台侧定义的枚举名保持一致。
general_logistics_data_write_request.receiver_phone = 19910102020 | 运单关联包裹的收件人手机号,该字段尽量提供,用于检索用户信息并进行身份核对。若同时缺失openid和phone,则无法核对用户信息,导致数据存储失败
general_logistics_data_write_request.extend_param = {\"isSupportDeliveryHome\": \"1\", \"hasSignPic\": \"0\"} | 待写入的数据,key值需要按照平台侧定义的标准。isSupportDeliveryHome:是否支持送货上门。hasSignPic:是否有签收照片。value为String类型,1代表真,0代表假
general_logistics_data_write_request.openid = 0 | 用户在手淘中登陆并授权小程序后的唯一标识。登陆过淘宝小程序的用户都会有一个openid,如果有尽量传过来,因为如果缺少openid,则无法判断用户是否为高活用户,也就无法决策是否推送push消息
general_logistics_data_write_request.package_type = INTERNAL | INTERNAL:淘内包裹,EXTERNAL:淘外包裹
general_logistics_data_write_request.scene = DELIVERY_HOME | DELIVERY_HOME:送货上门。SIGN_PIC:签收照片
result_msg = exceedLimit | 接口调用失败信息
write_response = - | 信息写入返回结果对象
write_response.success = true | 信息写入是否成功
write_response.error_code = 500 | 信息写入错误码
write_response.error_msg = invalidParam | 信息写入错误信息
result_code = 500 | 接口调用失败码
result_success = true | 接口调用是否成功
";
    assert_eq!(got, want);
}

#[test]
fn abnormal_report_cells() {
    let (_, api) = seed("taobao.logistics.express.abnormal.report.txt");
    let mut got = String::new();
    cells(&api.request, "", &mut got);
    cells(&api.response, "", &mut got);
    let want = "\
abnormal_report_request = - | 参数信息
abnormal_report_request.service_type = 10 | 服务类型(1-送货上门;2-放指定驿站;3-预售极速达;10-官方取退-上门取退;11-官方取退-驿站自寄)
abnormal_report_request.abnormal_remark = 天气原因 | 服务商异常描述
abnormal_report_request.supplier_id = 100000001 | 淘天物流服务商id
abnormal_report_request.abnormal_type = 10001 | 异常类型:10001-核销异常;1003-派件异常;
abnormal_report_request.picture_info_list = 图片列表 | 图片信息
abnormal_report_request.picture_info_list.pic_url = http://ssss.xxxx.com/xxx.jpg | 图片访问url
abnormal_report_request.picture_info_list.pic_upload_time = 2024-03-28 16:38:11 | 图片上传时间
abnormal_report_request.operate_time = 2024-03-28 16:38:11 | 对应状态的操作时间
abnormal_report_request.abnormal_result = 1001 | 送货上门场景必传,异常处理结果: 1001-无法取件;1002-派件停滞;1003-无法送货上门
abnormal_report_request.abnormal_reason = 1001 | 异常原因: 1001-线下改约;1002-联系不上消费者;
abnormal_report_request.abnormal_node = TMS_DELIVERING | 异常发生的业务节点:(TMS_COLLECT-揽收;TMS_DELIVERING-派送中;TMS_SIGN-签收,TMS_CHECK_SHIPPING_CODE_PASS-核销)
abnormal_report_request.abnormal_order_id = 100000001 | 服务商异常提报id,用于去重,重复请求不会被处理 如有异常单id提供异常单id,如无则提供requestid
abnormal_report_request.mail_no = 773277523041406 | 包裹运单号,核销节点运单号可为空
abnormal_report_request.extend_props = {} | 扩展属性
abnormal_report_request.phone_call_info_list = 电联列表 | 电联信息
abnormal_report_request.phone_call_info_list.connect_time_length = 10 | 接通时长, 单位s
abnormal_report_request.phone_call_info_list.phone_call_type = NORMAL | 电联属性,phoneCallInfo有值时,必需。SMART 智能云呼; NORMAL, 普通
abnormal_report_request.phone_call_info_list.hang_up_type = CUSTOMER_HAND_UP | 挂断状态,phoneCallInfo有值时,必需。CUSTOMER_HAND_UP,消费者挂断;SENDER_HANG_UP,小件员挂断
abnormal_report_request.phone_call_info_list.phone_call_result_remark = 放门卫处,放楼下便利店 | 消费者电联需求描述
abnormal_report_request.phone_call_info_list.phone_call_operator_phone = 13600000000 | 电联人员联系方式(小件员/官方号码)
abnormal_report_request.phone_call_info_list.phone_call_consumer_phone = 13600000000 | 消费者联系方式
abnormal_report_request.phone_call_info_list.phone_call_operator_name = 张三 | 电联人员名称(小件员)
abnormal_report_request.phone_call_info_list.phone_chat_url = http://ssss.xxxx.com/xxx.mp3 | 电联语音文件,用于客诉场景定责使用
abnormal_report_request.phone_call_info_list.phone_call_demand_change_time = 2024-03-28 16:38:11 | 电联用户后,用户确认需要进行改派时,操作改派的时间
abnormal_report_request.phone_call_info_list.connect_time = 2024-03-28 16:38:11 | 接通时间
abnormal_report_request.phone_call_info_list.connection_status = CONNECTED | 通话状态,phoneCallInfo有值时,必需。NOT _CONNECT, 未拨通;CONNECTED,已接通; NOBODY_ANSWER,无人接听
abnormal_report_request.phone_call_info_list.call_time = 2024-03-28 16:38:11 | 拨打时间。phoneCallInfo有值时,必需
abnormal_report_request.phone_call_info_list.hang_up_time = 2024-03-28 16:38:11 | 挂断时间
abnormal_report_request.related_biz_code = LSO174Z0029753003_1713246414922 | 关联的履行业务单code
abnormal_report_request.delivery_code = STO | 服务商配资源唯一编码:yzsm_cn_1,SF,STO,YTO,BCYC-001
abnormal_report_request.operator = - | 提报人信息
abnormal_report_request.operator.name = 张三 | 提报人姓名
abnormal_report_request.operator.mobile = 18044455999 | 提报人手机号
abnormal_report_request.abnormal_sites = 异常站点列表 | 异常站点列表
abnormal_report_request.abnormal_sites.site_type = 1 | 站点类型
abnormal_report_request.abnormal_sites.site_code = 234 | 站点编码
abnormal_report_request.abnormal_sites.site_name = 杭州站点 | 站点名称
spi_result = - | 返回对象
spi_result.abnormal_report_res_dto = - | 返回子对象
spi_result.abnormal_report_res_dto.order_code = MFA000000012001 | 履行异常单号
spi_result.abnormal_report_res_dto.related_biz_code = 975732022081832762 | relatedBizCode
spi_result.success = true | 是否成功
spi_result.retry = true | 是否重试
spi_result.error_code = CREATE_NOT_EXIST | 错误code
spi_result.error_message = 创建错误 | 错误信息
";
    assert_eq!(got, want);
}

fn obj(fields: &[(&str, ExampleValue)]) -> ExampleValue {
    ExampleValue::Object(fields.iter().map(|(k, v)| (k.to_string(), v.clone())).collect())
}

fn s(v: &str) -> ExampleValue {
    ExampleValue::Scalar(v.to_string())
}

#[test]
fn openalibity_write_examples_and_error_codes() {
    let (text, api) = seed("taobao.logistics.openalibity.write.txt");
    let java = api.examples.request.as_ref().expect("java example");
    assert_eq!(java.language, ExampleLanguage::Java);
    assert!(
        java.text
            .starts_with("TaobaoClient client = new DefaultTaobaoClient(url, appkey, secret);")
    );
    assert!(java.text.ends_with("System.out.println(rsp.getBody());"));
    let inner = obj(&[
        ("cp_code", s("ZTO")),
        ("mail_no", s("881772767996")),
        ("current_logistics_status", s("CONSIGN")),
        ("receiver_phone", s("19910102020")),
        (
            "extend_param",
            s("{\"isSupportDeliveryHome\": \"1\", \"hasSignPic\": \"0\"}"),
        ),
        ("openid", s("0")),
        ("package_type", s("INTERNAL")),
        ("scene", s("DELIVERY_HOME")),
    ]);
    assert_eq!(
        java.value,
        Some(obj(&[("general_logistics_data_write_request", inner)]))
    );
    let rsp = api.examples.response.as_ref().expect("response example");
    assert_eq!(rsp.language, ExampleLanguage::Xml);
    assert_eq!(
        rsp.value,
        Some(obj(&[
            ("result_msg", s("exceedLimit")),
            (
                "write_response",
                obj(&[
                    ("success", s("true")),
                    ("error_code", s("500")),
                    ("error_msg", s("invalidParam"))
                ])
            ),
            ("result_code", s("500")),
            ("result_success", s("true")),
        ]))
    );
    let span = rsp.span.expect("span");
    assert!(text[span.start..span.end].starts_with("<logistics_openalibity_write_response>"));
    assert!(text[span.start..span.end].ends_with("</logistics_openalibity_write_response>"));
    let err = api.examples.error.as_ref().expect("error example");
    assert_eq!(
        err.value,
        Some(obj(&[
            ("code", s("50")),
            ("msg", s("Remote service error")),
            ("sub_code", s("isv.invalid-parameter")),
            ("sub_msg", s("非法参数")),
        ]))
    );
    let codes: Vec<_> = api
        .error_codes
        .iter()
        .map(|e| (e.code.as_str(), e.description.as_str(), e.solution.as_str()))
        .collect();
    assert_eq!(
        codes,
        [
            (
                "noFoundOrder",
                "根据cpCode和mailNo查询pcs,没有查到该运单关联的交易订单信息",
                "可忽略"
            ),
            (
                "noFoundBuyer",
                "根据cpCode和mailNo查询pcs,查询到交易订单信息中,但订单信息中缺少买家信息",
                "这类运单为逆向换货运单,已交由逆向侧同学修复,预计11.23上线"
            ),
            (
                "findNoPackage",
                "从pcs根据mailNo和cpCode没有找到运单关联的包裹信息",
                "淘外包裹,可忽略"
            ),
        ]
    );
}

#[test]
fn abnormal_report_examples() {
    let (_, api) = seed("taobao.logistics.express.abnormal.report.txt");
    assert!(api.error_codes.is_empty());
    let Some(ExampleValue::Object(root)) = api.examples.request.as_ref().and_then(|e| e.value.clone()) else {
        panic!("java value expected")
    };
    assert_eq!(root.len(), 1);
    let ExampleValue::Object(dto) = &root[0].1 else {
        panic!("object expected")
    };
    let keys: Vec<&str> = dto.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        keys,
        [
            "service_type",
            "abnormal_remark",
            "supplier_id",
            "abnormal_type",
            "picture_info_list",
            "operate_time",
            "abnormal_result",
            "abnormal_reason",
            "abnormal_node",
            "abnormal_order_id",
            "mail_no",
            "extend_props",
            "phone_call_info_list",
            "related_biz_code",
            "delivery_code",
            "operator",
            "abnormal_sites",
        ]
    );
    assert_eq!(
        dto[4].1,
        ExampleValue::List(vec![obj(&[
            ("pic_url", s("http://ssss.xxxx.com/xxx.jpg")),
            ("pic_upload_time", s("2024-03-28 16:38:11"))
        ])])
    );
    let ExampleValue::List(calls) = &dto[12].1 else {
        panic!("list expected")
    };
    let ExampleValue::Object(call) = &calls[0] else {
        panic!("object expected")
    };
    assert_eq!(call[0], ("connect_time_length".to_string(), s("10")));
    assert_eq!(call.len(), 13);
    assert_eq!(dto[15].1, obj(&[("name", s("张三")), ("mobile", s("18044455999"))]));
    let rsp = api.examples.response.as_ref().and_then(|e| e.value.clone());
    assert_eq!(
        rsp,
        Some(obj(&[(
            "spi_result",
            obj(&[
                (
                    "abnormal_report_res_dto",
                    obj(&[
                        ("order_code", s("MFA000000012001")),
                        ("related_biz_code", s("975732022081832762"))
                    ])
                ),
                ("success", s("true")),
                ("retry", s("true")),
                ("error_code", s("CREATE_NOT_EXIST")),
                ("error_message", s("创建错误")),
            ])
        )]))
    );
}

fn spans_point_at_names(text: &str, params: &[Param]) {
    for p in params {
        let span = p.span.unwrap_or_else(|| panic!("{} has no span", p.name));
        assert!(
            text[span.start..span.end].starts_with(&p.name),
            "{}: {:?}",
            p.name,
            &text[span.start..span.end]
        );
        spans_point_at_names(text, &p.children);
    }
}

#[test]
fn every_param_has_a_span_on_its_row() {
    for name in [
        "taobao.logistics.express.abnormal.report.txt",
        "taobao.logistics.openalibity.write.txt",
    ] {
        let (text, api) = seed(name);
        spans_point_at_names(&text, &api.request);
        spans_point_at_names(&text, &api.response);
    }
}
