//! The page head: breadcrumb (`文档中心 > API类目 > 淘天物流API` -> category), title line
//! (`taobao.x.y (中文标题)` or just the name) and the API description under it; and the API name
//! recovered from the Java request class when the page has no title line.

use super::lines::{Line, has_cjk};
use crate::ir::Span;
use heck::ToSnakeCase;

/// What the page head says.
#[derive(Debug, Clone, Default)]
pub struct Head {
    /// API name and where it is written.
    pub name: Option<(String, Span)>,
    /// Chinese title.
    pub title: Option<String>,
    /// Category from the breadcrumb.
    pub category: Option<String>,
    /// Description lines joined with `\n`.
    pub description: Option<String>,
}

/// Reads the preamble lines.
pub fn read(preamble: &[Line<'_>]) -> Head {
    let mut head = Head::default();
    let mut description: Vec<&str> = Vec::new();
    for line in preamble {
        let (t, start) = line.trimmed();
        if t.is_empty() {
            continue;
        }
        if head.name.is_none() && head.category.is_none() && description.is_empty() && is_breadcrumb(t) {
            let last = t.rsplit(['>', '＞']).next().unwrap_or("").trim();
            head.category = (!last.is_empty()).then(|| last.to_string());
            continue;
        }
        if head.name.is_none()
            && let Some((name, title)) = title_line(t)
        {
            head.name = Some((name.to_string(), Span::new(start, start + name.len())));
            head.title = title;
            continue;
        }
        if head.name.is_some() {
            description.push(t);
        }
    }
    head.description = (!description.is_empty()).then(|| description.join("\n"));
    head
}

fn is_breadcrumb(t: &str) -> bool {
    t.starts_with("文档中心") || (t.contains(" > ") && has_cjk(t))
}

/// `name (标题)`, `name（标题）` or a bare API name.
fn title_line(t: &str) -> Option<(&str, Option<String>)> {
    let end = t
        .find(|c: char| c.is_whitespace() || c == '(' || c == '（')
        .unwrap_or(t.len());
    let name = &t[..end];
    if !is_api_name(name) {
        return None;
    }
    // The title is kept as written (`库存查询接口（多条件）`); only its brackets are read.
    let rest = t[end..].trim();
    if rest.is_empty() {
        return Some((name, None));
    }
    let title = rest.strip_prefix(['(', '（'])?.strip_suffix([')', '）'])?.trim();
    Some((name, (!title.is_empty()).then(|| title.to_string())))
}

fn is_api_name(s: &str) -> bool {
    s.contains('.')
        && !s.starts_with('.')
        && !s.ends_with('.')
        && s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

/// Name prefixes the official SDKs keep in class names (only `taobao.` is dropped).
const KEPT_PREFIXES: [&str; 12] = [
    "alibaba",
    "tmall",
    "cainiao",
    "alitrip",
    "aliexpress",
    "yunos",
    "youku",
    "wdk",
    "xiami",
    "aliyun",
    "alipay",
    "taobao",
];

/// `LogisticsExpressAbnormalReportRequest` -> `taobao.logistics.express.abnormal.report`.
pub fn name_from_request_class(class: &str) -> Option<String> {
    let stem = class.strip_suffix("Request")?;
    let words: Vec<String> = stem
        .to_snake_case()
        .split('_')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    if words.is_empty() {
        return None;
    }
    let dotted = words.join(".");
    Some(if KEPT_PREFIXES.contains(&words[0].as_str()) {
        dotted
    } else {
        format!("taobao.{dotted}")
    })
}

/// `logistics_express_abnormal_report_response` -> `taobao.logistics.express.abnormal.report`
/// (API names have no `_`, so every `_` was a `.`).
pub fn name_from_response_root(root: &str) -> Option<String> {
    let stem = root
        .strip_suffix("_response")
        .filter(|s| !s.is_empty() && *s != "error")?;
    let dotted = stem.replace('_', ".");
    let first = dotted.split('.').next().unwrap_or("");
    Some(if KEPT_PREFIXES.contains(&first) {
        dotted
    } else {
        format!("taobao.{dotted}")
    })
}

/// Names compared the way SDK class names keep them (dots, underscores and case ignored).
pub fn same_api(a: &str, b: &str) -> bool {
    // The SDK class of `taobao.alitrip.x` is `AlitripX`: a leading `taobao.` says nothing.
    let n = |s: &str| {
        let s = s.strip_prefix("taobao.").unwrap_or(s);
        s.chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase()
    };
    n(a) == n(b)
}

#[cfg(test)]
mod tests {
    use super::super::lines::split_lines;
    use super::*;

    #[test]
    fn head_lines() {
        let lines = split_lines("文档中心 > API类目 > 淘天物流API\n\ntaobao.a.b (中文 标题)\n\n描述一\n描述二\n");
        let head = read(&lines);
        assert_eq!(head.category.as_deref(), Some("淘天物流API"));
        assert_eq!(head.name.as_ref().map(|n| n.0.as_str()), Some("taobao.a.b"));
        assert_eq!(head.title.as_deref(), Some("中文 标题"));
        assert_eq!(head.description.as_deref(), Some("描述一\n描述二"));
        let head = read(&split_lines("taobao.a.b（标题）\n"));
        assert_eq!(head.title.as_deref(), Some("标题"));
        let head = read(&split_lines("taobao.a.b (查询（多条件）)\n"));
        assert_eq!(head.title.as_deref(), Some("查询（多条件）"));
        assert!(read(&split_lines("just some text\n")).name.is_none());
    }

    #[test]
    fn names_from_java_classes() {
        let cases = [
            (
                "LogisticsExpressAbnormalReportRequest",
                Some("taobao.logistics.express.abnormal.report"),
            ),
            ("CainiaoWaybillIiGetRequest", Some("cainiao.waybill.ii.get")),
            (
                "AlibabaAscpLogisticsOfflineSendRequest",
                Some("alibaba.ascp.logistics.offline.send"),
            ),
            ("Request", None),
            ("Foo", None),
        ];
        for (class, name) in cases {
            assert_eq!(name_from_request_class(class).as_deref(), name, "{class}");
        }
        assert!(same_api("taobao.miniapp.userInfo.get", "taobao.miniapp.user.info.get"));
        assert!(same_api("taobao.alitrip.a.b", "alitrip.a.b"));
        assert!(!same_api("taobao.a.b", "taobao.a.c"));
        assert_eq!(
            name_from_response_root("logistics_express_abnormal_report_response").as_deref(),
            Some("taobao.logistics.express.abnormal.report")
        );
        assert_eq!(
            name_from_response_root("cainiao_a_b_response").as_deref(),
            Some("cainiao.a.b")
        );
        assert_eq!(name_from_response_root("error_response"), None);
    }
}
