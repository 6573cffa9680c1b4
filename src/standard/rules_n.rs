//! 表文 rules: the 说明's figures against the cells (N-01 … N-07, N-13 here; N-08 … N-12 and T7-0 in
//! `rules_n2`). Each finding names the cell it used and quotes the 说明.

use super::finding::{not_checked, FindingKind, Rule, Severity, TableFinding, Term};
use super::kinds::{squash, Col, StandardKind};
use super::kit::{code, eq_rule, line, sum_rule, tagged, total, Got};
use super::lines::{class_code, Line};
use super::model::StandardTable;
use super::narrative::{Clean, NFig};
use super::num::figure;
use super::pct::{rate_finding, RateForm};
use super::resolve::TableSet;

pub(crate) fn rule(id: &'static str, mismatch: Severity) -> Rule {
    Rule {
        id,
        kind: FindingKind::TextTable,
        mismatch,
    }
}

pub(crate) const E: Severity = Severity::Error;
pub(crate) const H: Severity = Severity::Hint;

/// The 说明 being checked, the tables, and the findings so far.
pub(crate) struct Ctx<'a> {
    pub c: Clean,
    pub set: &'a TableSet,
    pub out: Vec<TableFinding>,
}

impl<'a> Ctx<'a> {
    pub fn t(&self, k: StandardKind) -> Option<&'a StandardTable> {
        self.set.get(k)
    }

    /// A 说明 figure as a term.
    pub fn claim(&self, f: &NFig, label: &str) -> Got {
        Got::Term(Term::plain(
            format!("说明 {label}"),
            figure(f.value, f.scale),
        ))
    }

    fn mark(&self, mut x: TableFinding, f: &NFig, from: usize) -> TableFinding {
        x.span = Some(f.span);
        x.quote = Some(self.c.text(from.min(f.at), f.end));
        x
    }

    /// 说明 figure = cell.
    pub fn eq(&mut self, r: Rule, what: &str, f: &NFig, from: usize, label: &str, cell: Got) {
        let x = eq_rule(r, what, self.claim(f, label), cell);
        let x = self.mark(x, f, from);
        self.out.push(x);
    }

    /// The finding for a stated percentage `f` = form(a, b).
    pub fn rate_of(
        &self,
        r: Rule,
        what: &str,
        f: &NFig,
        from: usize,
        a: Got,
        b: Got,
        form: RateForm,
    ) -> TableFinding {
        let stated = Term::plain("说明".to_string(), figure(f.value, f.scale));
        let x = match (a, b) {
            (Got::Term(a), Got::Term(b)) => rate_finding(r, what, stated, a, b, form),
            (a, b) => {
                let cells = [a, b].into_iter().filter_map(|g| match g {
                    Got::Undecided(c) => Some(c),
                    Got::Term(t) => t.cell,
                });
                not_checked(
                    r,
                    what.to_string(),
                    "所需的表中数因空白单元格缺失而无法确定所在列".to_string(),
                    cells.collect(),
                )
            }
        };
        self.mark(x, f, from)
    }

    pub fn rate(
        &mut self,
        r: Rule,
        what: &str,
        f: &NFig,
        from: usize,
        a: Got,
        b: Got,
        form: RateForm,
    ) {
        let x = self.rate_of(r, what, f, from, a, b, form);
        self.out.push(x);
    }

    /// "占Y%" anywhere in [i, end).
    pub fn share_after_in(&self, i: usize, end: usize) -> Option<NFig> {
        let k = self.c.find("占", i, end)?;
        self.share_after(k)
    }

    /// "，占Y%" (or "占…的Y%") right after clean index `i`.
    pub fn share_after(&self, i: usize) -> Option<NFig> {
        let j = if self.c.at(i, "，") || self.c.at(i, "、") {
            i + 1
        } else {
            i
        };
        if !self.c.at(j, "占") {
            return None;
        }
        let end = (j + 14).min(self.c.len());
        (j + 1..end).find_map(|k| {
            self.c
                .figure_after(k, "%")
                .filter(|_| k == j + 1 || self.c.at(k - 1, "的"))
        })
    }
}

