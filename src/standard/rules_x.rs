use super::finding::TableFinding;
use super::resolve::TableSet;
pub(crate) fn check(_set: &TableSet) -> Vec<TableFinding> {
    Vec::new()
}
