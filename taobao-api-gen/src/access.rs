//! Read or write: what the generated `ApiInfo::access` says about a method, decided from its
//! name alone (the doc pages say nothing machine-readable about side effects).
//!
//! The client retries a read after an ambiguous failure (timeout, 5xx, lost connection) but
//! never a write unless the caller opted in, so a wrong "read" can duplicate an order or burn a
//! waybill number while a wrong "write" only costs a retry. Hence the rule is conservative:
//!
//! 1. the last dot-separated segment, lower-cased, must be one of [`READ_VERBS`];
//! 2. and the method must not be in [`WRITES_DESPITE_THE_VERB`], a reviewed table of methods
//!    named like reads that allocate, create or process something;
//! 3. anything else (unknown verbs included) is a write.
//!
//! The verb list was derived from the last segments of the 5,312 method names of the doc
//! corpus and the 436 logistics ones; see [`READ_VERBS`] for what was left out and why.
//! Must not read spec text: the method name is the only input.

/// Whether a method only reads (`::taobao_api::Access::Read`) or may change state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Access {
    /// Only reads; the client may repeat it after an ambiguous failure.
    Read,
    /// Creates, changes or allocates something, or is not known to only read.
    Write,
}

/// Last segments that name a read. In the corpus every method ending in one of these is a
/// query of some kind, except the few in [`WRITES_DESPITE_THE_VERB`].
///
/// Left out on purpose, although often reads: `check` (the docs also use it for 审核 approvals
/// and for verifying a code, which consumes it: `alibaba.alihealth.drug.kyt.destbill.check`,
/// `taobao.rdc.aligenius.refunds.check`, `taobao.baichuan.openaccount.registercode.check`),
/// `info` (a noun: `alibaba.alihouse.newhome.project.update.item.info` updates,
/// `aliexpress.ds.add.info` reports), `status`, `result`, `trajectory` and other nouns, and
/// compound verbs not listed here (`getcode`, `gettoken`, `listing`, `checkin`): a verb prefix
/// does not make a read.
pub const READ_VERBS: &[&str] = &[
    "count",
    "detail",
    "details",
    "fetch",
    "find",
    "findbyid",
    "findlist",
    "findpage",
    "get",
    "getbyid",
    "getdetail",
    "getinfo",
    "getlist",
    "gets",
    "inquiry",
    "list",
    "multiget",
    "prequery",
    "query",
    "queryall",
    "querybyid",
    "querydetail",
    "querylist",
    "querypage",
    "search",
];

/// Methods named like reads that change state, each with the reason (from its doc page).
pub const WRITES_DESPITE_THE_VERB: &[(&str, &str)] = &[
    (
        "alibaba.ailab.user.token.get",
        "generates a token for a third-party account (生成 token)",
    ),
    (
        "alibaba.ascp.logistics.instantsonline.deliveryorder.get",
        "places a same-city delivery order (在线下单获取配送单)",
    ),
    (
        "alibaba.ascp.uop.self.supplier.waybill.query",
        "allocates an electronic waybill number (面单取号) despite `query`",
    ),
    (
        "alibaba.lst.shiporder.query",
        "queries a shipping order and processes the related business flow (并处理相关业务流程)",
    ),
    (
        "aliyun.alios.pay.token.get",
        "issues a payment authorisation token (获取支付的授权token)",
    ),
    (
        "cainiao.guoguo.waybill.get",
        "allocates a waybill number for a Guoguo shipment (寄件取号)",
    ),
    (
        "cainiao.waybill.ii.get",
        "allocates electronic waybill numbers for cloud printing (申请电子面单号)",
    ),
    (
        "taobao.openlink.session.get",
        "creates a third-party session (生成三方session)",
    ),
    (
        "taobao.tbk.sc.invitecode.get",
        "generates an invitation code (邀请码生成)",
    ),
    (
        "taobao.tvpay.access.data.get",
        "logs an anonymous payer in to the bound Taobao account (登陆绑定的淘宝账号)",
    ),
    (
        "taobao.wdk.iot.deviceadmin.mqtt.token.get",
        "registers the device dynamically while issuing its MQTT token (设备动态注册)",
    ),
    (
        "taobao.wlb.waybill.i.get",
        "allocates waybill numbers from a carrier (获取物流服务商电子面单号)",
    ),
    (
        "taobao.wlb.waybill.shengxian.get",
        "allocates a fresh-produce waybill number (获取生鲜电子面单号)",
    ),
];

/// Read or write, by the rule of this module.
pub fn classify(method: &str) -> Access {
    let method = method.trim();
    if override_reason(method).is_some() {
        return Access::Write;
    }
    let verb = method.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    if READ_VERBS.contains(&verb.as_str()) {
        Access::Read
    } else {
        Access::Write
    }
}

