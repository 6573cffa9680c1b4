//! A year run into the amount after it by a PDF copy that lost the 年 ("394.85万元2014247.15万元相比较增长
//! 147.70万元" is 2014 年 247.15 万元). Split only when nothing else can be meant: the run follows an amount's
//! unit or a comparison word, ends in decimals and a money unit, and its sentence names the year after
//! (the run's year is the one compared with).

/// The length of the year at the head of the digit run at `at`, when the run is a year and an amount.
pub(super) fn year_run_in(chars: &[char], at: usize) -> Option<usize> {
    let digit = |j: usize| chars.get(j).is_some_and(char::is_ascii_digit);
    let head: String = chars.get(at..at + 4)?.iter().collect();
    let year: u32 = head.parse().ok()?;
    if !(1990..=2100).contains(&year) || !digit(at + 4) {
        return None;
    }
    // the rest: digits, a point, decimals, then a money unit
    let mut j = at + 4;
    while digit(j) {
        j += 1;
    }
    if chars.get(j) != Some(&'.') || !digit(j + 1) {
        return None;
    }
    j += 1;
    while digit(j) {
        j += 1;
    }
    let rest: String = chars.get(j..(j + 2).min(chars.len()))?.iter().collect();
    if !(rest.starts_with("万元") || rest.starts_with("亿元") || rest.starts_with('元')) {
        return None;
    }
    let before = at.checked_sub(1).and_then(|p| chars.get(p))?;
    if !matches!(before, '元' | '比' | '较' | '与') {
        return None;
    }
    // the sentence names the next year: this one is the year compared with
    let stop = |c: &char| matches!(c, '。' | '\n');
    let from = (0..at)
        .rev()
        .find(|&p| chars.get(p).is_some_and(stop))
        .map_or(0, |p| p + 1);
    let to = (at..chars.len())
        .find(|&p| chars.get(p).is_some_and(stop))
        .unwrap_or(chars.len());
    let sentence: String = chars.get(from..to)?.iter().collect();
    sentence.contains(&format!("{}年", year + 1)).then_some(4)
}
