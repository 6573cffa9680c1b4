//! Two levels of one statement a year apart ("2020 年 A …，2019 年 A …"): the earlier year's is last year's.

use super::cues::Measure;
use super::frames::{Frame, Role};
use crate::document::narrative::Token;

/// "2016年三公经费预算拨入 33 万元，2015年三公经费预算拨入 57.55 万元，与上年对比减少 …": of two levels of one
/// measure in a statement whose clauses open with consecutive years, the earlier year's is last year's
/// figure; so is the year before's spending beside this year's budget.
pub(super) fn years_apart(tokens: &[Token], frames: &mut [Frame]) {
    // the year a level's clause opens with: the year token just before it in the same clause
    let year_of = |frames: &[Frame], k: usize| -> Option<i64> {
        let f = &frames[k];
        let prev = k.checked_sub(1).map(|j| &frames[j])?;
        let y = &tokens[prev.tok];
        let is_year = y.figure.unit.is_empty()
            && y.figure.scale == 0
            && (1990..=2100).contains(&y.figure.value.mantissa());
        (is_year && prev.clause == f.clause && f.lead.starts_with('年'))
            .then(|| y.figure.value.mantissa() as i64)
    };
    for range in statement_ranges(frames) {
        let levels: Vec<(usize, i64, Role)> = range
            .filter(|&j| {
                matches!(
                    frames[j].role,
                    Role::Level(Measure::Current | Measure::Budget)
                )
            })
            .filter_map(|j| year_of(frames, j).map(|y| (j, y, frames[j].role.clone())))
            .collect();
        for &(j, y, ref role) in &levels {
            // "公务用车购置及运行费 2015 年年末支出 3.42 万元，2016 年预算为 4 万元，增加 16.96%": the year
            // before's spending, beside this year's budget, is last year's figure whichever comes first
            let before_budget = *role == Role::Level(Measure::Current)
                && levels
                    .iter()
                    .any(|(_, z, r)| *z == y + 1 && *r == Role::Level(Measure::Budget));
            if before_budget
                || levels
                    .iter()
                    .any(|(i, z, r)| *i < j && *z == y + 1 && r == role)
            {
                frames[j].role = Role::Level(Measure::Prior);
            }
        }
    }
}

/// Each statement's frames, as index ranges in order (frames are in text order, so a statement's are
/// consecutive).
pub(super) fn statement_ranges(frames: &[Frame]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for chunk in frames.chunk_by(|a, b| a.statement == b.statement) {
        out.push(start..start + chunk.len());
        start += chunk.len();
    }
    out
}
