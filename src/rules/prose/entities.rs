//! Grouping the figures of a statement into what they describe: one entity per subject (“三公”经费, 公务接待费
//! …) holding its level this year, its budget, last year's figure, its changes and rates, its shares and
//! completion ratios — and which entities are the parts of which total (其中 …, a bracket after a figure, a
//! list 分别为 …).

use super::cues::{Base, Measure, Sign};
use super::frames::{Frame, Role};
use super::subject_words::{adds_on, lead_through_year, measure_only, named_subject};

/// What one subject of a statement says.
#[derive(Debug, Clone, Default)]
pub struct Entity {
    /// The statement it is in.
    pub statement: usize,
    /// This year's level (token), if stated.
    pub current: Option<usize>,
    /// Its budget (token), if stated.
    pub budget: Option<usize>,
    /// Last year's level (token), if stated.
    pub prior: Option<usize>,
    /// Changes: (token, sign, base).
    pub changes: Vec<(usize, Sign, Base)>,
    /// Rates of change: (token, sign, base).
    pub rates: Vec<(usize, Sign, Base)>,
    /// Frames (indices) of its shares, completion ratios, 执行率 and 差异率.
    pub ratios: Vec<usize>,
    /// The entity (index) whose part it is, if it is listed under one.
    pub parent: Option<usize>,
    /// Which list of that parent: a bracket after a figure and a 其中 after it are two lists.
    pub list: usize,
    /// The frame (index) it begins at.
    pub first: usize,
    /// Whether it was begun by a change or rate with no level of its own (“与上年相比，增加 …”).
    pub headless: bool,
    /// The subject such a clause names ("2020年度“三公”经费较上年减少 …" → "“三公”经费").
    pub subject: Option<String>,
    /// Changes and rates that could be of more than one subject (after a 其中 list: the last item's, the
    /// total's or another item's): they get a reason, never a claim.
    pub ambiguous: bool,
}

/// A lead that only names the measure of the subject before it: "支出决算为", "决算数", "实际支出".
fn attach(out: &mut [Entity], cur: Option<usize>) -> Option<&mut Entity> {
    cur.and_then(|c| out.get_mut(c))
}

