//! Reading a sentence: where statements end (sentences, clauses, parentheses, a web page's paragraphs) and
//! what role each figure plays in its clause — a level (this year's, a budget, last year's), a change with
//! its direction and base, a growth rate, a share, a completion ratio.

use super::cues::{self, Base, Measure, Sign};
use crate::document::narrative::{CleanText, Token, UnitClass};

/// The role of a figure in its sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// A level: an amount or count as it stands.
    Level(Measure),
    /// A change (增加 3.52 万元) against a base.
    Change { sign: Sign, base: Base },
    /// A rate of change (增长 12%), against a base.
    Rate { sign: Sign, base: Base },
    /// A share (占 X 的 12%): the whole's name as written, and a whole amount stated in the clause.
    Share {
        whole: Option<String>,
        amount: Option<usize>,
    },
    /// A completion ratio (完成年初预算的 98%): the budget amount when the clause states it.
    Completion { amount: Option<usize> },
    /// 执行率.
    Execution,
    /// 预决算差异率.
    Variance,
    /// A change or rate stated on an adjusted basis (同口径, 扣除…因素后): its base is not in the text.
    Adjusted,
    /// A rate against a year it names that is not the year before its statement's (2021 年……比 2019 年增长
    /// 25%), with no figure of that year in its clause: last year's figures are not its base.
    OtherYear,
    /// An amount that is the base of a ratio in its clause: 占年计划 100500 万元的 …, 完成年初预算数 60999
    /// 万元的 …, 占一般公共预算支出 165720 万元的 …; not a subject of its own.
    Whole,
    /// A percentage nothing names.
    Unbound,
    /// Not a figure a claim can use (a year, a list number).
    Ignored,
}

/// A figure with its place in the text's structure.
#[derive(Debug, Clone)]
pub struct Frame {
    /// Token index.
    pub tok: usize,
    /// The role.
    pub role: Role,
    /// Statement (sentence) number: a statement ends at 。！？, a paragraph end, or a heading.
    pub statement: usize,
    /// Sub-statement number: also ends at ；.
    pub part: usize,
    /// Clause number (ends at ，：；).
    pub clause: usize,
    /// Depth of brackets around it, and where the innermost one opened (cleaned index).
    pub paren: Option<usize>,
    /// Whether 其中 (or 包括, 分别为) stands in the statement between the previous figure and this one.
    pub opens_list: bool,
    /// The text between the previous figure of the clause (or the clause start) and this figure.
    pub lead: String,
    /// The statement begins with 其中 / 包括 (before any figure): it lists the parts of the one before.
    pub statement_lists: bool,
    /// The period the figure's clause names: 当月 / 累计 (a month's figure and the year's to date are two).
    pub period: Option<&'static str>,
    /// The first figure of a statement whose previous statement ended in an enumeration (包括：基本工资、
    /// 津贴补贴…。): a list of parts may go on here ("人员经费 … 包括：…。公用经费 …").
    pub after_enumeration: bool,
}

/// Where statements and clauses begin, in cleaned chars.
struct Bounds {
    /// Cleaned indices where a statement begins.
    statements: Vec<usize>,
    /// … a sub-statement (also after ；).
    parts: Vec<usize>,
    /// … a clause.
    clauses: Vec<usize>,
}

fn bounds(text: &CleanText, tokens: &[Token], end: usize) -> Bounds {
    let chars = &text.chars;
    let mut in_number = vec![false; end.min(chars.len())];
    for t in tokens.iter().take_while(|t| t.start < end) {
        for i in t.start..t.end.min(in_number.len()) {
            in_number[i] = true;
        }
    }
    let mut b = Bounds {
        statements: vec![0],
        parts: vec![0],
        clauses: vec![0],
    };
    let mut heads = text.heads.iter().peekable();
    for i in 0..in_number.len() {
        while heads.peek().is_some_and(|&&k| k < i) {
            heads.next();
        }
        if heads.peek() == Some(&&i) {
            b.statements.push(i);
            b.parts.push(i);
            b.clauses.push(i);
        }
        let c = chars[i];
        if in_number[i] {
            continue;
        }
        match c {
            // "…收入 111.11 万元。加上…等 1,756.37 万元，收入总计 1,867.48 万元": 加上 goes on counting
            '。' if text.starts_with_at(i + 1, "加上") || text.starts_with_at(i + 1, "再加上") =>
            {
                b.parts.push(i + 1);
                b.clauses.push(i + 1);
            }
            '。' | '！' | '？' | '!' | '?' => {
                b.statements.push(i + 1);
                b.parts.push(i + 1);
                b.clauses.push(i + 1);
            }
            '；' | ';' => {
                b.parts.push(i + 1);
                b.clauses.push(i + 1);
            }
            '，' | ',' | '：' | ':' => b.clauses.push(i + 1),
            _ => {}
        }
    }
    for v in [&mut b.statements, &mut b.parts, &mut b.clauses] {
        v.dedup();
    }
    b
}