/// All N findings.
pub(crate) fn check(narrative: &str, offset: usize, set: &TableSet) -> Vec<TableFinding> {
    let mut ctx = Ctx {
        c: Clean::new(narrative, offset),
        set,
        out: Vec::new(),
    };
    totals(&mut ctx);
    income(&mut ctx);
    expense(&mut ctx);
    general_budget(&mut ctx);
    super::rules_n2::items(&mut ctx);
    super::rules_n2::basic(&mut ctx);
    super::rules_n2::sangong(&mut ctx);
    super::rules_n2::others(&mut ctx);
    growth(&mut ctx);
    ctx.out
}

/// N-01 收入支出总计 (T1), N-04 财政拨款收入支出总计 (T4).
fn totals(ctx: &mut Ctx<'_>) {
    let key = "收入支出总计";
    for i in ctx.c.find_all(key, 0, ctx.c.len()) {
        let Some(f) = ctx.c.amount_after_key(i, key) else {
            continue;
        };
        let fin = i >= 4 && ctx.c.at(i - 4, "财政拨款");
        let (kind, id, what) = if fin {
            (
                StandardKind::T4,
                "N-04",
                "说明 财政拨款收入支出总计 = T4 总计",
            )
        } else {
            (StandardKind::T1, "N-01", "说明 收入支出总计 = T1 总计")
        };
        if let Some(t) = ctx.t(kind) {
            let cell = tagged(line(t, Line::IncomeGrand, Col::Amount), kind.id());
            let label = if fin {
                "财政拨款收入支出总计"
            } else {
                key
            };
            ctx.eq(rule(id, E), what, &f, i, label, cell);
        }
    }
}

/// N-02: 本年收入合计 and each source with its share.
fn income(ctx: &mut Ctx<'_>) {
    let key = "本年收入合计";
    for i in ctx.c.find_all(key, 0, ctx.c.len()) {
        let Some(f) = ctx.c.amount_after_key(i, key) else {
            continue;
        };
        let (t1, t2) = (ctx.t(StandardKind::T1), ctx.t(StandardKind::T2));
        let whole = t2
            .map(|t| tagged(total(t, Col::IncomeTotal), "T2"))
            .or_else(|| t1.map(|t| tagged(line(t, Line::IncomeTotal, Col::Amount), "T1")));
        if let Some(t1) = t1 {
            let cell = tagged(line(t1, Line::IncomeTotal, Col::Amount), "T1");
            ctx.eq(
                rule("N-02", E),
                "说明 本年收入合计 = T1 本年收入合计",
                &f,
                i,
                key,
                cell,
            );
        }
        let (_, sec_end) = ctx.c.section(i);
        let end = ctx
            .c
            .find("本年支出合计", f.end, sec_end)
            .unwrap_or(sec_end);
        let sources: [(&str, Line, Option<Col>); 11] = [
            ("一般公共预算财政拨款收入", Line::IncGeneral, None),
            ("政府性基金预算财政拨款收入", Line::IncFund, None),
            ("国有资本经营预算财政拨款收入", Line::IncCapital, None),
            ("使用非财政拨款结余", Line::UseBalance, None),
            (
                "附属单位上缴收入",
                Line::IncAffiliated,
                Some(Col::Affiliated),
            ),
            ("年初结转和结余", Line::Opening, None),
            (
                "财政拨款收入",
                Line::IncAppropriation,
                Some(Col::Appropriation),
            ),
            ("上级补助收入", Line::IncSuperior, Some(Col::Superior)),
            ("事业收入", Line::IncBusiness, Some(Col::Business)),
            ("经营收入", Line::IncOperating, Some(Col::Operating)),
            ("其他收入", Line::IncOther, Some(Col::OtherIncome)),
        ];
        let mut used: Vec<(usize, usize)> = Vec::new();
        for (name, l, col) in sources {
            for p in ctx.c.find_all(name, f.end, end) {
                let q = p + name.chars().count();
                if used.iter().any(|&(a, b)| p < b && a < q) {
                    continue;
                }
                let Some(g) = ctx.c.amount_after_key(p, name) else {
                    continue;
                };
                used.push((p, q));
                let cell = match (t2, col) {
                    (Some(t2), Some(c)) if t2.columns.contains(&c) => {
                        Some(tagged(total(t2, c), "T2"))
                    }
                    _ => t1
                        .filter(|t| t.row_by_line(l).is_some())
                        .map(|t| tagged(line(t, l, Col::Amount), "T1")),
                };
                let Some(cell) = cell else { continue };
                let what = format!("说明 {name} = 表中 {name}");
                ctx.eq(rule("N-02", E), &what, &g, p, name, cell.clone());
                if let (Some(s), Some(w)) = (ctx.share_after(g.end), whole.clone()) {
                    let what = format!("{name}占比 = {name} ÷ 本年收入合计");
                    ctx.rate(rule("N-02s", E), &what, &s, p, cell, w, RateForm::Ratio);
                }
            }
        }
    }
}

