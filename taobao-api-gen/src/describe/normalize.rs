//! The text the description analysis reads: NFKC (fullwidth `：，；（）` become ASCII) plus the
//! few dash and space variants NFKC leaves alone. `Param.description` itself is never changed.

use unicode_normalization::UnicodeNormalization;

/// NFKC of `text`, with dash look-alikes folded to `-` and ideographic/no-break spaces to ` `.
pub fn normalize(text: &str) -> String {
    text.nfkc()
        .map(|c| match c {
            '\u{2010}'..='\u{2014}' | '\u{2212}' => '-',
            '\u{3000}' | '\u{a0}' | '\t' => ' ',
            other => other,
        })
        .collect()
}

/// True for CJK ideographs (the labels of Chinese docs) and CJK punctuation-free letters.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}'
        | '\u{20000}'..='\u{2a6df}' | '\u{3040}'..='\u{30ff}' | '\u{ac00}'..='\u{d7af}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fullwidth_and_dashes_fold() {
        let cases = [
            (
                "INTERNAL：淘内包裹，EXTERNAL：淘外包裹",
                "INTERNAL:淘内包裹,EXTERNAL:淘外包裹",
            ),
            (
                "服务类型（1－送货上门；2—放指定驿站）",
                "服务类型(1-送货上门;2-放指定驿站)",
            ),
            ("0\u{3000}否", "0 否"),
            ("送货上门。签收照片", "送货上门。签收照片"),
        ];
        for (input, want) in cases {
            assert_eq!(normalize(input), want, "{input}");
        }
    }

    #[test]
    fn cjk_is_recognised() {
        assert!(is_cjk('送') && is_cjk('の'));
        assert!(!is_cjk('A') && !is_cjk('。') && !is_cjk(','));
    }
}
