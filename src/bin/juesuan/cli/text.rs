//! `--format text`: a Chinese report for people — per document what needs a look (✗ first), each with its
//! line:column and explanation, then a summary table across documents.

use super::input::visible;
use super::items::{Item, Mark, Tally};
use std::fmt::Write as _;

/// Terminal columns a string takes: CJK and full-width characters take two.
pub fn width(s: &str) -> usize {
    s.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F
            | 0x2E80..=0x303E
            | 0x3041..=0x33FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xA000..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6
            | 0x20000..=0x3FFFD => 2,
            _ => 1,
        })
        .sum()
}

fn pad_left(s: &str, to: usize) -> String {
    format!("{}{s}", " ".repeat(to.saturating_sub(width(s))))
}

fn pad_right(s: &str, to: usize) -> String {
    format!("{s}{}", " ".repeat(to.saturating_sub(width(s))))
}

fn position(i: &Item) -> String {
    i.at.map_or_else(|| "-".to_string(), |(l, c)| format!("{l}:{c}"))
}

/// One document's section: its name and encoding, its counts, then every figure that is not ✓ and every
/// part that could not be read, ✗ first, in document order within each.
pub fn document(name: &str, encoding: &str, preset: Option<&str>, items: &[Item]) -> String {
    let t = Tally::of(items);
    let mut out = format!("━━ {name}（{encoding}）\n");
    let _ = writeln!(
        out,
        "共核对 {} 处：✗ 不一致 {}，≈ 尾差 {}，! 提示 {}，— 无法计算 {}，✓ 一致 {}；未核对的数字 {} 个",
        t.judged, t.mismatch, t.rounding, t.notice, t.not_computable, t.ok, t.unchecked
    );
    if let Some(p) = preset {
        let _ = writeln!(out, "自评表评分规则：{p}");
    }
    let mut shown: Vec<&Item> = items
        .iter()
        .filter(|i| !matches!(i.mark, Mark::Judged(juesuan::Verdict::Ok) | Mark::Unchecked))
        .collect();
    shown.sort_by_key(|i| i.mark.rank());
    let at = shown.iter().map(|i| position(i).len()).max().unwrap_or(0);
    for i in shown {
        let symbol = i.mark.title().split(' ').next().unwrap_or("");
        let _ = writeln!(
            out,
            "  {symbol} {}  {}",
            pad_right(&position(i), at),
            visible(&i.message)
        );
        if let Some(d) = &i.diagnosis {
            let _ = writeln!(out, "  {}可能原因：{}", " ".repeat(at + 4), visible(d));
        }
    }
    if t.judged == 0 && t.problems == 0 {
        out.push_str("  未找到可核对的数字声明。\n");
    } else if t.mismatch + t.rounding + t.notice + t.not_computable + t.problems == 0 {
        out.push_str("  全部一致。\n");
    }
    out.push('\n');
    out
}

/// A document that could not be used: its name and why.
pub fn unusable(name: &str, why: &str) -> String {
    format!("━━ {name}\n  ? {}\n\n", visible(why))
}

/// One row of the summary table: a document's name, its encoding (none when unreadable) and counts.
pub struct Row {
    pub name: String,
    pub encoding: Option<&'static str>,
    pub tally: Option<Tally>,
}

const HEADERS: [&str; 8] = [
    "核对项",
    "✗ 不一致",
    "≈ 尾差",
    "! 提示",
    "— 无法计算",
    "✓ 一致",
    "未核对",
    "读取问题",
];

fn cells(t: &Tally) -> [String; 8] {
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
    .map(|n| n.to_string())
}

/// The summary table across documents: one row each (numbers first, so CJK file names need no
/// alignment), then the total.
pub fn summary(rows: &[Row]) -> String {
    let mut total = Tally::default();
    let unusable = rows.iter().filter(|r| r.tally.is_none()).count();
    for t in rows.iter().filter_map(|r| r.tally.as_ref()) {
        total.add(t);
    }
    let mut table: Vec<Vec<String>> = Vec::with_capacity(rows.len() + 2);
    let mut first: Vec<String> = HEADERS.iter().map(|h| h.to_string()).collect();
    first.extend(["编码".to_string(), "文件".to_string()]);
    table.push(first);
    for r in rows {
        let mut line: Vec<String> = match &r.tally {
            Some(t) => cells(t).to_vec(),
            None => vec![String::new(); 8],
        };
        line.push(r.encoding.unwrap_or("—").to_string());
        line.push(match r.tally {
            Some(_) => visible(&r.name),
            None => format!("{}（无法读取）", visible(&r.name)),
        });
        table.push(line);
    }
    let mut last = cells(&total).to_vec();
    last.push(String::new());
    let count = rows.len();
    last.push(if unusable > 0 {
        format!("合计 {count} 份文件（{unusable} 份无法读取）")
    } else {
        format!("合计 {count} 份文件")
    });
    table.push(last);

    let widths: Vec<usize> = (0..10)
        .map(|c| {
            table
                .iter()
                .map(|r| r.get(c).map_or(0, |s| width(s)))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::from("汇总\n");
    let rule = |out: &mut String| {
        let line_width: usize = widths.iter().take(9).map(|w| w + 2).sum::<usize>() + 8;
        let _ = writeln!(out, "{}", "─".repeat(line_width));
    };
    for (n, r) in table.iter().enumerate() {
        if n == 1 || n + 1 == table.len() {
            rule(&mut out);
        }
        let mut line = String::new();
        for (c, cell) in r.iter().enumerate() {
            let w = widths.get(c).copied().unwrap_or(0);
            match c {
                0..=7 => line.push_str(&pad_left(cell, w)),
                8 => line.push_str(&pad_right(cell, w)),
                _ => line.push_str(cell),
            }
            if c < 9 {
                line.push_str("  ");
            }
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_takes_two_columns() {
        assert_eq!(width("核对"), 4);
        assert_eq!(width("✗ 不一致"), 8);
        assert_eq!(width("UTF-8"), 5);
        assert_eq!(pad_left("7", 4), "   7");
    }
}
