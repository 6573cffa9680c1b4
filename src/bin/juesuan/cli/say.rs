//! clap's errors said in Chinese. clap renders them in English ("error: unexpected argument"), so each
//! kind is worded here from the context clap records (the argument, the value, the valid values).

use super::args::Action;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::Command;

/// Where to read on.
pub fn hint(sub: &str) -> String {
    if sub.is_empty() {
        "运行“juesuan --help”查看用法。".to_string()
    } else {
        format!("运行“juesuan {sub} --help”查看用法。")
    }
}

/// clap's errors, said in Chinese from their context (clap's own rendering is English).
pub fn from_clap(e: &clap::Error, sub: &str, cmd: &mut Command) -> Action {
    let get = |kind| e.get(kind).map(ContextValue::to_string).unwrap_or_default();
    let arg = get(ContextKind::InvalidArg);
    let value = get(ContextKind::InvalidValue);
    let list = |kind| match e.get(kind) {
        Some(ContextValue::Strings(v)) => v.join("、"),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let message = match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            return Action::Say {
                text: e.render().to_string(),
                error: false,
            }
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand => {
            let text = match cmd.find_subcommand_mut(sub) {
                Some(s) => s.render_help().to_string(),
                None => cmd.render_help().to_string(),
            };
            return Action::Say { text, error: true };
        }
        ErrorKind::InvalidValue if value.is_empty() => format!("选项“{arg}”缺少取值"),
        ErrorKind::InvalidValue => format!(
            "“{arg}”的取值“{value}”无效；可选：{}",
            list(ContextKind::ValidValue)
        ),
        ErrorKind::UnknownArgument if !arg.starts_with('-') => format!("多余的参数“{arg}”"),
        ErrorKind::UnknownArgument => {
            let mut m = format!("无法识别的选项“{arg}”");
            if let Some(s) = e.get(ContextKind::SuggestedArg) {
                m.push_str(&format!("（是否想用“{s}”？）"));
            }
            m
        }
        ErrorKind::InvalidSubcommand => {
            let mut m = format!(
                "未知的命令“{}”；可用的命令：calc、check、score、help",
                get(ContextKind::InvalidSubcommand)
            );
            if let Some(s) = e.get(ContextKind::SuggestedSubcommand) {
                m.push_str(&format!("（是否想用“{s}”？）"));
            }
            m
        }
        ErrorKind::ArgumentConflict => {
            let prior = get(ContextKind::PriorArg);
            if prior == arg || prior.is_empty() {
                format!("选项“{arg}”只能给一次")
            } else {
                format!("“{arg}”不能与“{prior}”同时使用")
            }
        }
        ErrorKind::MissingRequiredArgument => {
            format!("缺少参数：{}", list(ContextKind::InvalidArg))
        }
        ErrorKind::TooManyValues => format!("多余的参数“{value}”"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("“{arg}”的取值个数不对")
        }
        ErrorKind::ValueValidation => format!("“{arg}”的取值“{value}”无效"),
        ErrorKind::InvalidUtf8 => "参数不是有效的 UTF-8 文本".to_string(),
        _ => "命令行参数有误".to_string(),
    };
    Action::Say {
        text: format!("{message}\n{}", hint(sub)),
        error: true,
    }
}