fn index_in(starts: &[usize], at: usize) -> usize {
    starts.partition_point(|&s| s <= at).saturating_sub(1)
}

/// The frames of every figure of the narrative before cleaned index `end`.
pub fn frames(text: &CleanText, tokens: &[Token], end: usize) -> Vec<Frame> {
    let b = bounds(text, tokens, end);
    let mut out: Vec<Frame> = Vec::with_capacity(tokens.len());
    // open brackets as a stack of cleaned indices, advanced as the tokens are walked
    let mut stack: Vec<usize> = Vec::new();
    let mut scanned = 0;
    let mut last_statement = usize::MAX;
    for (i, t) in tokens.iter().enumerate().take_while(|(_, t)| t.start < end) {
        let statement = index_in(&b.statements, t.start);
        let mut after_enumeration = false;
        if statement != last_statement {
            stack.clear();
            last_statement = statement;
            // only the statement right before: "人员经费 … 万元，包括：…。公用经费 …"
            let tail = text.slice(scanned, b.statements[statement]);
            after_enumeration = ["包括", "主要用于", "用于"]
                .iter()
                .any(|w| tail.contains(w))
                && tail.matches(['。', '！', '？']).count() <= 1;
        }
        let s_start = b.statements[statement];
        for j in scanned.max(s_start)..t.start {
            match text.chars.get(j) {
                Some('（' | '(') => stack.push(j),
                Some('）' | ')') => {
                    stack.pop();
                }
                _ => {}
            }
        }
        let clause = index_in(&b.clauses, t.start);
        let c_start = b.clauses[clause];
        let prev_end = out
            .last()
            .filter(|f| f.clause == clause)
            .map_or(c_start, |f| tokens[f.tok].end);
        let lead = text.slice(prev_end.max(c_start), t.start);
        let between = text.slice(scanned.max(s_start), t.start);
        // "主要用于以下方面：A a，占 p%；B b …" lists the parts; a bare 主要用于 ("该项经费主要用于车辆燃料费等
        // 支出；购置费 25 万元") names uses, not parts
        let list_marker = [
            "其中",
            "包括",
            "分别为",
            "分别是",
            "具体为",
            "主要为",
            "以下方面",
            "主要用于:",
            "主要用于：",
        ]
        .iter()
        .any(|w| between.contains(w) || (lead.contains(w)));
        let clause_text = text.slice(c_start, t.start);
        let opening = text.slice(s_start, (s_start + 6).min(t.start));
        let statement_lists = ["其中", "包括"].iter().any(|w| {
            opening
                .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '其' && c != '包')
                .starts_with(w)
        });
        let period = ["当月", "本月", "累计"]
            .into_iter()
            .find(|w| clause_text.contains(w));
        let sentence_text = text.slice(s_start, t.start);
        let role = role(text, tokens, t, &lead, &clause_text, &sentence_text, i);
        out.push(Frame {
            tok: i,
            role,
            statement,
            part: index_in(&b.parts, t.start),
            clause,
            paren: stack.last().copied(),
            opens_list: list_marker,
            lead,
            after_enumeration,
            statement_lists,
            period,
        });
        scanned = t.end;
    }
    super::years::years_apart(tokens, &mut out);
    out
}

