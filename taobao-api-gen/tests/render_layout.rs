//! Golden page text of small IRs: the shapes real pages show beyond the seeds (更多限制 bullets
//! and the indentation that follows them, multi-line descriptions, missing cells and types,
//! deep nesting) and the no-examples variant.
#![cfg(feature = "cli")]

use taobao_api_gen::ir::{Api, Limits, Param, TypeRef};
use taobao_api_gen::render::{Options, page_text, page_text_with};

fn param(name: &str, ty: &str, required: bool, description: Option<&str>) -> Param {
    let mut p = Param::new(name, TypeRef::from_declared(ty));
    p.required = required;
    p.description = description.map(str::to_string);
    p
}

fn small_api() -> Api {
    let mut fields = param("fields", "Field List", true, Some("返回字段"));
    fields.limits = Limits {
        max_length: Some(64),
        ..Limits::default()
    };
    let mut page_size = param("page_size", "Number", false, Some("每页条数\n最大100"));
    page_size.limits = Limits {
        min_value: Some(1),
        max_value: Some(100),
        ..Limits::default()
    };
    page_size.default = Some("20".into());
    let mut inner = param("inner", "Inner", false, Some("内层"));
    inner.children = vec![param("deep", "Number", false, None)];
    let mut outer = param("outer", "Outer []", false, Some("外层\n第二行"));
    outer.children = vec![inner, param("note", "", false, None)];
    let mut result = param("result", "Result", false, Some("结果"));
    let mut items = param("items", "Item []", false, None);
    items.children = vec![param("id", "Number", false, Some("编号"))];
    result.children = vec![items, param("ok", "Boolean", false, Some("成功"))];
    Api {
        name: "taobao.demo.items.get".into(),
        title: Some("演示".into()),
        description: Some("第一行\n第二行".into()),
        category: Some("淘宝物流API,".into()),
        request: vec![
            param("q", "String", true, None),
            fields,
            outer,
            page_size,
            param("tags", "String[]", false, Some("标签")),
        ],
        response: vec![result],
        ..Api::default()
    }
}

const SMALL_PAGE: &str = r#"文档中心 > API类目 > 淘宝物流API,

taobao.demo.items.get (演示)

第一行
第二行

公共参数

请求参数

名称 类型 是否必须 示例值 更多限制 描述
q String 必须 abc
fields Field List 必须 abc,def
  • 最大长度:64
  • 返回字段
    outer Outer [] 可选 外层
    第二行
    • inner
    • Inner
    • 可选
    • 内层
    • └ deep
    • Number
    • 可选
    • 123
    • └ note
    • 可选
    • abc
    page_size Number 可选 123
  • 最小值:1
  • 最大值:100
  • 默认值:20
  • 每页条数
    最大100
    tags String [] 可选 abc,def 标签

    响应参数

    名称 类型 示例值 描述
    result Result 结果
    • items
    • Item []
    • └ id
    • Number
    • 123
    • 编号
    • └ ok
    • Boolean
    • true
    • 成功

    请求示例

    • JAVA
    • .NET
    • PHP
    • CURL
    • Python
    • C/C++
    • NodeJS
    TaobaoClient client = new DefaultTaobaoClient(url, appkey, secret);
    DemoItemsGetRequest req = new DemoItemsGetRequest();
    req.setQ("abc");
    req.setFields("abc,def");
    List<DemoItemsGetRequest.Outer> list2 = new ArrayList<DemoItemsGetRequest.Outer>();
    DemoItemsGetRequest.Outer obj3 = new DemoItemsGetRequest.Outer();
    list2.add(obj3);
    DemoItemsGetRequest.Inner obj4 = new DemoItemsGetRequest.Inner();
    obj4.setDeep(123L);
    obj3.setInner(obj4);
    obj3.setNote("abc");
    req.setOuter(list2);
    req.setPageSize(123L);
    req.setTags("abc,def");
    DemoItemsGetResponse rsp = client.execute(req);
    System.out.println(rsp.getBody());

    响应示例

    • XML示例
    • JSON示例
    <demo_items_get_response>
        <result>
            <items>
                <item>
                    <id>123</id>
                </item>
            </items>
            <ok>true</ok>
        </result>
    </demo_items_get_response>

    异常示例

    • XML示例
    • JSON示例
    <error_response>
        <code>50</code>
        <msg>Remote service error</msg>
        <sub_code>isv.invalid-parameter</sub_code>
        <sub_msg>非法参数</sub_msg>
    </error_response>

    错误码解释

    错误码 错误描述 解决方案

    API工具

    如何获得此API

    FAQ

    返回
    顶部"#;

#[test]
fn limits_shift_multiline_and_missing_cells() {
    let rendered = page_text(&small_api());
    for (i, (r, e)) in rendered.lines().zip(SMALL_PAGE.lines()).enumerate() {
        assert_eq!(r, e, "first difference on line {}", i + 1);
    }
    assert_eq!(rendered, SMALL_PAGE);
}

#[test]
fn no_examples_variant_drops_only_the_java_and_xml() {
    let full = page_text(&small_api());
    let bare = page_text_with(&small_api(), Options { examples: false });
    assert!(!bare.contains("TaobaoClient") && !bare.contains("<demo_items_get_response>"));
    assert!(bare.contains("<error_response>"), "the error example stays");
    let kept: Vec<&str> = full
        .lines()
        .filter(|l| {
            let t = l.trim_start();
            !(t.starts_with("TaobaoClient")
                || t.starts_with("DemoItemsGet")
                || t.starts_with("List<")
                || t.starts_with("list")
                || t.starts_with("obj")
                || t.starts_with("req.")
                || t.starts_with("System.")
                || (t.starts_with('<') && !bare.contains(t)))
        })
        .collect();
    assert_eq!(bare, kept.join("\n"));
}
