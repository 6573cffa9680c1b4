//! The body of a pasted T7: where the header ends, and the values grouped under the item label they follow
//! (items as rows), or all in print order (items as columns). A web copy with one cell per line marks an
//! empty cell with a bar on its own line.

use super::kinds::SgItem;
use super::lex::{Kind, LexLine, Tok};
use super::model::{Amount, Span};
use super::sangong_lines::label_item;

/// Values under one label: a row of an items-as-rows table, or values with no item label.
#[derive(Debug, Clone)]
pub(crate) struct Segment {
    pub item: Option<SgItem>,
    pub values: Vec<Option<Amount>>,
    pub span: Option<Span>,
}

/// The body of a T7 paste: the header text and the values grouped by label.
pub(crate) struct Body {
    /// The header lines joined (for items as rows: without the first item's label).
    pub header: String,
    pub segments: Vec<Segment>,
    /// Items as rows: at least two labelled rows hold values.
    pub rows: bool,
}

fn is_data(l: &LexLine) -> bool {
    l.toks.iter().any(|t| matches!(t.kind, Kind::Num))
        || (l.cells && l.toks.iter().any(|t| t.kind == Kind::Digits))
        || (l
            .toks
            .iter()
            .all(|t| matches!(t.kind, Kind::Digits | Kind::Blank))
            && !l.toks.is_empty()
            && !l.squashed.starts_with("栏次")
            && l.toks.iter().any(|t| t.text == "0"))
}

/// A Digits token glued to text ("1.因公出国", "2015年") is part of the label, not an amount.
fn glued(toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    let text_at = |j: Option<usize>, adjacent: &dyn Fn(&Tok) -> bool| {
        j.and_then(|j| toks.get(j))
            .is_some_and(|o| o.kind == Kind::Text && adjacent(o))
    };
    t.kind == Kind::Digits
        && (text_at(Some(k + 1), &|o| o.span.0 == t.span.1)
            || text_at(k.checked_sub(1), &|o| o.span.1 == t.span.0))
}

/// The line's label (the text before its first value) and its values.
fn split(l: &LexLine) -> (String, Vec<Option<Amount>>, Option<Span>) {
    let mut label = String::new();
    let mut values = Vec::new();
    let mut span: Option<Span> = None;
    for (k, t) in l.toks.iter().enumerate() {
        let value = matches!(t.kind, Kind::Num | Kind::Digits | Kind::Blank) && !glued(&l.toks, k);
        if value {
            values.push(t.amount.clone());
            span = Some(span.map_or(t.span, |(s, e)| (s.min(t.span.0), e.max(t.span.1))));
        } else if values.is_empty() {
            label.push_str(&t.text);
        }
    }
    let label: String = label.chars().filter(|c| !c.is_whitespace()).collect();
    (label, values, span)
}

/// A label on a line of its own.
fn label_line(l: &LexLine) -> Option<SgItem> {
    let (label, values, _) = split(l);
    if values.is_empty() {
        label_item(&label)
    } else {
        None
    }
}

/// Groups the body lines (indices into `lines`) into segments.
pub(crate) fn body(lines: &[LexLine], body: &[usize]) -> Body {
    let first = body
        .iter()
        .position(|&i| is_data(&lines[i]))
        .unwrap_or(body.len());
    // the labels right above the first values name them (items as rows, "合 计" then "3 |")
    // (a bar on its own line after an open cell only closes it: "合 计" "|" "3" "|")
    let mut start = first;
    let mut k = first;
    while k > 0 {
        let l = &lines[body[k - 1]];
        let closing = l.squashed == "|" && k >= 2 && !lines[body[k - 2]].squashed.ends_with('|');
        if label_line(l).is_some() {
            start = k - 1;
        } else if !closing {
            break;
        }
        k -= 1;
    }
    let mut segments: Vec<Segment> = Vec::new();
    let mut closed = false;
    for &i in &body[start..] {
        let l = &lines[i];
        if l.squashed.starts_with("栏次") {
            continue;
        }
        let raw = l.squashed.as_str();
        if !raw.is_empty() && raw.chars().all(|c| c == '|') {
            // a web copy with one cell per line: a bar after a closed cell is an empty cell
            let bars = raw.chars().count();
            let empty = if closed { bars } else { bars - 1 };
            push(&mut segments, None, vec![None; empty], None);
            closed = true;
            continue;
        }
        closed = raw.ends_with('|');
        let (label, values, span) = split(l);
        match label_item(&label) {
            Some(item) => segments.push(Segment {
                item: Some(item),
                values,
                span,
            }),
            None if !values.is_empty() => push(&mut segments, None, values, span),
            None => {}
        }
    }
    // two labelled rows with numbers: items as rows (labels above a single data line are a header)
    let labelled_rows = segments
        .iter()
        .filter(|s| s.item.is_some() && s.values.iter().any(Option::is_some))
        .count();
    let rows = labelled_rows >= 2;
    let cut = if rows { start } else { first };
    let header: String = body[..cut]
        .iter()
        .map(|&i| lines[i].squashed.as_str())
        .collect();
    if !rows {
        // items as columns: the values in print order, whatever label a line had
        let mut all = Segment {
            item: None,
            values: Vec::new(),
            span: None,
        };
        for s in segments.into_iter().filter(|s| !s.values.is_empty()) {
            all.values.extend(s.values);
            all.span = join(all.span, s.span);
        }
        // empty cells before the first number belong to the header's last line
        while all.values.first().is_some_and(Option::is_none) && all.values.len() > 1 {
            all.values.remove(0);
        }
        let segments = if all.values.is_empty() {
            Vec::new()
        } else {
            vec![all]
        };
        return Body {
            header,
            segments,
            rows,
        };
    }
    Body {
        header,
        segments,
        rows,
    }
}

fn join(a: Option<Span>, b: Option<Span>) -> Option<Span> {
    match (a, b) {
        (Some((s, e)), Some((x, y))) => Some((s.min(x), e.max(y))),
        (a, b) => a.or(b),
    }
}

fn push(
    segments: &mut Vec<Segment>,
    item: Option<SgItem>,
    values: Vec<Option<Amount>>,
    span: Option<Span>,
) {
    match segments.last_mut() {
        Some(last) if item.is_none() => {
            last.values.extend(values);
            last.span = join(last.span, span);
        }
        _ => segments.push(Segment { item, values, span }),
    }
}
