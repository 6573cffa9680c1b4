//! 表文 rules N-09 (基本支出 人员/公用), N-11 (机关运行经费, a hint), N-12 (无政府性基金/国有资本经营)
//! and N-13 (增加/减少 X 万元，增长/下降 Y%).

use super::ctx::{narrative_sum, rule, Ctx, E, H};
use super::finding::{Severity, TableFinding};
use super::kinds::{Col, StandardKind};
use super::kit::{get, tagged, total, Got};
use super::lines::Line;
use super::model::{Lookup, StandardTable};
use super::narrative::NFig;
use super::pct::RateForm;

fn econ(t6: &StandardTable, which: &str) -> Option<Got> {
    t6.rows
        .iter()
        .find(|r| r.code.is_none() && r.name.starts_with(which))
        .map(|r| tagged(get(t6, r, Col::Amount), "T6"))
}

/// N-09: 基本支出 = T5 合计·基本支出; 人员经费, 公用经费 = T6 totals; 人员 + 公用 = 基本.
pub(crate) fn basic(ctx: &mut Ctx<'_>) {
    let key = "一般公共预算财政拨款基本支出";
    for i in ctx.c.find_all(key, 0, ctx.c.len()) {
        let Some(f) = ctx.c.amount_after_key(i, key) else {
            continue;
        };
        if let Some(t5) = ctx.t(StandardKind::T5) {
            ctx.eq(
                rule("N-09", E),
                "说明 一般公共预算财政拨款基本支出 = T5 合计·基本支出",
                &f,
                i,
                key,
                tagged(total(t5, Col::Basic), "T5"),
            );
        }
        let (_, sec_end) = ctx.c.section(i);
        // 人员经费 and 公用经费 follow in this sentence or the next
        let next = ctx.c.find("。", f.end, sec_end).map_or(sec_end, |p| p + 1);
        let sec_end = ctx.c.find("。", next, sec_end).map_or(sec_end, |p| p + 1);
        let find = |w: &str| {
            ctx.c
                .find_all(w, f.end, sec_end)
                .into_iter()
                .find_map(|k| ctx.c.amount_after_key(k, w).map(|g| (k, g)))
        };
        let (p, q) = (find("人员经费"), find("公用经费"));
        for (hit, which) in [(&p, "人员经费"), (&q, "公用经费")] {
            if let (Some((k, g)), Some(cell)) =
                (hit, ctx.t(StandardKind::T6).and_then(|t| econ(t, which)))
            {
                ctx.eq(
                    rule("N-09", E),
                    &format!("说明 {which} = T6 {which}合计"),
                    g,
                    *k,
                    which,
                    cell,
                );
            }
        }
        if let (Some((_, pg)), Some((_, qg))) = (&p, &q) {
            narrative_sum(
                ctx,
                "N-09",
                "说明 基本支出 = 人员经费 + 公用经费",
                (&f, "基本支出"),
                vec![(pg, "人员经费".into()), (qg, "公用经费".into())],
                i,
            );
        }
    }
}

/// N-11 机关运行经费 (a hint), N-12 无政府性基金/国有资本经营, T7-0 无“三公”经费.
pub(crate) fn others(ctx: &mut Ctx<'_>) {
    for i in ctx.c.find_all("机关运行经费", 0, ctx.c.len()) {
        let key = if ctx.c.at(i, "机关运行经费支出") {
            "机关运行经费支出"
        } else {
            "机关运行经费"
        };
        let Some(f) = ctx.c.amount_after_key(i, key) else {
            continue;
        };
        if let Some(cell) = ctx.t(StandardKind::T6).and_then(|t| econ(t, "公用经费")) {
            ctx.eq(
                rule("N-11", H),
                "说明 机关运行经费 = T6 公用经费合计（行政单位的通常口径，仅作提示）",
                &f,
                i,
                key,
                cell,
            );
        }
    }
    for (word, kind, col, inc) in [
        (
            "政府性基金预算财政拨款",
            StandardKind::T8,
            Col::GovFund,
            Line::IncFund,
        ),
        (
            "国有资本经营预算财政拨款",
            StandardKind::T9,
            Col::StateCapital,
            Line::IncCapital,
        ),
    ] {
        for neg in ["无", "没有"] {
            for i in ctx.c.find_all(&format!("{neg}{word}"), 0, ctx.c.len()) {
                none_claim(ctx, i, kind, col, inc);
            }
        }
    }
    if let Some(t7) = ctx.t(StandardKind::T7) {
        for neg in ["无\"三公\"经费", "没有\"三公\"经费", "无三公经费"] {
            for i in ctx.c.find_all(neg, 0, ctx.c.len()) {
                super::rules_n_sg::no_sangong(ctx, t7, i);
            }
        }
    }
}

