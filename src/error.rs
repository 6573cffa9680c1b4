//! The one error type. An inconsistent figure is not an error (it is a verdict); an error means the input
//! itself cannot be used, and its message tells a finance clerk which text to fix.

use std::fmt;

/// Why an input could not be used. `Display` is a plain Chinese sentence naming the offending text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// A field that needs a figure is empty.
    Empty { field: String },
    /// The text is not a figure: no digits, stray characters, a broken sign or separator.
    MalformedFigure { text: String, reason: &'static str },
    /// The figure has more digits than exact decimal arithmetic can hold (about 28 significant digits).
    TooManyDigits { text: String },
    /// A number written with 亿 and a second part in other words ("25亿8千万元").
    MixedNumerals { text: String },
    /// A result grew beyond what exact decimal arithmetic can hold.
    Overflow { what: String },
    /// The calculator kind is not one of the five rates.
    UnknownKind { kind: String },
    /// A scoring preset that is not known or whose parameters are unusable.
    BadPreset { reason: String },
}

/// The text as a message shows it: control characters (NUL, tabs, escapes) made visible as \u{…}, so a
/// message never carries invisible or terminal-controlling characters.
fn visible(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() {
                format!("\\u{{{:x}}}", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Empty { field } => write!(f, "请填写{field}"),
            Error::MalformedFigure { text, reason } => {
                write!(f, "无法识别的数字：“{}”（{reason}）", visible(text))
            }
            Error::TooManyDigits { text } => {
                write!(f, "数字位数过多，无法精确计算：“{}”（最多约 28 位有效数字）", visible(text))
            }
            Error::MixedNumerals { text } => write!(
                f,
                "数字写法无法读出：“{}”（亿后又用千、百等字写出余数），未核对",
                visible(text)
            ),
            Error::Overflow { what } => write!(f, "计算结果超出精确计算范围：{what}"),
            Error::UnknownKind { kind } => write!(
                f,
                "未知的计算类型：“{kind}”（可选 variance 预决算差异率、completion 完成预算比例、growth 增长率、share 占比、execution 执行率）"
            ),
            Error::BadPreset { reason } => write!(f, "评分规则无效：{reason}"),
        }
    }
}

impl std::error::Error for Error {}

/// The crate's result type.
pub type Result<T> = std::result::Result<T, Error>;