/// The entities of all statements, in order.
pub fn entities(frames: &[Frame], labels: &[String]) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::new();
    let mut cur: Option<usize> = None;
    let mut statement = usize::MAX;
    // the open 其中 list: its total entity and its id
    let mut list_total: Option<(usize, usize)> = None;
    // the ；-parts of the statement where the current list's items began: a list whose first two items
    // share a ；-part ("其中在职 100 人，退休 51 人；年末学生 929 人") ends at the next ；
    let mut item_parts: Vec<usize> = Vec::new();
    // the open bracket: where it opened, its total entity, its list id
    let mut paren_total: Option<(usize, usize, usize)> = None;
    let mut first_of_statement: Option<usize> = None;
    let mut list_id = 0;
    let mut previous_first: Option<usize> = None;
    // the list a nested 其中 list sits in
    let mut outer: Option<(usize, usize)> = None;
    let mut pending_open = false;
    // the frame before, not ignored
    let mut prev: Option<usize> = None;
    for (fi, f) in frames.iter().enumerate() {
        if f.statement != statement {
            statement = f.statement;
            previous_first = first_of_statement.or(previous_first);
            first_of_statement = None;
            cur = None;
            // a list goes on after an enumeration when the statement opens with a part: "label figure"
            let goes_on = f.after_enumeration
                && f.role == Role::Level(Measure::Current)
                && f.lead.chars().count() <= 12
                && !f.lead.contains(['为', '比', '较', '是', '占']);
            if !goes_on {
                list_total = None;
            }
            outer = None;
            pending_open = false;
            paren_total = None;
            item_parts.clear();
            // "…总计 X 万元。其中：A a，B b": a statement that opens with 其中 lists the parts of the one before
            if f.statement_lists && !matches!(f.role, Role::Rate { .. }) {
                if let Some(p) = previous_first {
                    list_id += 1;
                    list_total = Some((p, list_id));
                }
            }
        }
        // a 其中 before a figure that is not read ("其中：<script>alert(1)</script>基本支出 6.00") opens the
        // list at the next figure that is
        if f.role == Role::Ignored {
            pending_open |= f.opens_list;
            continue;
        }
        let opens_list = f.opens_list || std::mem::take(&mut pending_open);
        // the list as it stood before this figure: a ； after its items closes it, and what follows the ； may
        // still be read as of its last item
        let list_before = list_total;
        if list_total.is_some()
            && item_parts.len() >= 2
            && item_parts[0] == item_parts[1]
            && item_parts.last().is_some_and(|&p| p != f.part)
        {
            list_total = None;
        }
        // "其中 A a，B b；加上 C c …，收入总计 T": what is added on, and a total, are no longer parts
        if list_total.is_some() && adds_on(&f.lead, labels.get(f.tok).map(String::as_str)) {
            list_total = None;
        }
        // a figure of the list total's own family total ("其中：公车购置…；因公出国费…州本级“三公经费”
        // 1127 万元") is another total, never one of its parts
        if let Some((t, _)) = list_total {
            let total = out.get(t).and_then(|e| e.current.or(e.budget).or(e.prior));
            if let (Some(total), Some(l)) = (total.and_then(|t| labels.get(t)), labels.get(f.tok)) {
                let family = super::families::family_of_total(l);
                if family.is_some() && family == super::families::family_of_total(total) {
                    list_total = None;
                }
            }
        }
        // back out of a nested list: an item of the outer total's family that is none of the inner's
        // ("…公务用车 1,502 万元，其中：购置费 384 万元，运行费 1,118 万元；公务接待费 393 万元")
        if let (Some((outer_total, _)), Some((inner_total, _))) = (outer, list_total) {
            let name = |e: usize| {
                out.get(e)
                    .and_then(|e| e.current.or(e.budget).or(e.prior))
                    .and_then(|t| labels.get(t))
            };
            if let (Some(o), Some(i), Some(l)) =
                (name(outer_total), name(inner_total), labels.get(f.tok))
            {
                if super::families::is_total_of(o, l) && !super::families::is_total_of(i, l) {
                    list_total = outer.take();
                }
            }
        }
        // 其中 after a figure: what follows in the statement are its parts; 其中 after a part opens a list
        // inside the list
        if opens_list && f.paren.is_none() {
            if let Some(c) = cur.filter(|&c| list_total.is_none_or(|(t, _)| t != c)) {
                if list_total.is_some() {
                    outer = list_total;
                }
                list_id += 1;
                list_total = Some((c, list_id));
                item_parts.clear();
            }
        }
        // a bracket right after a figure: what it holds are that figure's parts (or its 上年 figure)
        let parent_here: Option<(usize, usize)> = match (f.paren, paren_total) {
            (Some(o), Some((po, e, id))) if o == po => Some((e, id)),
            (Some(o), _) => {
                let e = cur.filter(|&c| out.get(c).is_some_and(|e| e.first < fi));
                e.map(|e| {
                    list_id += 1;
                    paren_total = Some((o, e, list_id));
                    (e, list_id)
                })
            }
            (None, Some((_, e, _))) => {
                // out of the bracket: the statement goes on about the figure before it
                paren_total = None;
                cur = Some(e);
                list_total
            }
            (None, None) => list_total,
        };
        let (parent, list) = parent_here.map_or((None, 0), |(e, id)| (Some(e), id));
        match &f.role {
            Role::Level(Measure::Current) => {
                let joins = attach(&mut out, cur).is_some_and(|e| {
                    e.current.is_none()
                        && (e.budget.is_some() || e.prior.is_some())
                        && (measure_only(&f.lead)
                            || (e.prior.is_some() && super::cues::moves_to(&f.lead)))
                });
                if joins {
                    if let Some(e) = attach(&mut out, cur) {
                        e.current = Some(f.tok);
                    }
                } else {
                    out.push(Entity {
                        statement,
                        current: Some(f.tok),
                        parent,
                        list,
                        first: fi,
                        ..Entity::default()
                    });
                    cur = Some(out.len() - 1);
                    // an item run on to the figure before it with no mark between ("…的98.74%公务用车运行
                    // 维护费支出3758万元") is no evidence that commas part the items
                    let glued = prev
                        .and_then(|p| frames.get(p))
                        .is_some_and(|p| p.clause == f.clause);
                    if parent_here.is_some() && parent_here == list_total && !glued {
                        item_parts.push(f.part);
                    }
                }
            }
            Role::Level(Measure::Budget) => {
                let joins = attach(&mut out, cur)
                    .is_some_and(|e| e.budget.is_none() && measure_only(&f.lead));
                if joins {
                    if let Some(e) = attach(&mut out, cur) {
                        e.budget = Some(f.tok);
                    }
                } else {
                    out.push(Entity {
                        statement,
                        budget: Some(f.tok),
                        parent,
                        list,
                        first: fi,
                        ..Entity::default()
                    });
                    cur = Some(out.len() - 1);
                }
            }
            Role::Level(Measure::Prior) => {
                if let Some(e) = attach(&mut out, cur).filter(|e| e.prior.is_none()) {
                    e.prior = Some(f.tok);
                } else {
                    out.push(Entity {
                        statement,
                        prior: Some(f.tok),
                        parent,
                        list,
                        first: fi,
                        ..Entity::default()
                    });
                    cur = Some(out.len() - 1);
                }
            }
            Role::Change { sign, base } | Role::Rate { sign, base } => {
                let is_rate = matches!(f.role, Role::Rate { .. });
                // a clause that names another subject starts a new one ("主要原因是本年度财政拨款收入…减少")
                // a saving rate is of the procurement just stated ("…节约资金 2.93 亿元，资金节约率达到 15.1%")
                let saving_rate = is_rate && f.lead.contains("节约率");
                let lead = lead_through_year(frames, fi);
                let other = named_subject(&lead)
                    .filter(|_| !saving_rate)
                    .filter(|subject| {
                        attach(&mut out, cur)
                            .and_then(|e| e.current.or(e.budget).or(e.prior))
                            .and_then(|t| labels.get(t))
                            .is_none_or(|label| {
                                !label.contains(subject.as_str())
                                    && !subject.contains(label.as_str())
                            })
                    });
                if other.is_none()
                    && super::after_list::after_list(
                        &out,
                        cur,
                        list_before,
                        frames,
                        prev,
                        fi,
                        &lead,
                    )
                {
                    out.push(Entity {
                        statement,
                        first: fi,
                        headless: true,
                        ambiguous: true,
                        ..Entity::default()
                    });
                    cur = Some(out.len() - 1);
                } else if cur.is_none() || other.is_some() {
                    let subject = other.clone().or_else(|| named_subject(&lead));
                    out.push(Entity {
                        subject,
                        statement,
                        parent,
                        list,
                        first: fi,
                        headless: true,
                        ..Entity::default()
                    });
                    cur = Some(out.len() - 1);
                }
                if let Some(e) = attach(&mut out, cur) {
                    if is_rate {
                        e.rates.push((f.tok, *sign, *base));
                    } else {
                        e.changes.push((f.tok, *sign, *base));
                    }
                }
            }
            Role::Share { .. }
            | Role::Completion { .. }
            | Role::Execution
            | Role::Variance
            | Role::Unbound => {
                if let Some(e) = attach(&mut out, cur) {
                    e.ratios.push(fi);
                }
            }
            Role::Ignored | Role::Whole | Role::Adjusted | Role::OtherYear => {}
        }
        if first_of_statement.is_none() {
            first_of_statement = cur;
        }
        prev = Some(fi);
    }
    out
}