/// N-03: 本年支出合计 and 基本/项目/… with shares.
fn expense(ctx: &mut Ctx<'_>) {
    let key = "本年支出合计";
    for i in ctx.c.find_all(key, 0, ctx.c.len()) {
        if (1..=2).any(|k| i >= k && ctx.c.at(i - k, "占")) {
            continue;
        }
        let Some(f) = ctx.c.amount_after_key(i, key) else {
            continue;
        };
        let Some(t3) = ctx.t(StandardKind::T3) else {
            continue;
        };
        let whole = tagged(total(t3, Col::ExpenseTotal), "T3");
        ctx.eq(
            rule("N-03", E),
            "说明 本年支出合计 = T3 合计",
            &f,
            i,
            key,
            whole.clone(),
        );
        let (_, sec_end) = ctx.c.section(i);
        for col in [
            Col::Basic,
            Col::Project,
            Col::RemitSuperior,
            Col::OperatingExpense,
            Col::SubsidyAffiliated,
        ] {
            let name = col.title();
            for p in ctx.c.find_all(&name, f.end, sec_end) {
                let Some(g) = ctx.c.amount_after_key(p, &name) else {
                    continue;
                };
                let cell = tagged(total(t3, col), "T3");
                ctx.eq(
                    rule("N-03", E),
                    &format!("说明 {name} = T3 合计·{name}"),
                    &g,
                    p,
                    &name,
                    cell.clone(),
                );
                if let Some(s) = ctx.share_after(g.end) {
                    ctx.rate(
                        rule("N-03s", E),
                        &format!("{name}占比 = {name} ÷ 本年支出合计"),
                        &s,
                        p,
                        cell,
                        whole.clone(),
                        RateForm::Ratio,
                    );
                }
            }
        }
    }
}

