//! A change or rate after a 其中 list: of its last item only when it stands in that item's own ，-chain.
//! "其中：A 3万元、B 6.07万元；较上年减少0.71万元" may be the change of B, of A or of the total; binding it to
//! B would turn a correct figure into a false ✗, so such a clause gets a reason instead of a claim.

use super::entities::Entity;
use super::frames::Frame;
use super::subject_words::named_subject;

/// Whether a change or rate that names no subject follows a 其中 list's item from a clause of its own and
/// so may be that item's, the total's or the whole list's ("其中：A 3万元、B 6.07万元；较上年减少0.71万元").
/// It stays the item's when it is in the item's own ，-chain ("其中：A 3万元，比上年减少 …"), or when the
/// item already has one ("B 6.07万元比上年减少 …，下降 …").
pub(super) fn after_list(
    out: &[Entity],
    cur: Option<usize>,
    list_total: Option<(usize, usize)>,
    frames: &[Frame],
    prev: Option<usize>,
    fi: usize,
    lead: &str,
) -> bool {
    let (Some(c), Some((total, id))) = (cur, list_total) else {
        return false;
    };
    let Some(item) = out.get(c) else {
        return false;
    };
    if item.parent != Some(total) || item.list != id || item.headless || item.ambiguous {
        return false;
    }
    let (Some(f), Some(p)) = (frames.get(fi), prev.and_then(|p| frames.get(p))) else {
        return false;
    };
    if f.paren.is_some()
        || named_subject(lead).is_some()
        || !item.changes.is_empty()
        || !item.rates.is_empty()
    {
        return false;
    }
    if f.clause == p.clause && f.part == p.part {
        return false;
    }
    // an item stated for both years after a total whose own change was given: a comparison after it is
    // of the two years just stated ("其中：1、公务接待费 2016 年预算 8 万元，2015 年预算 12.5 万元；对比减少 4.35 万元")
    let both_years = item.current.or(item.budget).is_some() && item.prior.is_some();
    if both_years && out.get(total).is_some_and(|t| !t.changes.is_empty()) {
        return false;
    }
    // the item's own ，-chain: no ； between, and the item is not one of a 、-list (whose ， ends the list)
    let in_enumeration = frames
        .get(item.first)
        .is_some_and(|i| i.lead.trim_start().starts_with('、'));
    f.part != p.part || in_enumeration
}