fn none_claim(ctx: &mut Ctx<'_>, i: usize, kind: StandardKind, col: Col, inc: Line) {
    let fund = ctx.t(kind).map(|t| t.has_numbers());
    let t4 = ctx.t(StandardKind::T4).map(|t4| {
        t4.row_by_line(inc)
            .is_some_and(|r| r.lookup(Col::Amount) != Lookup::Blank)
            || t4.rows.iter().any(|r| {
                r.line.is_some_and(Line::is_expense_side)
                    && matches!(r.lookup(col), Lookup::Value(_))
            })
    });
    if fund.is_none() && t4.is_none() {
        return;
    }
    let has = fund == Some(true) || t4 == Some(true);
    let (s0, e) = ctx.c.sentence(i);
    ctx.out.push(TableFinding {
        figures: Vec::new(),
        rule: "N-12".to_string(),
        kind: super::finding::FindingKind::TextTable,
        severity: if has { Severity::Error } else { Severity::Ok },
        stated: "无".to_string(),
        expected: if has {
            "有".to_string()
        } else {
            "无".to_string()
        },
        difference: None,
        formula: format!(
            "说明称无{} ⇒ {} 无数字，T4“{}”列为空",
            col.title(),
            kind.id(),
            col.title()
        ),
        cells: Vec::new(),
        quote: Some(ctx.c.text(s0, e)),
        span: Some(ctx.c.span(i, i + 1)),
        message: if has {
            format!("错误：说明称无{}收入和支出，但表中有此类数字", col.title())
        } else {
            "一致：表中也没有此类数字".to_string()
        },
    });
}

/// N-13: "增加/减少 X 万元，增长/下降 Y%": Y = X ÷ (本年 ∓ X).
pub(crate) fn growth(ctx: &mut Ctx<'_>) {
    for (d1, up) in [("增加", true), ("减少", false)] {
        for p in ctx.c.find_all(d1, 0, ctx.c.len()) {
            let Some(x) = ctx.c.figure_after(p + 2, "万元") else {
                continue;
            };
            let j = if ctx.c.at(x.end, "，") {
                x.end + 1
            } else {
                x.end
            };
            if !["增长", "下降", "上升", "降低"]
                .iter()
                .any(|d| ctx.c.at(j, d))
            {
                continue;
            }
            let Some(y) = ctx.c.figure_after(j + 2, "%") else {
                continue;
            };
            let Some(base) = this_year(ctx, p) else {
                continue;
            };
            let form = if up {
                RateForm::GrowthUp
            } else {
                RateForm::GrowthDown
            };
            let what = format!(
                "说明 {}率 = {d1}额 ÷ (本年 {} {d1}额)",
                if up { "增长" } else { "下降" },
                if up { "−" } else { "+" }
            );
            let a = ctx.claim(&x, &format!("{d1}额"));
            let b = ctx.claim(&base, "本年");
            ctx.rate(rule("N-13", E), &what, &y, p, (a, b), form);
        }
    }
}

/// The amount the change at `p` is measured on: the subject's amount stated before it ("收入支出总计
/// 2995.39万元。与2023年度相比，收入支出总计减少…"), else the last amount earlier in the sentence.
fn this_year(ctx: &Ctx<'_>, p: usize) -> Option<NFig> {
    let (sec, _) = ctx.c.section(p);
    let (s0, _) = ctx.c.sentence(p);
    let subj_start = ctx.c.rfind("，", s0, p).map_or(s0, |k| k + 1);
    let subj = ctx.c.text(subj_start, p);
    if !subj.is_empty() && !subj.contains('比') && !subj.contains("相比") {
        let mut to = subj_start;
        while let Some(k) = ctx.c.rfind(&subj, sec, to) {
            if let Some(f) = ctx.c.amount_after_key(k, &subj) {
                return Some(f);
            }
            to = k;
        }
    }
    // not across a ； or a 其中 (the items after them are other subjects), and never a change itself
    // ("…减少 233.34 万元，下降 39.45%，其中：因公出国（境）费支出决算减少 69.08 万元" has no 本年 for 69.08)
    let from = ["；", "其中"]
        .iter()
        .filter_map(|w| ctx.c.rfind(w, s0, p))
        .max()
        .map_or(s0, |k| k + 1);
    (from..p)
        .rev()
        .filter(|&k| {
            k == 0
                || !ctx
                    .c
                    .chars
                    .get(k - 1)
                    .is_some_and(|c| c.is_ascii_digit() || *c == '.' || *c == '，')
        })
        // an amount of change ("减少233.34万元") is no year's amount
        .filter(|&k| {
            !["增加", "减少", "增长", "下降", "降低", "增支", "减支"]
                .iter()
                .any(|w| ctx.c.at(k.saturating_sub(2), w))
        })
        .find_map(|k| {
            ctx.c
                .figure_after(k, "万元")
                .filter(|f| f.at == k && f.end <= p)
        })
}