/// N-05 一般公共预算财政拨款支出 (T5 合计, share of T3 合计) and N-06 its classes (T5 类 rows, shares,
/// and the same class in T4/T1: N-06x).
fn general_budget(ctx: &mut Ctx<'_>) {
    let key = "一般公共预算财政拨款支出";
    let Some(t5) = ctx.t(StandardKind::T5) else {
        return;
    };
    let t5_total = tagged(total(t5, Col::Total), "T5");
    for i in ctx.c.find_all(key, 0, ctx.c.len()) {
        let Some(f) = ctx.c.amount_after_key(i, key) else {
            continue;
        };
        ctx.eq(
            rule("N-05", E),
            "说明 一般公共预算财政拨款支出 = T5 合计",
            &f,
            i,
            key,
            t5_total.clone(),
        );
        let j = if ctx.c.at(f.end, "，") {
            f.end + 1
        } else {
            f.end
        };
        let k = "占本年支出合计的";
        if ctx.c.at(j, k) {
            if let (Some(s), Some(t3)) = (
                ctx.c.figure_after(j + k.chars().count(), "%"),
                ctx.t(StandardKind::T3),
            ) {
                let whole = tagged(total(t3, Col::ExpenseTotal), "T3");
                ctx.rate(
                    rule("N-05s", E),
                    "一般公共预算财政拨款支出占本年支出合计 = T5 合计 ÷ T3 合计",
                    &s,
                    i,
                    t5_total.clone(),
                    whole,
                    RateForm::Ratio,
                );
            }
        }
    }
    for i in ctx.c.find_all("（类）", 0, ctx.c.len()) {
        let Some(f) = ctx.c.figure_after(i + 3, "万元") else {
            continue;
        };
        let (sec, _) = ctx.c.section(i);
        let start = (sec..i)
            .rev()
            .find(|&k| {
                ctx.c
                    .chars
                    .get(k)
                    .is_some_and(|ch| "：；，。、".contains(*ch) || ch.is_ascii_digit())
            })
            .map_or(sec, |k| k + 1);
        let name = ctx.c.text(start, i);
        let code_of = t5
            .rows
            .iter()
            .find(|r| r.code.as_ref().is_some_and(|c| c.len() == 3) && squash(&r.name) == name)
            .and_then(|r| r.code.clone())
            .or_else(|| class_code(&name).map(str::to_string));
        let Some(cl) = code_of else {
            let x = not_checked(
                rule("N-06", E),
                format!("说明 {name}（类）= T5 类级行"),
                format!("一般公共预算财政拨款支出决算表中没有“{name}”"),
                Vec::new(),
            );
            let x = ctx.mark(x, &f, start);
            ctx.out.push(x);
            continue;
        };
        let cell = tagged(code(t5, &cl, Col::Total), "T5");
        ctx.eq(
            rule("N-06", E),
            &format!("说明 类 {cl} {name} = T5 类行"),
            &f,
            start,
            &name,
            cell.clone(),
        );
        if let Some(s) = ctx.share_after(f.end) {
            ctx.rate(
                rule("N-06s", E),
                &format!("类 {cl} 占比 = 类 ÷ T5 合计"),
                &s,
                start,
                cell,
                t5_total.clone(),
                RateForm::Ratio,
            );
        }
        // T4's 一般公共预算 column has the same scope as T5; T1 (all funds) does not, so it is not used
        let other = ctx
            .t(StandardKind::T4)
            .filter(|t4| t4.columns.contains(&Col::GeneralBudget))
            .map(|t4| tagged(class_line(t4, &cl, Col::GeneralBudget), "T4"));
        if let Some(o) = other {
            ctx.eq(
                rule("N-06x", H),
                &format!("说明 类 {cl} {name}（与 T5 一致）= 总表类行"),
                &f,
                start,
                &name,
                o,
            );
        }
    }
}

/// The class line with `code` of T1/T4 (absent: blank).
fn class_line(t: &StandardTable, cl: &str, col: Col) -> Got {
    let row = t
        .rows
        .iter()
        .find(|r| r.line == Some(Line::ExpClass) && r.code.as_deref() == Some(cl));
    super::kit::get_in(t, row, None, col, cl.to_string(), cl)
}

/// N-13: "增加/减少 X 万元，增长/下降 Y%": Y = X ÷ (本年 ∓ X).
fn growth(ctx: &mut Ctx<'_>) {
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
            ctx.rate(rule("N-13", E), &what, &y, p, a, b, form);
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
    (s0..p)
        .rev()
        .filter(|&k| {
            k == 0
                || !ctx
                    .c
                    .chars
                    .get(k - 1)
                    .is_some_and(|c| c.is_ascii_digit() || *c == '.' || *c == '，')
        })
        .find_map(|k| {
            ctx.c
                .figure_after(k, "万元")
                .filter(|f| f.at == k && f.end <= p)
        })
}

/// Σ of 说明 figures (a narrative-internal identity).
pub(crate) fn narrative_sum(
    ctx: &mut Ctx<'_>,
    id: &'static str,
    what: &str,
    stated: (&NFig, &str),
    parts: Vec<(&NFig, String)>,
    from: usize,
) {
    let s = ctx.claim(stated.0, stated.1);
    let ps = parts.iter().map(|(f, l)| (ctx.claim(f, l), 1)).collect();
    let x = sum_rule(rule(id, E), what, s, ps);
    let x = ctx.mark(x, stated.0, from);
    ctx.out.push(x);
}