/// The role of token `t` from the words before it.
fn role(
    text: &CleanText,
    tokens: &[Token],
    t: &Token,
    lead: &str,
    clause: &str,
    sentence: &str,
    index: usize,
) -> Role {
    let base_here = cues::base(clause)
        .or_else(|| cues::base(sentence))
        .unwrap_or(Base::Prior);
    // the words since the figure before count too: "下降17.1%，扣除…一次性因素，增长4.1%"
    let since_previous = index
        .checked_sub(1)
        .and_then(|k| tokens.get(k))
        .filter(|p| p.sentence == t.sentence)
        .map(|p| text.slice(p.end, t.start))
        .unwrap_or_default();
    let adjusted = ["可比口径", "扣除", "剔除", "按可比", "考虑"]
        .iter()
        .any(|w| clause.contains(w) || since_previous.contains(w))
        // 同口径 alone names the comparison its figures make ("与上年的 73991 万元同口径相比增 12.05%", "同口径
        // 增加 16.27 亿元，增长 5.25%"); after a factor taken out ("扣除留抵退税（196.6 亿元）因素后，比上年同口径
        // 增长") its base is not in the text
        || ((clause.contains("同口径") || since_previous.contains("同口径"))
            && ["扣除", "剔除", "考虑", "因素"]
                .iter()
                .any(|w| sentence.contains(w)));
    // a threshold or an approximation is not a figure to check: 均在 300 亿之下, 突破 3000 亿元, 约 20 万元
    let after = text.slice(t.end, (t.end + 3).min(text.chars.len()));
    let approximate = [
        "以上", "以下", "之下", "之上", "以内", "之间", "左右", "多", "余",
    ]
    .iter()
    .any(|w| after.starts_with(w))
        || [
            "约", "近", "超过", "突破", "不足", "低于", "高于", "跨过", "均在", "在",
        ]
        .iter()
        .any(|w| cues::trim_tail(lead).ends_with(w) || lead.ends_with(w));
    // "比前 4 个月": a span of months, not a count
    let months = matches!(&t.class, UnitClass::Count(u) if u == "个") && after.starts_with('月');
    match &t.class {
        UnitClass::Other => Role::Ignored,
        _ if months => Role::Ignored,
        _ if approximate => Role::Ignored,
        UnitClass::Percent | UnitClass::Amount if adjusted && cues::direction(lead).is_some() => {
            Role::Adjusted
        }
        UnitClass::Percent => {
            if clause.contains("执行率") {
                return Role::Execution;
            }
            if clause.contains("差异率") {
                return Role::Variance;
            }
            if let Some((sign, _)) = cues::direction(lead) {
                if cues::against_other_year(clause, sentence) {
                    return Role::OtherYear;
                }
                return Role::Rate {
                    sign,
                    base: base_here,
                };
            }
            let tail = cues::trim_tail(lead);
            if ["增长率", "增加率", "增速", "增幅为", "同比增长率"]
                .iter()
                .any(|w| tail.ends_with(w))
            {
                return Role::Rate {
                    sign: Sign::Up,
                    base: base_here,
                };
            }
            // a saving is against the plan: 资金节约率 = 节约资金 ÷ 采购预算
            if ["节约率", "节支率", "节资率"]
                .iter()
                .any(|w| tail.ends_with(w))
            {
                return Role::Rate {
                    sign: Sign::Down,
                    base: Base::Budget,
                };
            }
            if ["减少率", "下降率", "降低率", "减幅为", "降幅为"]
                .iter()
                .any(|w| tail.ends_with(w))
            {
                return Role::Rate {
                    sign: Sign::Down,
                    base: base_here,
                };
            }
            // a budget amount inside the clause: 完成年初预算数 60999 万元的 40.4%, 占年度预算 22443 万元的 106.9%
            let clause_amount = (0..index)
                .rev()
                .take_while(|&k| tokens[k].start >= text_clause_start(t, clause))
                .find(|&k| tokens[k].class == UnitClass::Amount);
            if cues::is_completion(clause) {
                return Role::Completion {
                    amount: clause_amount,
                };
            }
            if let Some(at) = clause.rfind('占') {
                let after = &clause[at + '占'.len_utf8()..];
                let name: String = after
                    .split(['的', '为'])
                    .next()
                    .unwrap_or("")
                    .trim_end_matches("比例")
                    .trim_end_matches("比重")
                    .chars()
                    .filter(|c| !c.is_ascii_digit() && !".,万元亿%、和及与".contains(*c))
                    .collect();
                let name = name.trim().to_string();
                // "占比 12%", "占比重", "占比达到 38.95%": the word of a share, no whole named
                let word = ["达到", "达", "为", "是"]
                    .iter()
                    .fold(name.as_str(), |n, v| n.strip_suffix(v).unwrap_or(n));
                let name = if ["比", "比重", "比例"].contains(&word) {
                    String::new()
                } else {
                    name
                };
                return Role::Share {
                    whole: (!name.is_empty()).then_some(name),
                    amount: clause_amount.filter(|&k| {
                        let lead_of_k = text.slice(text_clause_start(t, clause), tokens[k].start);
                        lead_of_k.contains('占')
                    }),
                };
            }
            Role::Unbound
        }
        UnitClass::Amount | UnitClass::Count(_) => {
            if let Some((sign, word)) = cues::direction(lead) {
                // 节约资金 is what was not spent of a plan or budget, never a change on last year
                let saving = word.starts_with("节");
                return Role::Change {
                    sign,
                    base: if saving { Base::Budget } else { base_here },
                };
            }
            // the base of a ratio stated in the same clause, before its percentage
            let ratio_follows = tokens.get(index + 1).is_some_and(|n| {
                n.class == UnitClass::Percent && text.slice(t.end, n.start).contains('的')
            });
            if ratio_follows
                && (lead.contains('占')
                    || (lead.contains('为') && cues::is_completion(lead))
                    || cues::is_completion(lead))
            {
                return Role::Whole;
            }
            // a year run into the amount by a PDF copy names the year compared with (tokens::run_in)
            let run_in = index
                .checked_sub(1)
                .and_then(|p| tokens.get(p))
                .is_some_and(|y| {
                    y.end == t.start && y.class == UnitClass::Other && y.figure.unit.is_empty()
                });
            if run_in || cues::names_compared_year(clause, lead) {
                return Role::Level(Measure::Prior);
            }
            Role::Level(cues::measure(lead))
        }
    }
}

/// The cleaned index where the clause `clause` (the text from its start to `t`) begins.
fn text_clause_start(t: &Token, clause: &str) -> usize {
    t.start.saturating_sub(clause.chars().count())
}
