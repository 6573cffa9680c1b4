//! Cells as Excel/WPS copy them, and web pages copied with tabs: one row per line, cells between tabs, a
//! cell with a line break in quotes ([`cells`](super::cells)); a merged cell as its value then empty
//! cells, while a web page leaves a row-spanning cell out of the rows below it. Columns are found by their
//! header words ([`template`]), so extra, missing or reordered columns do not shift values.

mod funds;

use super::cells::{excel_rows, Row};
use super::runs;
use super::table::{read_cell, Cell, IndicatorRow, Problem, Span, Table, TableKind};
use super::template::{self, Role};
use super::title::{title_kind, TitleKind};
use super::vocab::LabelKind;

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
    /// The funds header's roles and the column of the first.
    funds: Vec<Role>,
    funds_from: usize,
    /// The points a caption of the funds header gives (预算执行情况（20分）).
    points: Option<Cell>,
    /// The indicator header: each column's role.
    cols: Vec<Option<Role>>,
    /// Whether the previous row was an indicator header (a second header row merges into it).
    after_header: bool,
    level1: String,
    level2: String,
}

/// Whether a section is Excel cells: two of its lines hold a tab.
pub(super) fn is_tabular(text: &str) -> bool {
    text.lines().filter(|l| l.contains('\t')).nth(1).is_some()
}

/// The national layout, for rows pasted without their header.
fn national() -> Vec<Option<Role>> {
    [
        Role::Level1,
        Role::Level2,
        Role::Name,
        Role::Target,
        Role::Actual,
        Role::Weight,
        Role::Score,
        Role::Reason,
    ]
    .into_iter()
    .map(Some)
    .collect()
}

/// Reads every table of a tab-separated paste.
pub(super) fn read(text: &str) -> Vec<Table> {
    let mut r = Reader {
        tables: Vec::new(),
        cur: None,
        section: Section::None,
        funds: Vec::new(),
        funds_from: 0,
        points: None,
        cols: national(),
        after_header: false,
        level1: String::new(),
        level2: String::new(),
    };
    for row in excel_rows(text) {
        r.row(&row);
    }
    r.finish();
    r.tables
}

fn texts(row: &Row) -> Vec<&str> {
    row.cells.iter().map(|c| c.text.as_str()).collect()
}

