//! Enum values from a normalised description: runs of `value SEP label` pairs (from `scan`),
//! cut into labels, checked, and weighed against the field's type and example.
//!
//! Precision beats recall here: a wrong enum becomes a validator that rejects real values, so
//! every doubt (mixed value kinds, field names as values, labels without words, an example that
//! is not one of the values, two equally good runs) means "no enum".

use super::checks::{is_integer, keyed_by_other_field, values_named_as_keys};
use super::labels::{clean, paren_label};
use super::normalize::is_cjk;
use super::scan::{Candidate, Sep, candidates, is_pair_sep, matching_close};
use crate::ir::{EnumValue, Ty};

/// What was read from one description.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    /// The values, in text order.
    pub values: Vec<EnumValue>,
    /// Values whose written form was repaired: `(written, read)`.
    pub repairs: Vec<(String, String)>,
    /// Byte range of the pairs in the text (empty when nothing was found).
    pub range: std::ops::Range<usize>,
}

/// Reads the enum of the field `name` of type `ty` from its normalised description `text`;
/// `example` is the field's example value. Empty when the description documents no values.
pub fn extract(name: &str, text: &str, ty: &Ty, example: Option<&str>) -> Found {
    if !enum_type(ty) || names_keys(text) || text.contains("{\"") || text.contains("公式") {
        return Found::default();
    }
    let chars: Vec<char> = text.chars().collect();
    let cands = candidates(&chars);
    // Each separator kind is read on its own: a `SMART 智能` inside a `1:..` label is label text.
    let mut runs: Vec<Run> = [Sep::Colon, Sep::Dash, Sep::Equals, Sep::Paren, Sep::Weak]
        .into_iter()
        .flat_map(|sep| {
            let same: Vec<Candidate> = cands.iter().filter(|c| group(c.sep) == group(sep)).cloned().collect();
            split_runs(&chars, &same)
        })
        .filter(|r| {
            r.plausible(ty)
                && !r.tainted
                && !keyed_by_other_field(&chars, r.start, name)
                && (r.sep != Sep::Weak || r.weak_codes_all_read(&chars))
        })
        .collect();
    runs.sort_by_key(|r| std::cmp::Reverse(r.pairs.len()));
    let best = match runs.as_slice() {
        [] => return Found::default(),
        [only] => only,
        [a, b, ..] if a.pairs.len() > b.pairs.len() => a,
        _ => return Found::default(),
    };
    if !example_fits(example, best)
        || values_named_as_keys(&chars, best)
        || describes_structure(&chars, best)
        || numbers_after(&chars, best)
    {
        return Found::default();
    }
    let byte = |ci: usize| text.char_indices().nth(ci).map_or(text.len(), |(b, _)| b);
    Found {
        range: byte(best.start)..byte(best.end),
        values: best
            .pairs
            .iter()
            .map(|p| EnumValue {
                value: p.value.clone(),
                label: p.label.clone(),
            })
            .collect(),
        repairs: best
            .pairs
            .iter()
            .filter(|p| p.written != p.value)
            .map(|p| (p.written.clone(), p.value.clone()))
            .collect(),
    }
}

/// Scalars that carry codes. Booleans, dates, money, JSON and objects never get an enum.
fn enum_type(ty: &Ty) -> bool {
    match ty {
        Ty::String | Ty::Number | Ty::Byte => true,
        Ty::List(inner) => matches!(**inner, Ty::String | Ty::Number),
        _ => false,
    }
}

/// `key值需要...`, `key:..`: the description names the keys of a JSON value, not values.
fn names_keys(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower.match_indices("key").any(|(i, _)| {
        let before = lower[..i].chars().next_back();
        let after = lower[i + 3..].chars().next();
        !before.is_some_and(|c| c.is_ascii_alphanumeric()) && !after.is_some_and(|c| c.is_ascii_alphanumeric())
    })
}

/// An enum's example is one of its values (or, for lists, a comma-separated few of them). A JSON
/// object/array example, or any other example, means the pairs describe something else.
fn example_fits(example: Option<&str>, run: &Run) -> bool {
    let Some(example) = example.map(str::trim).filter(|e| !e.is_empty()) else {
        return true;
    };
    if example.starts_with('{') || example.starts_with('[') {
        return false;
    }
    example
        .split(',')
        .map(str::trim)
        .all(|part| run.pairs.iter().any(|p| p.value == part))
}

