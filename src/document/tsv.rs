//! Cells as Excel/WPS copy them: one line per row, tab-separated, CRLF, a merged cell as its value then
//! empty cells. Columns are found by their header words, so extra or missing columns do not shift values.

use super::table::{read_cell, Cell, FundsRow, IndicatorRow, Problem, Span, Table, TableKind};
use super::title::{title_kind, TitleKind};

/// One cell: trimmed text and its span.
struct TsvCell {
    text: String,
    span: Span,
}

/// One line of the paste.
struct Line {
    no: usize,
    span: Span,
    cells: Vec<TsvCell>,
}

impl Line {
    fn cell(&self, col: Option<usize>) -> Option<&TsvCell> {
        col.and_then(|c| self.cells.get(c))
    }

    fn text(&self, col: Option<usize>) -> &str {
        self.cell(col).map_or("", |c| c.text.as_str())
    }

    fn non_empty(&self) -> impl Iterator<Item = &TsvCell> {
        self.cells.iter().filter(|c| !c.text.is_empty())
    }

    /// Reads the figure in column `col`; a malformed cell becomes a problem.
    fn figure(&self, field: &str, col: Option<usize>, problems: &mut Vec<Problem>) -> Option<Cell> {
        let cell = self.cell(col)?;
        read_cell(field, &cell.text, cell.span, self.no).unwrap_or_else(|p| {
            problems.push(p);
            None
        })
    }
}

fn split_lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut pos = 0;
    for (i, raw) in text.split('\n').enumerate() {
        let len = raw.chars().count();
        let body = raw.strip_suffix('\r').unwrap_or(raw);
        let mut cells = Vec::new();
        let mut start = pos;
        for part in body.split('\t') {
            let n = part.chars().count();
            let lead = part.chars().take_while(|c| c.is_whitespace()).count();
            let trimmed = part.trim();
            let s = start + lead.min(n);
            cells.push(TsvCell {
                text: trimmed.to_string(),
                span: (s, s + trimmed.chars().count()),
            });
            start += n + 1;
        }
        out.push(Line {
            no: i + 1,
            span: (pos, pos + body.chars().count()),
            cells,
        });
        pos += len + 1;
    }
    out
}

