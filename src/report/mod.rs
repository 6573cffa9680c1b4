//! The serde types every front end shares (CLI JSON, wasm objects). Versioned by `schema`, camelCase, every
//! decimal a string with its scale ("50.80", never 50.8), so money never travels as a binary float. The
//! sentences inside them come from [`wording`].

mod score;
pub mod wording;

pub use score::{
    ExecutionReport, FindingKind, FindingReport, IndicatorReport, ScoreProblemReport, TableReport,
};

use crate::document::SectionKind;
use crate::num::decimal::text;
use crate::num::verdict::{Check, Verdict};
use crate::rules::ClaimKind;
use crate::scoring::preset::PresetReport;
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

/// The report schema version; bump it when a field changes meaning or disappears.
pub const SCHEMA: u32 = 2;

/// A decimal serialized as its text with its scale ("50.80").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dec(pub Decimal);

impl Serialize for Dec {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&text(self.0))
    }
}

/// One quick-calculator result (`juesuan calc`, `calc()` in JS).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct CalcReport {
    /// Always [`SCHEMA`].
    pub schema: u32,
    /// `variance`, `completion`, `growth`, `share` or `execution`.
    pub kind: String,
    /// The rate in percent at 2 dp ("50.80"), or null when it cannot be computed.
    pub value: Option<String>,
    /// 新增 / 持平 / 无法计算 when there is no value.
    pub label: Option<String>,
    /// The formula with the numbers, in Chinese.
    pub formula: String,
    /// The verdict on a stated value, when one was given.
    pub check: Option<CheckReport>,
}

/// The verdict on one stated figure.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct CheckReport {
    /// The stated figure as a decimal string with its scale.
    pub stated: String,
    /// The verdict.
    pub verdict: Verdict,
    /// The recomputed value at the stated precision.
    pub recomputed: Option<String>,
    /// stated − recomputed.
    pub difference: Option<String>,
    /// The stated values the rule accepts, [lo, hi].
    pub interval: Option<[String; 2]>,
    /// Why, in Chinese.
    pub message: String,
}

impl CheckReport {
    /// The report of a check, with `unit` ("%" or "万元" or "") in the message.
    pub fn from_check(check: &Check, unit: &str) -> CheckReport {
        CheckReport {
            stated: text(check.stated.value),
            verdict: check.verdict,
            recomputed: check.recomputed.map(text),
            difference: check.difference.map(text),
            interval: check.interval.map(|(lo, hi)| [text(lo), text(hi)]),
            message: wording::check_message(check, unit),
        }
    }
}

/// `review()` in JS, `juesuan check` and `juesuan score`: the whole paste, read once — every claim of its
/// text and tables, every self-evaluation table scored under the preset, and what could not be checked.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Review {
    /// Always [`SCHEMA`].
    pub schema: u32,
    /// The scoring preset the tables were scored under.
    pub preset: PresetReport,
    /// How the paste was read: narrative and tables, in order.
    pub sections: Vec<SectionReport>,
    /// Every claim found (narrative and table arithmetic), in text order; each judged once.
    pub claims: Vec<ClaimReport>,
    /// Every self-evaluation table, scored.
    pub tables: Vec<TableReport>,
    /// Figures of the text that no claim used, and why.
    pub unchecked: Vec<UncheckedReport>,
    /// Parts of the input that could not be read, and why.
    pub problems: Vec<ProblemReport>,
    /// Counts over everything above.
    pub summary: Summary,
}

/// One part of the paste as the document model read it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct SectionReport {
    /// `narrative`, `project`, `department`, `standard` or `comparison`.
    pub kind: &'static str,
    /// The nine standard tables' number (1–9), else null.
    pub standard: Option<u8>,
    /// The title as written; empty for narrative.
    pub title: String,
    /// [start, end) in chars.
    pub span: [usize; 2],
}

impl SectionReport {
    /// The report of a section.
    pub fn new(kind: SectionKind, title: &str, span: (usize, usize)) -> SectionReport {
        let (name, standard) = match kind {
            SectionKind::Narrative => ("narrative", None),
            SectionKind::SelfEvaluation(k) => (k.name(), None),
            SectionKind::Standard(k) => ("standard", Some(k.number())),
            SectionKind::Comparison => ("comparison", None),
        };
        SectionReport {
            kind: name,
            standard,
            title: title.to_string(),
            span: [span.0, span.1],
        }
    }
}