/// Why a method named like a read is a write, when it is in [`WRITES_DESPITE_THE_VERB`].
pub fn override_reason(method: &str) -> Option<&'static str> {
    WRITES_DESPITE_THE_VERB
        .iter()
        .find(|(m, _)| *m == method)
        .map(|&(_, reason)| reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn methods_are_classified_by_their_last_verb() {
        let cases: &[(&str, Access)] = &[
            ("taobao.logistics.companies.get", Access::Read),
            ("taobao.logistics.trace.search", Access::Read),
            ("taobao.logistics.address.search", Access::Read),
            ("taobao.qimen.deliveryorder.query", Access::Read),
            ("alibaba.onetouch.logistics.express.address.city.list", Access::Read),
            ("cainiao.ecc.exceptions.delay.count", Access::Read),
            (
                "cainiao.global.im.pickup.appointment.order.difference.detail",
                Access::Read,
            ),
            ("cainiao.global.logistics.carrier.querylist", Access::Read),
            ("cainiao.cboss.workplatform.biztype.querybyid", Access::Read),
            ("taobao.wlb.waybill.i.querydetail", Access::Read),
            ("youku.dsp.delivery.resource.multiget", Access::Read),
            ("tmall.channel.trade.order.gets", Access::Read),
            ("taobao.alitrip.seller.refundorderlist.fetch", Access::Read),
            ("taobao.alitrip.ie.agent.refund.new.getlist", Access::Read),
            // Case of the verb does not matter (the corpus has `queryAll`, `getServTimes`).
            ("alibaba.example.item.queryAll", Access::Read),
            ("taobao.time.GET", Access::Read),
            // Writes by verb.
            ("taobao.logistics.openalibity.write", Access::Write),
            ("taobao.logistics.express.abnormal.report", Access::Write),
            ("taobao.logistics.offline.send", Access::Write),
            ("taobao.logistics.consign.order.create", Access::Write),
            ("taobao.logistics.address.modify", Access::Write),
            ("cainiao.waybill.ii.cancel", Access::Write),
            // Unknown verbs, nouns and unlisted compounds are writes.
            ("taobao.logistics.express.pickcode.check", Access::Write),
            ("cainiao.global.im.pickup.bigbag.info", Access::Write),
            ("cainiao.global.im.pickup.appointment.order.status", Access::Write),
            ("taobao.item.listing", Access::Write),
            ("alibaba.something.getcode", Access::Write),
            ("alibaba.something.gettoken", Access::Write),
            ("get", Access::Read),
            ("", Access::Write),
            ("taobao.", Access::Write),
            // The reviewed table wins over the verb.
            ("cainiao.waybill.ii.get", Access::Write),
            ("taobao.wlb.waybill.i.get", Access::Write),
            ("cainiao.guoguo.waybill.get", Access::Write),
            ("alibaba.ascp.uop.self.supplier.waybill.query", Access::Write),
            // Neighbours of table entries stay reads.
            ("cainiao.waybill.ii.search", Access::Read),
            ("cainiao.waybill.ii.logisticsdetail.url.get", Access::Read),
            ("taobao.wlb.waybill.i.search", Access::Read),
        ];
        for &(method, want) in cases {
            assert_eq!(classify(method), want, "{method}");
        }
    }

    #[test]
    fn every_override_names_a_method_the_verb_rule_would_call_a_read() {
        // An entry whose verb is not a read verb would be dead weight: the rule already
        // makes it a write.
        for &(method, reason) in WRITES_DESPITE_THE_VERB {
            let verb = method.rsplit('.').next().unwrap().to_ascii_lowercase();
            assert!(
                READ_VERBS.contains(&verb.as_str()),
                "{method}: `{verb}` is not a read verb"
            );
            assert!(!reason.trim().is_empty(), "{method} has no reason");
            assert_eq!(override_reason(method), Some(reason));
        }
        assert_eq!(override_reason("taobao.logistics.companies.get"), None);
    }

    #[test]
    fn the_tables_are_sorted_and_without_duplicates() {
        // Sorted tables keep review diffs small and make a duplicate visible.
        assert!(READ_VERBS.windows(2).all(|w| w[0] < w[1]), "READ_VERBS");
        assert!(
            WRITES_DESPITE_THE_VERB.windows(2).all(|w| w[0].0 < w[1].0),
            "WRITES_DESPITE_THE_VERB"
        );
        assert!(READ_VERBS.iter().all(|v| *v == v.to_ascii_lowercase()));
    }
}