fn figure(field: &str, row: &Row, at: Option<usize>, problems: &mut Vec<Problem>) -> Option<Cell> {
    let cell = row.cells.get(at?)?;
    read_cell(field, &cell.text, cell.span, row.no).unwrap_or_else(|p| {
        problems.push(p);
        None
    })
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
        self.cols = national();
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

    fn row(&mut self, row: &Row) {
        let cells = texts(row);
        let Some(first) = cells.iter().find(|c| !c.is_empty()) else {
            return;
        };
        let first = template::header_key(first);
        let count = cells.iter().filter(|c| !c.is_empty()).count();
        let after_header = std::mem::replace(&mut self.after_header, false);
        if let (1, Some(TitleKind::SelfEvaluation(kind))) = (count, title_kind(&first)) {
            let title = cells.iter().find(|c| !c.is_empty()).copied().unwrap_or("");
            self.start(kind, title, row.span);
            return;
        }
        if first.contains("项目名称") {
            let name = cells.iter().filter(|c| !c.is_empty()).nth(1).copied();
            let name = name.unwrap_or("").to_string();
            if self.cur.as_ref().is_none_or(Table::has_content) {
                self.start(TableKind::Project, &name, row.span);
            }
            let t = self.table(row.span);
            t.name = name;
            t.span.1 = row.span.1;
            return;
        }
        let funds_roles = template::funds_roles(&cells);
        let funds_words = funds_roles.iter().flatten().count();
        let has_amounts = funds_roles
            .iter()
            .any(|r| matches!(r, Some(Role::Budget | Role::Executed)));
        let ind_roles: Vec<Option<Role>> =
            cells.iter().map(|c| template::indicator_role(c)).collect();
        let ind_words = ind_roles.iter().flatten().count();
        let names_rows = ind_roles.iter().any(|r| {
            matches!(
                r,
                Some(Role::Level1 | Role::Name | Role::Target | Role::Nature)
            )
        });
        if funds_words >= 3 && has_amounts && funds_words > ind_words {
            self.funds_header(row, &cells, funds_roles);
            return;
        }
        if ind_words >= 3 && names_rows {
            self.indicator_header(row, ind_roles, after_header);
            return;
        }
        if after_header && ind_words >= 2 {
            // the lower row of a two-row header: 指标性质 / 指标值 / 度量单位 under 年度指标值
            self.indicator_header(row, ind_roles, true);
            return;
        }
        if first.starts_with("总分")
            || (first.starts_with("合计") && self.section == Section::Indicators)
        {
            self.totals(row);
            return;
        }
        match self.section {
            Section::Funds => self.funds_row(row, &cells),
            Section::Indicators => self.indicator_row(row),
            Section::None => {
                if let Some(t) = self.cur.as_mut() {
                    t.span.1 = row.span.1;
                }
            }
        }
    }

    fn indicator_header(&mut self, row: &Row, roles: Vec<Option<Role>>, merge: bool) {
        if merge {
            // a second header row fills the columns the first left open and splits 年度指标值
            let mut cols = self.cols.clone();
            cols.resize(cols.len().max(roles.len()), None);
            for (c, r) in cols.iter_mut().zip(&roles) {
                if r.is_some() {
                    *c = *r;
                }
            }
            self.cols = cols;
        } else {
            self.cols = roles;
        }
        self.after_header = true;
        let t = self.table(row.span);
        t.span.1 = row.span.1;
        self.section = Section::Indicators;
    }

    /// The column of `role` in the indicator header.
    fn col(&self, role: Role) -> Option<usize> {
        self.cols.iter().position(|r| *r == Some(role))
    }

    /// How far a row is shifted left against its header: a web page leaves out a cell that spans rows
    /// (一级指标, 二级指标), so a short row starts with the label or name of a later column.
    fn shift(&self, row: &Row) -> usize {
        let width = self
            .cols
            .iter()
            .rposition(Option::is_some)
            .map_or(0, |p| p + 1);
        let len = row.cells.len();
        let Some(first) = row.cells.first().filter(|c| !c.text.is_empty()) else {
            return 0;
        };
        if len >= width {
            return 0;
        }
        let want = match template::label_of(&first.text) {
            Some((_, LabelKind::Level1 | LabelKind::Both)) => self.col(Role::Level1),
            Some((_, LabelKind::Level2)) => self.col(Role::Level2),
            _ => self.col(Role::Name),
        };
        want.unwrap_or(0).min(width - len)
    }

    fn indicator_row(&mut self, row: &Row) {
        let shift = self.shift(row);
        let cols = self.cols.clone();
        let at = |role: Role| {
            cols.iter()
                .position(|r| *r == Some(role))
                .and_then(|c| c.checked_sub(shift))
        };
        let text = |role: Role| {
            at(role)
                .and_then(|i| row.cells.get(i))
                .map_or("", |c| c.text.as_str())
        };
        for (role, level) in [(Role::Level1, 0), (Role::Level2, 1)] {
            let t = text(role);
            if !t.is_empty() {
                let l = template::label_text(t);
                if level == 0 {
                    self.level1 = l;
                } else {
                    self.level2 = l;
                }
            }
        }
        let target = if self.col(Role::Value).is_some() {
            runs::join_target(text(Role::Nature), text(Role::Value), text(Role::Unit))
        } else {
            text(Role::Target).to_string()
        };
        let name = text(Role::Name);
        let actual = text(Role::Actual);
        let (weight, score) = (text(Role::Weight), text(Role::Score));
        if [target.as_str(), actual, weight, score]
            .iter()
            .all(|v| v.is_empty())
        {
            // a category row, or a template's empty 指标2 line: no indicator
            return;
        }
        let mut problems = Vec::new();
        let item = IndicatorRow {
            row: row.no,
            level1: self.level1.clone(),
            level2: self.level2.clone(),
            indicator: name.to_string(),
            target_text: target,
            actual_text: actual.to_string(),
            weight: figure("分值", row, at(Role::Weight), &mut problems),
            stated_score: figure("得分", row, at(Role::Score), &mut problems),
            reason: text(Role::Reason).to_string(),
            span: row.span,
        };
        let t = self.table(row.span);
        t.indicators.push(item);
        t.problems.extend(problems);
        t.span.1 = row.span.1;
    }

    fn totals(&mut self, row: &Row) {
        let mut problems = Vec::new();
        let has_weight = self.col(Role::Weight).is_some();
        let mut weights = figure("总分分值", row, self.col(Role::Weight), &mut problems);
        let mut total = figure("总分得分", row, self.col(Role::Score), &mut problems);
        if weights.is_none() && total.is_none() {
            // Not in the header's columns: take the figures in order (the total alone when the table
            // gives no 分值).
            let mut figures = row.cells.iter().skip(1).filter_map(|cell| {
                read_cell("总分", &cell.text, cell.span, row.no)
                    .ok()
                    .flatten()
            });
            if has_weight {
                weights = figures.next();
            }
            total = figures.next();
        }
        let t = self.table(row.span);
        t.stated_weights_total = weights;
        t.stated_total = total;
        t.problems.extend(problems);
        t.span.1 = row.span.1;
        self.section = Section::None;
    }
}
