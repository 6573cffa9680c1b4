//! `--format csv`: for Excel. UTF-8 with a BOM (without one Excel reads UTF-8 as the ANSI code page and
//! the Chinese is garbled), CRLF rows, one row per figure; with `--summary`, one row per document.

use super::items::{Item, Mark, Tally};
use super::text::Row;

/// Written once, before the header.
pub const BOM: &str = "\u{FEFF}";

/// The header of the figure rows.
pub const HEADER: &str = "文件,编码,行,列,结果,类型,填报,重算,相差,说明,可能原因,规则\r\n";

/// The header of the summary rows.
pub const SUMMARY_HEADER: &str =
    "文件,编码,核对项,不一致,尾差,提示,无法计算,一致,未核对,读取问题,说明\r\n";

/// A field as Excel reads it back unchanged: quoted when it holds a comma, quote or line break; a text
/// from the document that starts like a formula (= + - @) gets a leading apostrophe, so opening the file
/// can never run one. A number such as -2.80 stays a number.
fn field(s: &str) -> String {
    let formula = s.starts_with(['=', '+', '@', '\t', '\r'])
        || (s.starts_with('-') && s != "-" && s.parse::<rust_decimal::Decimal>().is_err());
    let s = if formula {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn row(fields: &[&str]) -> String {
    let mut line = fields
        .iter()
        .map(|f| field(f))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

/// Every line of one document, in document order (✓ and unchecked figures too: Excel filters them).
pub fn document(name: &str, encoding: &str, items: &[Item]) -> String {
    let mut out = String::new();
    for i in items {
        let (line, column) = i.at.map_or((String::new(), String::new()), |(l, c)| {
            (l.to_string(), c.to_string())
        });
        let opt = |o: &Option<String>| o.clone().unwrap_or_default();
        out.push_str(&row(&[
            name,
            encoding,
            &line,
            &column,
            i.mark.title(),
            &i.kind,
            &opt(&i.stated),
            &opt(&i.recomputed),
            &opt(&i.difference),
            &i.message,
            &opt(&i.diagnosis),
            &opt(&i.rule),
        ]));
    }
    out
}

/// A document that could not be used, as one row.
pub fn unusable(name: &str, why: &str) -> String {
    row(&[
        name,
        "",
        "",
        "",
        Mark::Problem.title(),
        "文件",
        "",
        "",
        "",
        why,
        "",
        "",
    ])
}

fn counts(t: &Tally) -> Vec<String> {
    [
        t.judged,
        t.mismatch,
        t.rounding,
        t.notice,
        t.not_computable,
        t.ok,
        t.unchecked,
        t.problems,
    ]
    .iter()
    .map(ToString::to_string)
    .collect()
}

/// The summary rows (with `--summary`): one per document, then the total.
pub fn summary(rows: &[Row], errors: &[Option<String>]) -> String {
    let mut out = String::new();
    let mut total = Tally::default();
    for (n, r) in rows.iter().enumerate() {
        let why = errors.get(n).cloned().flatten().unwrap_or_default();
        let mut fields = vec![r.name.clone(), r.encoding.unwrap_or("").to_string()];
        match &r.tally {
            Some(t) => {
                total.add(t);
                fields.extend(counts(t));
            }
            None => fields.extend(std::iter::repeat_n(String::new(), 8)),
        }
        fields.push(why);
        out.push_str(&row(&fields.iter().map(String::as_str).collect::<Vec<_>>()));
    }
    let unusable = rows.iter().filter(|r| r.tally.is_none()).count();
    let mut fields = vec![format!("合计 {} 份文件", rows.len()), String::new()];
    fields.extend(counts(&total));
    fields.push(if unusable > 0 {
        format!("{unusable} 份无法读取")
    } else {
        String::new()
    });
    out.push_str(&row(&fields.iter().map(String::as_str).collect::<Vec<_>>()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        assert_eq!(field("50.80"), "50.80");
        assert_eq!(field("-2.80"), "-2.80");
        assert_eq!(field("=1+1"), "'=1+1");
        assert_eq!(field("-cmd"), "'-cmd");
        assert_eq!(field("a,\"b\""), "\"a,\"\"b\"\"\"");
    }
}