/// `rate_quota_map 的json 数据`, `字段说明`: outside the pairs, the text describes a structured
/// value, and the pairs are values of one of its members.
fn describes_structure(chars: &[char], run: &Run) -> bool {
    let outside: String = chars[..run.start.min(chars.len())]
        .iter()
        .chain(&chars[run.end.min(chars.len())..])
        .collect::<String>()
        .to_ascii_lowercase();
    ["json", "字段说明", "字段注释"].iter().any(|w| outside.contains(w))
}

/// `7:分阶段付款 8.货到付款交易`, `50:项目结束 60 定时开售`: in the sentence after the last
/// label, a number the run does not hold stands before a Chinese word, so values were lost.
fn numbers_after(chars: &[char], run: &Run) -> bool {
    if !run.pairs.iter().all(|p| is_integer(&p.value)) {
        return false;
    }
    let tail: Vec<char> = chars[run.end.min(chars.len())..]
        .iter()
        .copied()
        .take_while(|c| !matches!(c, '。' | '\n'))
        .collect();
    let mut i = 0;
    while i < tail.len() {
        let starts = tail[i].is_ascii_digit() && (i == 0 || !tail[i - 1].is_ascii_alphanumeric());
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < tail.len() && tail[j].is_ascii_digit() {
            j += 1;
        }
        let number: String = tail[i..j].iter().collect();
        let mut k = j;
        while k < tail.len() && matches!(tail[k], '.' | '、' | ' ' | ':' | '-') {
            k += 1;
        }
        let before_word = tail.get(k).is_some_and(|&c| is_cjk(c));
        if before_word && !run.pairs.iter().any(|p| p.value == number) {
            return true;
        }
        i = j;
    }
    false
}

/// One value and its label, as read.
#[derive(Debug, Clone)]
pub(super) struct Pair {
    pub(super) value: String,
    pub(super) written: String,
    pub(super) label: String,
}

/// Consecutive pairs with one separator kind.
#[derive(Debug, Clone)]
pub(super) struct Run {
    pub(super) sep: Sep,
    pub(super) pairs: Vec<Pair>,
    /// Char range from the first value to the end of the last label.
    pub(super) start: usize,
    pub(super) end: usize,
    /// The first value is the label of the candidate before it (`G : Google:B : 百度`): the
    /// run starts in the middle of a list whose head it lost.
    pub(super) tainted: bool,
}

fn group(sep: Sep) -> u8 {
    match sep {
        Sep::Colon => 0,
        Sep::Dash => 1,
        Sep::Equals => 2,
        Sep::Paren => 3,
        Sep::Weak => 4,
    }
}

