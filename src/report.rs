//! The serde types every front end shares (CLI JSON, wasm objects). Versioned by `schema`, camelCase, every
//! decimal a string with its scale ("50.80", never 50.8), so money never travels as a binary float.

use crate::decimal::text;
use crate::verdict::{Check, Verdict};
use serde::Serialize;

/// The report schema version; bump it when a field changes meaning or disappears.
pub const SCHEMA: u32 = 1;

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
    /// `ok`, `rounding`, `mismatch` or `not_computable`.
    pub verdict: String,
    /// The recomputed value at the stated precision.
    pub recomputed: Option<String>,
    /// stated − recomputed.
    pub difference: Option<String>,
    /// The stated values the rule accepts, [lo, hi], at the stated precision.
    pub interval: Option<[String; 2]>,
    /// Why, in Chinese.
    pub message: String,
}

impl CheckReport {
    /// The report of a check, with `unit` ("%" or "万元" or "") appended in the message.
    pub fn from_check(check: &Check, unit: &str) -> CheckReport {
        CheckReport {
            stated: text(check.stated.value),
            verdict: check.verdict.name().to_string(),
            recomputed: check.recomputed.map(text),
            difference: check.difference.map(text),
            interval: check.interval.map(|(lo, hi)| [text(lo), text(hi)]),
            message: check_message(check, unit),
        }
    }
}

/// The Chinese sentence that explains a verdict.
pub fn check_message(check: &Check, unit: &str) -> String {
    let stated = format!("{}{unit}", text(check.stated.value));
    let range = check
        .interval
        .map(|(lo, hi)| format!("{}{unit} ~ {}{unit}", text(lo), text(hi)))
        .unwrap_or_default();
    match (check.verdict, check.recomputed.map(text), check.difference) {
        (Verdict::Ok, Some(r), _) => format!("填报 {stated}，重算 {r}{unit}，一致"),
        (Verdict::Rounding, Some(r), Some(d)) => format!(
            "填报 {stated}，重算 {r}{unit}，相差 {}{unit}；输入均为四舍五入后的数，允许范围 {range}，属尾差",
            text(d.abs())
        ),
        (Verdict::Mismatch, Some(r), Some(d)) => {
            format!("填报 {stated}，重算 {r}{unit}，相差 {}{unit}，超出允许范围 {range}", text(d.abs()))
        }
        _ => {
            let label = check.label.map(|l| l.text()).unwrap_or("无法计算");
            format!("分母为 0，无法计算（{label}）；填报 {stated} 无从核对")
        }
    }
}

/// `juesuan check` / `check()` in JS: every claim found in a pasted disclosure.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct TextReport {
    /// Always [`SCHEMA`].
    pub schema: u32,
    /// Every claim found, in text order.
    pub claims: Vec<ClaimReport>,
    /// Counts by verdict.
    pub summary: Summary,
    /// Parts of the text that could not be checked, and why.
    pub problems: Vec<ProblemReport>,
}

/// One claim found in the text.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ClaimReport {
    /// `sum`, `balance`, `share`, `growth`, `variance`, `completion`, `execution`, `count`, `same-figure`.
    pub kind: String,
    /// The kind in Chinese.
    pub title: String,
    /// `ok`, `rounding`, `mismatch`, `not_computable`.
    pub verdict: String,
    /// The stated figure as written (a 下降 rate positive).
    pub stated: String,
    /// The recomputed value in the same convention, at the stated precision.
    pub recomputed: Option<String>,
    /// stated − recomputed.
    pub difference: Option<String>,
    /// [start, end) in Unicode characters of the input.
    pub span: [usize; 2],
    /// The figures used, by name.
    pub inputs: NamedValues,
    /// The figures used, with where each came from.
    pub sources: Vec<SourceReport>,
    /// The stated values the rule accepts.
    pub interval: Option<[String; 2]>,
    /// The formula with the numbers.
    pub formula: String,
    /// Why, in Chinese.
    pub message: String,
    /// A likely cause of a mismatch, in Chinese.
    pub diagnosis: Option<String>,
}

/// One input figure and where it came from.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct SourceReport {
    /// What the figure is.
    pub name: String,
    /// Its value.
    pub value: String,
    /// Where it is in the input; null for a derived value.
    pub span: Option<[usize; 2]>,
}

/// Name → value pairs serialized as one object, in order (a repeated name gets a “#2” suffix).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NamedValues(pub Vec<(String, String)>);

impl Serialize for NamedValues {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        let mut seen: Vec<&str> = Vec::new();
        for (name, value) in &self.0 {
            let n = seen.iter().filter(|s| **s == name.as_str()).count();
            seen.push(name);
            if n == 0 {
                map.serialize_entry(name, value)?;
            } else {
                map.serialize_entry(&format!("{name}#{}", n + 1), value)?;
            }
        }
        map.end()
    }
}

/// How many claims got each verdict.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// All claims.
    pub claims: usize,
    /// `ok`
    pub ok: usize,
    /// `rounding`
    pub rounding: usize,
    /// `mismatch`
    pub mismatch: usize,
    /// `not_computable`
    pub not_computable: usize,
}

impl Summary {
    /// Counts the verdicts of `claims`.
    pub fn of(claims: &[ClaimReport]) -> Summary {
        let count = |v: &str| claims.iter().filter(|c| c.verdict == v).count();
        Summary {
            claims: claims.len(),
            ok: count("ok"),
            rounding: count("rounding"),
            mismatch: count("mismatch"),
            not_computable: count("not_computable"),
        }
    }
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
