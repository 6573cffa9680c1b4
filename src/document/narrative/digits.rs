//! Numbers as written: digits with thousands separators and decimals, and amounts in 亿 written in two
//! parts ("405亿9,629万元" read as one; "25亿8千万元" recognised so it is never read as 25 亿元).

/// Reads `1,305.17` from `at`: the digits without separators, the number of decimals, the index after.
pub fn read_digits(chars: &[char], at: usize) -> (String, u32, usize) {
    let mut digits = String::new();
    let mut i = at;
    while let Some(&c) = chars.get(i) {
        if c.is_ascii_digit() {
            digits.push(c);
            i += 1;
        } else if c == ',' && thousands_group_follows(chars, i + 1) {
            i += 1;
        } else {
            break;
        }
    }
    let mut scale = 0;
    if chars.get(i) == Some(&'.') && chars.get(i + 1).is_some_and(char::is_ascii_digit) {
        digits.push('.');
        i += 1;
        while let Some(&c) = chars.get(i).filter(|c| c.is_ascii_digit()) {
            digits.push(c);
            scale += 1;
            i += 1;
        }
    }
    (digits, scale, i)
}

/// "405亿9,629万元", "1亿1526万元": one amount in 亿元 written in two parts (405.9629 亿元, four more decimals),
/// not 405 亿元 and a second figure. Returns the digits, scale, the index after the 万 and the end of the unit.
pub fn compound_yi(
    chars: &[char],
    digits: &str,
    scale: u32,
    after: usize,
) -> Option<(String, u32, usize, usize)> {
    if scale != 0
        || chars.get(after) != Some(&'亿')
        || !chars.get(after + 1).is_some_and(char::is_ascii_digit)
    {
        return None;
    }
    let (wan, wan_scale, wan_after) = read_digits(chars, after + 1);
    if wan_scale != 0 || wan.len() > 4 || chars.get(wan_after) != Some(&'万') {
        return None;
    }
    let end = wan_after + 1 + usize::from(chars.get(wan_after + 1) == Some(&'元'));
    Some((format!("{digits}.{wan:0>4}"), 4, wan_after + 1, end))
}

/// The end of "8千万元" / "8百万" at `at` (the rest of a 亿 amount in words), if written so.
pub fn mixed_rest(chars: &[char], at: usize) -> Option<usize> {
    let digits = (at..)
        .take_while(|&j| chars.get(j).is_some_and(char::is_ascii_digit))
        .count();
    let k = at + digits;
    (digits > 0 && matches!(chars.get(k), Some('千' | '百')) && chars.get(k + 1) == Some(&'万'))
        .then(|| k + 2 + usize::from(chars.get(k + 2) == Some(&'元')))
}

/// A thousands separator is followed by exactly three digits.
fn thousands_group_follows(chars: &[char], at: usize) -> bool {
    (at..at + 3).all(|j| chars.get(j).is_some_and(char::is_ascii_digit))
        && !chars.get(at + 3).is_some_and(char::is_ascii_digit)
}