/// Splits the candidates into runs of consecutive pairs with one separator kind and nothing
/// but pair separators (or a label) between them, and cuts each label.
fn split_runs(chars: &[char], cands: &[Candidate]) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < cands.len() {
        let first = &cands[i];
        // A run that opens right after `(` ends at the matching `)`.
        let limit = first
            .start
            .checked_sub(1)
            .filter(|&b| chars[b] == '(')
            .and_then(|b| matching_close(chars, b))
            .unwrap_or(chars.len());
        let mut pairs = Vec::new();
        let mut used_seps: Vec<char> = Vec::new();
        let mut j = i;
        let mut end;
        loop {
            let c = &cands[j];
            let next = cands
                .get(j + 1)
                .filter(|n| group(n.sep) == group(first.sep) && n.start < limit);
            let (label, continues) = match (c.label_end, next) {
                (Some(close), Some(n)) => {
                    end = close + 1;
                    let gap = &chars[close + 1..n.start];
                    let ok = gap.len() <= 6 && gap.iter().all(|&g| is_pair_sep(g) || g == '-');
                    used_seps.extend(gap.iter().filter(|g| !g.is_whitespace()));
                    (paren_label(&c.value, &chars[c.label_start..close]), ok)
                }
                (Some(close), None) => {
                    end = close + 1;
                    (paren_label(&c.value, &chars[c.label_start..close]), false)
                }
                (None, Some(n)) => {
                    let raw = &chars[c.label_start..n.start];
                    let body_len = raw.len() - raw.iter().rev().take_while(|&&g| is_pair_sep(g)).count();
                    let (body, gap) = raw.split_at(body_len);
                    if gap.iter().all(|g| g.is_whitespace()) && !gap.is_empty() {
                        used_seps.push(' ');
                    }
                    used_seps.extend(gap.iter().filter(|g| !g.is_whitespace()));
                    match body.iter().position(|&g| g == '。' || g == '\n') {
                        Some(cut) => {
                            end = c.label_start + cut;
                            (clean(&body[..cut]), false)
                        }
                        None => {
                            end = c.label_start + body_len;
                            // `自费(默认)MEDICAL_INSURANCE-医保`: no separator needed after a
                            // label that does not end in a word char.
                            let joined = !gap.is_empty()
                                || (c.sep != Sep::Weak && body.last().is_some_and(|g| !g.is_ascii_alphanumeric()));
                            (clean(body), joined)
                        }
                    }
                }
                (None, None) => {
                    let rest = &chars[c.label_start..limit.max(c.label_start)];
                    let last = cut_last(rest, &used_seps);
                    end = c.label_start + last.len();
                    (clean(last), false)
                }
            };
            pairs.push(Pair {
                value: c.value.clone(),
                written: c.written.clone(),
                label,
            });
            j += 1;
            if !continues {
                break;
            }
        }
        // (`默认1: 1:是` is fine: a number before a number is a default, not a lost head.)
        let tainted = i > 0
            && cands[i - 1].label_end.is_none()
            && cands[i - 1].label_start == first.start
            && !is_integer(&cands[i - 1].value);
        runs.push(Run {
            sep: first.sep,
            pairs,
            start: first.start,
            end,
            tainted,
        });
        i = j;
    }
    runs
}