/// One claim: a stated figure and the figures it was checked against.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ClaimReport {
    /// Its number in `claims` (0-based); table rows refer to claims by it.
    pub id: usize,
    /// What kind of statement it is.
    pub kind: ClaimKind,
    /// The kind in Chinese.
    pub title: &'static str,
    /// The verdict.
    pub verdict: Verdict,
    /// The stated figure as written (a 下降 rate positive).
    pub stated: String,
    /// The recomputed value in the same convention, at the stated precision.
    pub recomputed: Option<String>,
    /// stated − recomputed.
    pub difference: Option<String>,
    /// [start, end) in Unicode chars of the input.
    pub span: [usize; 2],
    /// The self-evaluation table it belongs to (index into `tables`), if any.
    pub table: Option<usize>,
    /// The figures used, by name.
    pub inputs: NamedValues,
    /// The figures used, with where each came from.
    pub sources: Vec<SourceReport>,
    /// The stated values the rule accepts, at the precision that decides the verdict.
    pub interval: Option<[String; 2]>,
    /// The formula with the numbers.
    pub formula: String,
    /// Why, in Chinese.
    pub message: String,
    /// A likely cause of a mismatch, in Chinese.
    pub diagnosis: Option<String>,
    /// The rule of the standard tables' catalogue ("T2-2", "X-05", "N-06s"), for their findings.
    pub rule: Option<String>,
    /// The standard tables' cells the finding used (table, row code and name, column, value, span).
    pub cells: Vec<crate::standard::CellRef>,
}

/// One input figure and where it came from.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct SourceReport {
    /// What the figure is.
    pub name: String,
    /// Its value.
    pub value: Dec,
    /// Where it is in the input; null for a derived value.
    pub span: Option<[usize; 2]>,
}

/// Name → value pairs serialized as one object, in order (a repeated name gets a “#2” suffix).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NamedValues(pub Vec<(String, Decimal)>);

impl Serialize for NamedValues {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        let mut seen: Vec<&str> = Vec::new();
        for (name, value) in &self.0 {
            let n = seen.iter().filter(|s| **s == name.as_str()).count();
            seen.push(name);
            let value = text(*value);
            if n == 0 {
                map.serialize_entry(name, &value)?;
            } else {
                map.serialize_entry(&format!("{name}#{}", n + 1), &value)?;
            }
        }
        map.end()
    }
}

/// A figure of the text that no claim used.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct UncheckedReport {
    /// The figure as written (value with its scale) and its unit.
    pub value: Dec,
    /// Its unit (万元, %, 人 …).
    pub unit: String,
    /// Where it is.
    pub span: [usize; 2],
    /// Why it was not checked, in Chinese.
    pub reason: String,
}

/// How many items got each verdict.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    /// All items.
    pub total: usize,
    /// ✓
    pub ok: usize,
    /// ≈
    pub rounding: usize,
    /// ✗
    pub mismatch: usize,
    /// 提示
    pub notice: usize,
    /// —
    pub not_computable: usize,
}

impl Counts {
    /// Counts the verdicts.
    pub fn of(verdicts: impl Iterator<Item = Verdict>) -> Counts {
        let mut c = Counts::default();
        for v in verdicts {
            c.total += 1;
            match v {
                Verdict::Ok => c.ok += 1,
                Verdict::Rounding => c.rounding += 1,
                Verdict::Mismatch => c.mismatch += 1,
                Verdict::Notice => c.notice += 1,
                Verdict::NotComputable => c.not_computable += 1,
            }
        }
        c
    }

    /// The sum of two counts.
    pub fn plus(self, o: Counts) -> Counts {
        Counts {
            total: self.total + o.total,
            ok: self.ok + o.ok,
            rounding: self.rounding + o.rounding,
            mismatch: self.mismatch + o.mismatch,
            notice: self.notice + o.notice,
            not_computable: self.not_computable + o.not_computable,
        }
    }
}

/// Counts for the headline.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// Claims (`claims`) by verdict.
    pub claims: Counts,
    /// Scoring findings and indicator rows of the tables by verdict.
    pub tables: Counts,
    /// Both together: the headline.
    pub all: Counts,
    /// Figures in the narrative.
    pub figures: usize,
    /// Of them, used by a claim.
    pub checked: usize,
}

/// A part of the input that could not be checked.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ProblemReport {
    /// Why, in Chinese, naming the text.
    pub message: String,
    /// Where, when known.
    pub span: Option<[usize; 2]>,
}
