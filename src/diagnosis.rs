//! Likely causes of a mismatch, named only when one fits exactly: digits transposed (579.64 vs 579.46),
//! a direction word that contradicts the numbers, the amount repeated as the percentage, a part missing from
//! (or counted twice in) a sum.

use rust_decimal::Decimal;

/// "579.64" against "579.46": the same digits with one adjacent pair swapped.
///
/// # Example
/// ```
/// let d = |s: &str| s.parse::<rust_decimal::Decimal>();
/// assert!(juesuan::diagnosis::transposition(d("579.64")?, d("579.46")?).is_some());
/// assert!(juesuan::diagnosis::transposition(d("579.64")?, d("579.47")?).is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn transposition(stated: Decimal, recomputed: Decimal) -> Option<String> {
    let digits = |d: Decimal| -> Vec<char> {
        d.abs()
            .to_string()
            .chars()
            .filter(char::is_ascii_digit)
            .collect()
    };
    let (a, b) = (digits(stated), digits(recomputed));
    if a.len() != b.len() || a == b || stated.scale() != recomputed.scale() {
        return None;
    }
    let diff: Vec<usize> = (0..a.len()).filter(|&i| a.get(i) != b.get(i)).collect();
    match diff[..] {
        [i, j] if j == i + 1 && a.get(i) == b.get(j) && a.get(j) == b.get(i) => {
            let pair: String = a.get(i..=j).map(|s| s.iter().collect()).unwrap_or_default();
            let swapped: String = b.get(i..=j).map(|s| s.iter().collect()).unwrap_or_default();
            Some(format!(
                "疑似数字顺序颠倒：填报 {stated}，应为 {recomputed}（“{pair}”与“{swapped}”互换）"
            ))
        }
        _ => None,
    }
}

/// The stated percentage equals an amount the sentence also states: the amount was typed again as the rate.
pub fn repeated_amount(stated: Decimal, amounts: &[(String, Decimal)]) -> Option<String> {
    amounts
        .iter()
        .find(|(_, a)| *a == stated && !a.is_zero())
        .map(|(name, a)| format!("疑似把金额当作百分比：填报的 {stated}% 与{name} {a} 相同"))
}

/// The difference of a sum equals one stated figure that is not among its parts (missing), or one of its
/// parts (counted twice).
pub fn missing_part(
    difference: Decimal,
    parts: &[(String, Decimal)],
    nearby: &[(String, Decimal)],
) -> Option<String> {
    if difference.is_zero() {
        return None;
    }
    if difference.is_sign_positive() {
        nearby
            .iter()
            .find(|(_, v)| *v == difference)
            .map(|(name, v)| {
                format!("合计比各项之和多 {difference}，恰等于“{name}” {v}：疑似漏列此项")
            })
    } else {
        parts
            .iter()
            .find(|(_, v)| *v == -difference)
            .map(|(name, v)| {
                format!(
                    "各项之和比合计多 {}，恰等于分项“{name}” {v}：疑似重复计入",
                    -difference
                )
            })
    }
}