/// The last label ends at a sentence or line break, at any pair separator the run used, or
/// at a bracket it did not open.
fn cut_last<'a>(rest: &'a [char], used_seps: &[char]) -> &'a [char] {
    let mut depth = 0i32;
    for (i, &c) in rest.iter().enumerate() {
        let stop = match c {
            '(' | '[' | '【' => {
                depth += 1;
                false
            }
            ')' | ']' | '】' => {
                depth -= 1;
                depth < 0
            }
            '。' | '\n' | ';' => true,
            _ => depth == 0 && used_seps.contains(&c),
        };
        if stop {
            return &rest[..i];
        }
    }
    rest
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(text: &str) -> Vec<(String, String)> {
        extract("f", text, &Ty::String, None)
            .values
            .into_iter()
            .map(|v| (v.value, v.label))
            .collect()
    }

    #[test]
    fn corpus_shapes() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "1:本地上传,2:BannerMaker,3:海棠",
                &[("1", "本地上传"), ("2", "BannerMaker"), ("3", "海棠")],
            ),
            ("0-未知 1-男", &[("0", "未知"), ("1", "男")]),
            ("可选值:A(说明一),B(说明二)", &[("A", "说明一"), ("B", "说明二")]),
            (
                "状态:\nWAIT_SELLER_SEND_GOODS(等待卖家发货)\nTRADE_FINISHED(交易成功)",
                &[
                    ("WAIT_SELLER_SEND_GOODS", "等待卖家发货"),
                    ("TRADE_FINISHED", "交易成功"),
                ],
            ),
            (
                "取值范围: pass:文本正常; review:需要人工审核; block:文本违规",
                &[("pass", "文本正常"), ("review", "需要人工审核"), ("block", "文本违规")],
            ),
            ("链接形式:1:PC,2:无线,默认:1", &[("1", "PC"), ("2", "无线")]),
            ("是否删除 0 - 否 1 - 是", &[("0", "否"), ("1", "是")]),
            (
                "主料类别,KNITTING(\"针织\"), WOVEN(\"梭织\")",
                &[("KNITTING", "针织"), ("WOVEN", "梭织")],
            ),
            ("星座 -1:错误,未知, 0:白羊", &[("-1", "错误,未知"), ("0", "白羊")]),
            ("1:是。注意:A:x", &[]),
            ("是否赠品 0=普通品/1=赠品", &[("0", "普通品"), ("1", "赠品")]),
            ("渠道id:1-微信;2-抖音", &[("1", "微信"), ("2", "抖音")]),
            (
                "(1)OTHER: 其他 (2)TAOBAO_TRADE: 淘宝交易 (3)CHECK:盘点",
                &[("OTHER", "其他"), ("TAOBAO_TRADE", "淘宝交易"), ("CHECK", "盘点")],
            ),
            (
                "1:成功 2:失败 11:重复提交 其他:失败。默认1",
                &[("1", "成功"), ("2", "失败"), ("11", "重复提交")],
            ),
            ("0:设备中心UUID ,1:外部id", &[("0", "设备中心UUID"), ("1", "外部id")]),
            (
                "上门能力,枚举: 1 - 1小时可上门 2 - 半天可上门",
                &[("1", "1小时可上门"), ("2", "半天可上门")],
            ),
            (
                "指令类型:0:整数型,1:枚举类型,6:JSON对象",
                &[("0", "整数型"), ("1", "枚举类型"), ("6", "JSON对象")],
            ),
            ("计算方法:不填默认1: 1:同价;2:同税", &[("1", "同价"), ("2", "同税")]),
            (
                "地址原因: TRANSIT_ WAREHOUSE 特殊地址-转运仓 OTHER  其他原因",
                &[("TRANSIT_WAREHOUSE", "特殊地址-转运仓"), ("OTHER", "其他原因")],
            ),
            (
                "集货单状态,CONSOLIDATED 已集货;LACK 缺货LACK",
                &[("CONSOLIDATED", "已集货"), ("LACK", "缺货LACK")],
            ),
            (
                "费用类型(可空)OWN_EXPENSE-自费(默认)MEDICAL_INSURANCE-医保",
                &[("OWN_EXPENSE", "自费(默认)"), ("MEDICAL_INSURANCE", "医保")],
            ),
            (
                "可选值:free(卖家包邮),post(平邮),25(次日必达)",
                &[("free", "卖家包邮"), ("post", "平邮"), ("25", "次日必达")],
            ),
            (
                "退款状态: INITIAL(\"INITIAL\", \"退款初始状态\"), FAIL(\"FAIL\", \"退款失败状态\");",
                &[("INITIAL", "退款初始状态"), ("FAIL", "退款失败状态")],
            ),
            (
                "1. CASH:现金支付; 2. UNIONPAY:银联刷卡支付",
                &[("CASH", "现金支付"), ("UNIONPAY", "银联刷卡支付")],
            ),
            (
                "行政地址传入类型 1- 菜鸟地址库ID 传入 2- 中文地址传入",
                &[("1", "菜鸟地址库ID 传入"), ("2", "中文地址传入")],
            ),
        ];
        for (text, want) in cases {
            let want: Vec<(String, String)> = want.iter().map(|(v, l)| (v.to_string(), l.to_string())).collect();
            assert_eq!(pairs(text), want, "{text}");
        }
    }

    #[test]
    fn not_enums() {
        let cases = [
            "格式:yyyy-MM-dd HH:mm:ss",
            "2017-05-01 00:00:00",
            "产品的关键属性列表.格式:pid:vid;pid:vid",
            "k-itemId, v-shopId",
            "订单来源:1:TAOBAO;2:EXT;3:ERP",
            "c:表示折扣百分比,0:代表折扣",
            "keywordId:词ID,整数。maxPrice:价格",
            "铺货渠道类目(key: 渠道编码, value: 渠道类目)",
            "可输入格式如:200-72-300-48-1000-0-*",
            "最多 10 个, 最少 2 个",
            "1:是,1:否",
            "差旅规模:1代表5万以下,2代表5-10万,3代表10-50万",
            "0:营业中;-1:筹建中;- 4:失效",
            "智能匹配-设备号类型:IMEI,或者IDFA,或者OAID",
            "date:担保日历的某一天。 guarantee:担保政策。如果date为空,那么会读取startDate",
            "计算公式:num(采购数量)*price(采购价) - 折扣",
            "订单标记: 9:VISIT-上门 12: SELLER_AFFORD 是否卖家承担运费 13: SYNC_RETURN_BILL,同时退回发票",
            "1:折扣 2,8,10:时间 3,9,11:折扣和时间",
            "价格开关 date:开关状态控制的那一天;rate_status:开关状态(0,关闭;1,打开); checkin_status:入住开关(0,关闭;1,打开)",
            "样例:http://a.com/T1YL=100-102.png;“tb.png“ 样例:http://b.com/T14v=100-102.png",
            "SPU挂载:0和2:第一次请求预挂载新增;1:下线;",
            "ITEM类型 NORMAL 0:普通商品; COMBINE 1:是否是组合商品 DISTRIBUTION",
            "订单渠道 HANDHELD_DEVICES手持设备 SAMPLE_ORDER扫码点餐 POS POS端 MSTORE 移动门店 OTHER 其他",
            "新增负卖计划用 FU010,更新用 FU020,停用用 FU030",
            "坐标类型,现在支持:G : Google:B : 百度;A : 高德;M : Mapbar;L : 灵图",
            "商家ERP:SELLER-商家英文或拼音名称、ISV:ISV-ISV英文或拼音名称",
            "创意支持的协议,1:VPAID1.0;2:VPAID2.0;3:MARID-1;4:ORMMA;5:1MRAID-2,只能单选",
            "主订单扩展属性;payCurrency:HKD(港币)、TWD(台币)",
            "价格和库存信息,rate_quota_map 的json 数据中:60000:状态库存关,61000:状态库存开",
            "库存操作类型CHU_KU 1-出库RU_KU 2-入库FREEZE 3-冻结THAW 4-解冻",
            "1:担保交易 2:预存款交易 7:分阶段付款 8.货到付款交易 9.信用凭证支付交易",
            "项目状态,0:创建中 10:已创建 50:项目结束 60 定时开售",
            "业务类型(PO0  普通采购,ADJ0 报废,ADJ2 状态调整,SO0  TOC销售,SO1  TOB销售)",
            "平台ID,2:\"安卓\",3:\"苹果\",4,:\"越狱\",1:\"其他\"",
            "申请单支付状态( INIT(1, \"初始化\"), REFUND_FAIL(2, \"退款失败\"))",
        ];
        for text in cases {
            assert_eq!(pairs(text), vec![], "{text}");
        }
    }

    #[test]
    fn a_key_naming_the_field_itself_is_prose() {
        let text = "pickupType:DOOR_PICKUP 卡车上门揽收 SELF_POST 快递自寄 TRANSIT_ WAREHOUSE 转运仓";
        let found = extract("pickup_type", text, &Ty::String, None);
        let values: Vec<&str> = found.values.iter().map(|v| v.value.as_str()).collect();
        assert_eq!(values, ["DOOR_PICKUP", "SELF_POST", "TRANSIT_WAREHOUSE"]);
        assert_eq!(
            found.repairs,
            [("TRANSIT_ WAREHOUSE".to_string(), "TRANSIT_WAREHOUSE".to_string())]
        );
        assert!(extract("other_field", text, &Ty::String, None).values.is_empty());
    }

    #[test]
    fn type_and_example_are_evidence() {
        let text = "1:是,0:否";
        assert!(extract("f", text, &Ty::Boolean, None).values.is_empty());
        assert!(extract("f", text, &Ty::Date, None).values.is_empty());
        assert_eq!(extract("f", text, &Ty::Number, Some("1")).values.len(), 2);
        assert_eq!(
            extract("f", text, &Ty::List(Box::new(Ty::String)), Some("1,0"))
                .values
                .len(),
            2
        );
        assert!(extract("f", text, &Ty::String, Some("2")).values.is_empty());
        assert!(
            extract("f", text, &Ty::String, Some("{\"1\": \"x\"}"))
                .values
                .is_empty()
        );
        assert!(
            extract("f", text, &Ty::String, Some("2024-03-28 16:38:11"))
                .values
                .is_empty()
        );
    }
}
