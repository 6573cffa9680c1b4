//! The serde types every front end shares (CLI JSON, wasm objects). Versioned by `schema`, camelCase, every
//! decimal a string with its scale ("50.80", never 50.8), so money never travels as a binary float.

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
            stated: check.stated.value.to_string(),
            verdict: check.verdict.name().to_string(),
            recomputed: check.recomputed.map(|d| d.to_string()),
            difference: check.difference.map(|d| d.to_string()),
            interval: check
                .interval
                .map(|(lo, hi)| [lo.to_string(), hi.to_string()]),
            message: check_message(check, unit),
        }
    }
}

/// The Chinese sentence that explains a verdict.
pub fn check_message(check: &Check, unit: &str) -> String {
    let stated = format!("{}{unit}", check.stated.value);
    let range = check
        .interval
        .map(|(lo, hi)| format!("{lo}{unit} ~ {hi}{unit}"))
        .unwrap_or_default();
    match (check.verdict, check.recomputed, check.difference) {
        (Verdict::Ok, Some(r), _) => format!("填报 {stated}，重算 {r}{unit}，一致"),
        (Verdict::Rounding, Some(r), Some(d)) => format!(
            "填报 {stated}，重算 {r}{unit}，相差 {}{unit}；输入均为四舍五入后的数，允许范围 {range}，属尾差",
            d.abs()
        ),
        (Verdict::Mismatch, Some(r), Some(d)) => {
            format!("填报 {stated}，重算 {r}{unit}，相差 {}{unit}，超出允许范围 {range}", d.abs())
        }
        _ => {
            let label = check.label.map(|l| l.text()).unwrap_or("无法计算");
            format!("分母为 0，无法计算（{label}）；填报 {stated} 无从核对")
        }
    }
}