fn compact(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Columns of the funds block.
#[derive(Default, Clone, Copy)]
struct FundsCols {
    initial: Option<usize>,
    budget: Option<usize>,
    executed: Option<usize>,
    weight: Option<usize>,
    rate: Option<usize>,
    score: Option<usize>,
}

/// Columns of the indicator block.
#[derive(Clone, Copy)]
struct IndicatorCols {
    level1: Option<usize>,
    level2: Option<usize>,
    name: Option<usize>,
    target: Option<usize>,
    actual: Option<usize>,
    weight: Option<usize>,
    score: Option<usize>,
    reason: Option<usize>,
}

impl Default for IndicatorCols {
    /// The national layout, for rows pasted without their header.
    fn default() -> Self {
        IndicatorCols {
            level1: Some(0),
            level2: Some(1),
            name: Some(2),
            target: Some(3),
            actual: Some(4),
            weight: Some(5),
            score: Some(6),
            reason: Some(7),
        }
    }
}

#[derive(PartialEq, Eq, Clone, Copy)]
enum Section {
    None,
    Funds,
    Indicators,
}

struct Reader {
    tables: Vec<Table>,
    cur: Option<Table>,
    section: Section,
    funds: FundsCols,
    cols: IndicatorCols,
    level1: String,
    level2: String,
}

/// Whether a section is Excel cells: two of its lines hold a tab.
pub(super) fn is_tabular(text: &str) -> bool {
    text.lines().filter(|l| l.contains('\t')).nth(1).is_some()
}

/// Reads every table of a tab-separated paste.
pub(super) fn read(text: &str) -> Vec<Table> {
    let mut r = Reader {
        tables: Vec::new(),
        cur: None,
        section: Section::None,
        funds: FundsCols::default(),
        cols: IndicatorCols::default(),
        level1: String::new(),
        level2: String::new(),
    };
    for line in split_lines(text) {
        r.line(&line);
    }
    r.finish();
    r.tables
}

impl Reader {
    fn finish(&mut self) {
        if let Some(t) = self.cur.take() {
            if t.has_content() {
                self.tables.push(t);
            }
        }
    }

    /// Starts a new table, closing the current one if it has content (else it is replaced).
    fn start(&mut self, kind: TableKind, name: &str, span: Span) -> &mut Table {
        self.finish();
        self.section = Section::None;
        self.level1.clear();
        self.level2.clear();
        self.cols = IndicatorCols::default();
        self.cur.insert(Table::new(kind, name, span))
    }

    /// The current table, started implicitly when a block appears without a title.
    fn table(&mut self, span: Span) -> &mut Table {
        if self.cur.is_none() {
            return self.start(TableKind::Project, "", span);
        }
        self.cur
            .get_or_insert_with(|| Table::new(TableKind::Project, "", span))
    }

    fn line(&mut self, line: &Line) {
        let Some(first) = line.non_empty().next() else {
            return;
        };
        let first = compact(&first.text);
        let count = line.non_empty().count();
        let words: Vec<String> = line.cells.iter().map(|c| compact(&c.text)).collect();
        let has = |w: &str| words.iter().any(|c| c == w);
        if let (1, Some(TitleKind::SelfEvaluation(kind))) = (count, title_kind(&first)) {
            let title = line.non_empty().next().map_or("", |c| c.text.as_str());
            self.start(kind, title, line.span);
            return;
        }
        if first.contains("项目名称") {
            let name = line
                .non_empty()
                .nth(1)
                .map_or("", |c| c.text.as_str())
                .to_string();
            if self.cur.as_ref().is_none_or(Table::has_content) {
                self.start(TableKind::Project, &name, line.span);
            }
            let t = self.table(line.span);
            t.name = name;
            t.span.1 = line.span.1;
            return;
        }
        if has("年初预算数") {
            self.funds_header(line, &words);
            return;
        }
        if has("一级指标") && (has("三级指标") || has("二级指标")) {
            self.indicator_header(line, &words);
            return;
        }
        if first.starts_with("总分") {
            self.totals(line);
            return;
        }
        match self.section {
            Section::Funds => self.funds_row(line),
            Section::Indicators => self.indicator_row(line),
            Section::None => {
                if let Some(t) = self.cur.as_mut() {
                    t.span.1 = line.span.1;
                }
            }
        }
    }

    fn funds_header(&mut self, line: &Line, words: &[String]) {
        if self
            .cur
            .as_ref()
            .is_some_and(|t| !t.indicators.is_empty() || t.stated_total.is_some())
        {
            self.start(TableKind::Project, "", line.span);
        }
        let find = |f: &dyn Fn(&str) -> bool| words.iter().position(|w| f(w));
        self.funds = FundsCols {
            initial: find(&|w| w.contains("年初预算")),
            budget: find(&|w| w.contains("全年预算")),
            executed: find(&|w| w.contains("执行数")),
            weight: find(&|w| w.starts_with("分值")),
            rate: find(&|w| w.contains("执行率")),
            score: find(&|w| w == "得分"),
        };
        let department = words.iter().any(|w| w == "资金来源");
        let t = self.table(line.span);
        if department {
            t.kind = TableKind::Department;
        }
        t.span.1 = line.span.1;
        self.section = Section::Funds;
    }

    fn funds_row(&mut self, line: &Line) {
        let cols = self.funds;
        let label_end = cols.initial.unwrap_or(0);
        let label = line
            .cells
            .iter()
            .take(label_end)
            .filter(|c| !c.text.is_empty() && !compact(&c.text).contains("资金（万元）"))
            .map(|c| c.text.clone())
            .next_back()
            .unwrap_or_default();
        let mut problems = Vec::new();
        let row = FundsRow {
            label,
            initial: line.figure("年初预算数", cols.initial, &mut problems),
            budget: line.figure("全年预算数", cols.budget, &mut problems),
            executed: line.figure("全年执行数", cols.executed, &mut problems),
            span: line.span,
        };
        let weight = line.figure("分值", cols.weight, &mut problems);
        let rate = line.figure("执行率", cols.rate, &mut problems);
        let score = line.figure("得分", cols.score, &mut problems);
        let t = self.table(line.span);
        t.funds.keep_first_stated(weight, rate, score);
        if !row.label.is_empty() || row.budget.is_some() || row.executed.is_some() {
            t.funds.rows.push(row);
        }
        t.problems.extend(problems);
        t.span.1 = line.span.1;
    }

    fn indicator_header(&mut self, line: &Line, words: &[String]) {
        let find = |f: &dyn Fn(&str) -> bool| words.iter().position(|w| f(w));
        self.cols = IndicatorCols {
            level1: find(&|w| w == "一级指标"),
            level2: find(&|w| w == "二级指标"),
            name: find(&|w| w == "三级指标"),
            target: find(&|w| w.contains("指标值") && !w.contains("设定") && !w.contains("实际")),
            actual: find(&|w| w.contains("实际完成")),
            weight: find(&|w| w.starts_with("分值")),
            score: find(&|w| w == "得分"),
            reason: find(&|w| w.contains("偏差")),
        };
        let t = self.table(line.span);
        t.span.1 = line.span.1;
        self.section = Section::Indicators;
    }

    fn indicator_row(&mut self, line: &Line) {
        let c = self.cols;
        let l1 = line.text(c.level1);
        let l2 = line.text(c.level2);
        if !l1.is_empty() {
            self.level1 = l1.to_string();
        }
        if !l2.is_empty() {
            self.level2 = l2.to_string();
        }
        let name = line.text(c.name);
        let target = line.text(c.target);
        let actual = line.text(c.actual);
        let values = [
            name,
            target,
            actual,
            line.text(c.weight),
            line.text(c.score),
        ];
        if values.iter().all(|v| v.is_empty()) {
            return;
        }
        let mut problems = Vec::new();
        let row = IndicatorRow {
            row: line.no,
            level1: self.level1.clone(),
            level2: self.level2.clone(),
            indicator: name.to_string(),
            target_text: target.to_string(),
            actual_text: actual.to_string(),
            weight: line.figure("分值", c.weight, &mut problems),
            stated_score: line.figure("得分", c.score, &mut problems),
            reason: line.text(c.reason).to_string(),
            span: line.span,
        };
        let t = self.table(line.span);
        t.indicators.push(row);
        t.problems.extend(problems);
        t.span.1 = line.span.1;
    }

    fn totals(&mut self, line: &Line) {
        let c = self.cols;
        let mut problems = Vec::new();
        let mut weights = line.figure("总分分值", c.weight, &mut problems);
        let mut total = line.figure("总分得分", c.score, &mut problems);
        if weights.is_none() && total.is_none() {
            // Not in the header's columns: take the figures in order.
            let mut figures = line.non_empty().skip(1).filter_map(|cell| {
                read_cell("总分", &cell.text, cell.span, line.no)
                    .ok()
                    .flatten()
            });
            weights = figures.next();
            total = figures.next();
        }
        let t = self.table(line.span);
        t.stated_weights_total = weights;
        t.stated_total = total;
        t.problems.extend(problems);
        t.span.1 = line.span.1;
        self.section = Section::None;
    }
}
