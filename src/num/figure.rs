//! Figures as people write them: `1,810.23 万元`, `-2.80%`, `＝１２３`, `>=24 期`, `<=0.55 万元`,
//! `1,305.1 7` (a PDF line break inside the number), `—` (not applicable).
//!
//! A figure keeps its value, its scale (decimals as written: `50.80` is 2, `100` is 0), its unit and any
//! comparator, because the scale is what a verdict's tolerance is made of.

use crate::error::{Error, Result};
use crate::num::decimal::half_ulp;
use rust_decimal::Decimal;
use std::str::FromStr;

/// The comparator written before a target value (`>=24 期`, `≤ 5%`, `=100%`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparator {
    /// `>=`, `≥`, `≧`
    Ge,
    /// `>`
    Gt,
    /// `<=`, `≤`, `≦`
    Le,
    /// `<`
    Lt,
    /// `=`
    Eq,
}

impl Comparator {
    /// The comparator as it is shown in messages.
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::Ge => "≥",
            Comparator::Gt => ">",
            Comparator::Le => "≤",
            Comparator::Lt => "<",
            Comparator::Eq => "=",
        }
    }
}

/// A parsed figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// The exact value as written (`1,810.23` → 1810.23; a percentage keeps its number: `50.80%` → 50.80).
    pub value: Decimal,
    /// Decimal places as written.
    pub scale: u32,
    /// What follows the number, trimmed (`万元`, `%`, `次/月`, empty when none).
    pub unit: String,
    /// The comparator written before the number, if any.
    pub comparator: Option<Comparator>,
    /// Whole counts (people, vehicles) are exact; amounts and rates stand for an interval.
    pub exact: bool,
}

impl Figure {
    /// A plain figure with no unit, taking its scale from the value.
    pub fn from_decimal(value: Decimal) -> Figure {
        Figure {
            value,
            scale: value.scale(),
            unit: String::new(),
            comparator: None,
            exact: false,
        }
    }

    /// Marks the figure as exact (a count), so it carries no rounding tolerance.
    pub fn into_exact(mut self) -> Figure {
        self.exact = true;
        self
    }

    /// Half the width of the interval this figure stands for: 50.80 → 0.005; an exact count → 0.
    pub fn half_width(&self) -> Decimal {
        if self.exact {
            Decimal::ZERO
        } else {
            half_ulp(self.scale)
        }
    }

    /// Whether the unit is a percent sign.
    pub fn is_percent(&self) -> bool {
        self.unit == "%"
    }

    /// The value printed with its scale, as written but without separators: `1810.23`.
    pub fn text(&self) -> String {
        self.value.to_string()
    }
}

/// Maps full-width ASCII (`１２３，．％＝`) and Arabic-Indic digits to ASCII, one char for one char so
/// that character offsets into the original text stay valid.
pub fn normalize_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '\u{0660}'..='\u{0669}' => char::from_u32(c as u32 - 0x0660 + u32::from(b'0')).unwrap_or(c),
        '\u{06F0}'..='\u{06F9}' => char::from_u32(c as u32 - 0x06F0 + u32::from(b'0')).unwrap_or(c),
        '\u{066B}' => '.', // Arabic decimal separator
        '\u{066C}' => ',', // Arabic thousands separator
        '−' | '–' => '-',
        _ => c,
    }
}

/// Characters that carry no text: zero-width spaces and joiners, bidirectional marks and embeddings, the
/// byte-order mark. Copied text picks them up (right-to-left marks around numbers especially); they are
/// skipped like white space.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
}

/// Whether a cell says "not applicable": `—`, `-`, `／` and the like.
pub fn is_not_applicable(text: &str) -> bool {
    let t: String = text
        .chars()
        .map(normalize_char)
        .filter(|c| !c.is_whitespace())
        .collect();
    !t.is_empty() && t.chars().all(|c| matches!(c, '—' | '-' | '―' | '─' | '/'))
}

/// Parses a cell: `Ok(None)` for "not applicable" (`—`) or an empty cell, else the figure.
///
/// # Errors
/// As [`parse_figure`].
pub fn parse_cell(text: &str) -> Result<Option<Figure>> {
    if text.trim().is_empty() || is_not_applicable(text) {
        return Ok(None);
    }
    parse_figure(text).map(Some)
}

