//! Tables found inside the narrative and cut out of it: the comparison tables ([`super::compare`]) and the
//! year series ([`super::series`]) are both read line by line within a narrative section, and each table
//! found becomes a section of its own between the narrative before and after it.

use super::{Line, Section, SectionKind};

/// A table a reader found: the table, the line its section starts at (its header), and the line after its
/// last row.
pub(super) type Found<T> = Option<(T, usize, usize)>;

/// The text of line `i` of the paste ("" past the end), borrowed for `'a`.
pub(super) type LineAt<'a, 't> = dyn Fn(usize) -> &'t str + 'a;

/// Cuts the tables `read` finds out of the narrative sections, each a [`SectionKind::Comparison`] section
/// titled by `title`. `read` is asked at each line `i` of a section's lines [first, last) with (first, i,
/// last). Never panics.
pub(super) fn cut_out<'t, T>(
    text: &'t str,
    lines: &[Line],
    sections: Vec<Section>,
    title: impl Fn(&T) -> &str,
    mut read: impl FnMut(&[Line], &LineAt<'_, 't>, (usize, usize, usize)) -> Found<T>,
) -> (Vec<Section>, Vec<T>) {
    let at = |i: usize| {
        lines
            .get(i)
            .map_or("", |l| text.get(l.start..l.end).unwrap_or(""))
    };
    let mut out = Vec::with_capacity(sections.len());
    let mut tables = Vec::new();
    for s in sections {
        if s.kind != SectionKind::Narrative {
            out.push(s);
            continue;
        }
        let first = lines.partition_point(|l| l.start < s.bytes.start);
        let last = lines.partition_point(|l| l.start < s.bytes.end);
        // a piece never starts before its section (which may begin inside a line)
        let piece = |from: usize, to: usize, kind: SectionKind, title: &str| {
            let (start, start_char) = lines.get(from).map_or((s.bytes.start, s.span.0), |l| {
                (l.start.max(s.bytes.start), l.char_start.max(s.span.0))
            });
            let (end, end_char) = match lines.get(to) {
                Some(l) if to < last => (l.start, l.char_start),
                _ => (s.bytes.end, s.span.1),
            };
            Section {
                kind,
                bytes: start..end,
                span: (start_char, end_char),
                title: title.to_string(),
            }
        };
        let (mut from, mut i) = (first, first);
        let found_before = tables.len();
        while i < last {
            let Some((table, head, end)) = read(lines, &at, (first, i, last)) else {
                i += 1;
                continue;
            };
            if from < head {
                out.push(piece(from, head, SectionKind::Narrative, ""));
            }
            out.push(piece(head, end, SectionKind::Comparison, title(&table)));
            tables.push(table);
            (from, i) = (end, end);
        }
        if tables.len() == found_before {
            out.push(s);
        } else if from < last {
            out.push(piece(from, last, SectionKind::Narrative, ""));
        }
    }
    (out, tables)
}
