use super::finding::TableFinding;
use super::resolve::TableSet;
pub(crate) fn check(_n: &str, _o: usize, _set: &TableSet) -> Vec<TableFinding> {
    Vec::new()
}