/// Parses one figure.
///
/// # Errors
/// [`Error::Empty`] for blank text, [`Error::MalformedFigure`] when it is not a figure (the message names
/// the text and why), [`Error::TooManyDigits`] beyond exact decimal range. Never panics.
///
/// # Example
/// ```
/// use juesuan::num::figure::parse_figure;
/// let f = parse_figure("1,305.1 7 万元")?;
/// assert_eq!((f.value.to_string().as_str(), f.scale, f.unit.as_str()), ("1305.17", 2, "万元"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn parse_figure(text: &str) -> Result<Figure> {
    let chars: Vec<char> = text
        .chars()
        .filter(|&c| !is_invisible(c))
        .map(normalize_char)
        .collect();
    let bad = |reason: &'static str| Error::MalformedFigure {
        text: text.trim().to_string(),
        reason,
    };
    let mut i = skip_space(&chars, 0);
    if i == chars.len() {
        return Err(Error::Empty {
            field: "数字".into(),
        });
    }
    let comparator = read_comparator(&chars, &mut i);
    i = skip_space(&chars, i);
    let mut digits = String::new();
    if let Some(&c) = chars.get(i) {
        if c == '-' || c == '+' {
            if c == '-' {
                digits.push('-');
            }
            i += 1;
        }
    }
    if !chars.get(i).is_some_and(char::is_ascii_digit) {
        return Err(bad(if chars[i..].iter().any(char::is_ascii_digit) {
            "数字前有多余的字符"
        } else {
            "没有数字"
        }));
    }
    let (int_part, frac_part, next) = read_number(&chars, i).map_err(bad)?;
    digits.push_str(&int_part);
    if let Some(frac) = &frac_part {
        digits.push('.');
        digits.push_str(frac);
    }
    let unit: String = chars[next..].iter().collect::<String>().trim().to_string();
    if unit.chars().any(|c| c.is_ascii_digit()) {
        return Err(bad("数字中夹有其他字符"));
    }
    if unit.starts_with(['.', ',']) {
        return Err(bad("小数点或分隔符位置不对"));
    }
    let significant =
        int_part.trim_start_matches('0').len() + frac_part.as_ref().map_or(0, String::len);
    let value = Decimal::from_str_exact(&digits).map_err(|_| {
        if significant > 27 {
            Error::TooManyDigits {
                text: text.trim().to_string(),
            }
        } else {
            bad("格式不正确")
        }
    })?;
    let scale = frac_part.as_ref().map_or(0, |f| f.len() as u32);
    Ok(Figure {
        value,
        scale,
        unit,
        comparator,
        exact: false,
    })
}

/// Parses a figure that must be a plain number (a calculator field); `field` names it in the message.
///
/// # Errors
/// [`Error::Empty`] naming the field, or as [`parse_figure`].
pub fn parse_input(field: &str, text: &str) -> Result<Figure> {
    if text.trim().is_empty() {
        return Err(Error::Empty {
            field: field.to_string(),
        });
    }
    let figure = parse_figure(text)?;
    if !figure.unit.is_empty() && !figure.is_percent() && !is_amount_unit(&figure.unit) {
        return Err(Error::MalformedFigure {
            text: text.trim().to_string(),
            reason: "数字后有多余的字符",
        });
    }
    Ok(figure)
}

/// Powers of ten from 元: 元 0, 万元 4, 亿元 8.
fn money_exponent(unit: &str) -> Option<u32> {
    match unit {
        "元" => Some(0),
        "万元" => Some(4),
        "亿元" => Some(8),
        _ => None,
    }
}

/// Expresses the figures in one unit of money, in place — the largest among them, so that the conversion
/// only ever moves the decimal point left and stays exact (60,000.00 元 ± 0.005 is 6.000000 万元 ±
/// 0.0000005). Figures that are not all money, or all in one unit, are left as they are.
///
/// # Example
/// ```
/// use juesuan::num::figure::{align_money_units, parse_figure};
/// let mut f = [parse_figure("10.00 万元")?, parse_figure("60,000.00 元")?];
/// align_money_units(&mut f);
/// assert_eq!((f[1].value.to_string().as_str(), f[1].unit.as_str()), ("6.000000", "万元"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn align_money_units(figures: &mut [Figure]) {
    let exponents: Option<Vec<u32>> = figures.iter().map(|f| money_exponent(&f.unit)).collect();
    let Some(exponents) = exponents else { return };
    let Some((target, unit)) = exponents
        .iter()
        .zip(figures.iter())
        .max_by_key(|(e, _)| **e)
        .map(|(e, f)| (*e, f.unit.clone()))
    else {
        return;
    };
    for (f, e) in figures.iter_mut().zip(exponents) {
        let shift = target - e;
        // scale + shift beyond 28 digits cannot be represented: keep the figure as written
        if shift > 0 && f.scale + shift <= 28 {
            f.value = Decimal::from_i128_with_scale(f.value.mantissa(), f.scale + shift);
            f.scale += shift;
            f.unit.clone_from(&unit);
        }
    }
}

/// Units of money that a calculator field may carry.
pub fn is_amount_unit(unit: &str) -> bool {
    matches!(unit, "元" | "万元" | "亿元")
}

fn skip_space(chars: &[char], mut i: usize) -> usize {
    while chars.get(i).is_some_and(|c| c.is_whitespace()) {
        i += 1;
    }
    i
}

fn read_comparator(chars: &[char], i: &mut usize) -> Option<Comparator> {
    let first = *chars.get(*i)?;
    let second = chars.get(*i + 1).copied();
    let (comparator, width) = match (first, second) {
        ('>', Some('=')) => (Comparator::Ge, 2),
        ('<', Some('=')) => (Comparator::Le, 2),
        ('=', Some('=')) => (Comparator::Eq, 2),
        ('≥' | '≧', _) => (Comparator::Ge, 1),
        ('≤' | '≦', _) => (Comparator::Le, 1),
        ('>', _) => (Comparator::Gt, 1),
        ('<', _) => (Comparator::Lt, 1),
        ('=', _) => (Comparator::Eq, 1),
        _ => return None,
    };
    *i += width;
    Some(comparator)
}

/// Reads `1,305.1 7`: digits with thousands separators and spaces from line breaks anywhere between them.
/// Returns the integer digits, the fraction digits (None without a point) and the index after the number.
fn read_number(
    chars: &[char],
    start: usize,
) -> std::result::Result<(String, Option<String>, usize), &'static str> {
    // The number's chars with the white space of line breaks dropped: white space counts as inside the
    // number only when a digit, separator or point follows it.
    let is_part = |c: char| c.is_ascii_digit() || c == ',' || c == '.';
    let mut compact = String::new();
    let mut i = start;
    while let Some(&c) = chars.get(i) {
        if is_part(c) {
            compact.push(c);
            i += 1;
        } else if c.is_whitespace() && chars.get(skip_space(chars, i)).is_some_and(|&n| is_part(n))
        {
            i = skip_space(chars, i);
        } else {
            break;
        }
    }
    // a trailing separator belongs to the sentence ("12,"), not to the number
    while compact.ends_with(',') {
        compact.pop();
        i = (start..i)
            .rev()
            .find(|&j| chars.get(j) == Some(&','))
            .unwrap_or(i);
    }
    let (int_text, frac) = match compact.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (compact.as_str(), None),
    };
    if let Some(frac) = frac {
        if frac.contains('.') {
            return Err("有两个小数点");
        }
        if frac.contains(',') {
            return Err("千分位分隔符位置不对");
        }
        if frac.is_empty() {
            return Err("小数点后缺少数字");
        }
    }
    let groups: Vec<&str> = int_text.split(',').collect();
    if groups.len() > 1 {
        let first_ok = groups.first().is_some_and(|g| (1..=3).contains(&g.len()));
        if !first_ok || groups.iter().skip(1).any(|g| g.len() != 3) {
            return Err("千分位分隔符位置不对");
        }
    }
    Ok((groups.concat(), frac.map(str::to_string), i))
}

impl FromStr for Figure {
    type Err = Error;
    fn from_str(s: &str) -> Result<Figure> {
        parse_figure(s)
    }
}
