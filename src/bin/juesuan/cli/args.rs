//! The command line's grammar (clap's builder, no derive: no proc-macro to build) and its Chinese
//! messages. clap's own texts are English, so every heading, value name and error is set or translated
//! here; help and version go to standard output with exit 0, every usage error to standard error with 2.

use super::say;
use clap::{Arg, ArgAction, ArgMatches, Command};
use std::ffi::OsString;
use std::path::PathBuf;

/// How reports are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Text,
    Csv,
}

/// Which verdicts make the exit status 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailOn {
    Mismatch,
    Rounding,
    Never,
}

/// The scoring preset as given on the command line (read and checked by the core later).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PresetChoice {
    Named { name: String, k: Option<String> },
    File(PathBuf),
}

/// `juesuan calc`.
#[derive(Debug)]
pub struct CalcArgs {
    pub kind: String,
    pub a: String,
    pub b: String,
    pub stated: Option<String>,
    pub format: Format,
    pub fail_on: FailOn,
}

/// `juesuan check` (and its old name `score`).
#[derive(Debug)]
pub struct CheckArgs {
    pub paths: Vec<PathBuf>,
    pub format: Format,
    pub fail_on: FailOn,
    pub summary: bool,
    pub preset: PresetChoice,
}

/// What the command line asks for.
#[derive(Debug)]
pub enum Action {
    /// Print this and exit: help and version (stdout, 0) or a usage error (stderr, 2).
    Say {
        text: String,
        error: bool,
    },
    Calc(CalcArgs),
    Check(CheckArgs),
}

const KINDS: [&str; 5] = ["variance", "completion", "growth", "share", "execution"];
const PRESETS: [&str; 3] = ["proportional", "deduct-per-point", "bands"];
/// The presets whose rule has a k (only deduct-per-point): `--k` with any other is an error, not ignored.
const PRESETS_WITH_K: [&str; 1] = ["deduct-per-point"];

/// The help's layout, with Chinese headings: clap's own ({all-args}) are English (Usage:, Options:).
const TEMPLATE: &str =
    "{about}\n\n用法：{usage}\n\n参数：\n{positionals}\n\n选项：\n{options}{after-help}";
const ROOT_TEMPLATE: &str =
    "{about}\n\n用法：{usage}\n\n命令：\n{subcommands}\n\n选项：\n{options}{after-help}";

fn command(name: &'static str) -> Command {
    Command::new(name)
        .help_template(TEMPLATE)
        .disable_help_flag(true)
        .disable_version_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("显示此帮助"),
        )
}

fn choice(name: &'static str, values: &'static [&'static str], help: &'static str) -> Arg {
    Arg::new(name)
        .long(name)
        .value_name(match name {
            "format" => "格式",
            "fail-on" => "结果",
            _ => "名称",
        })
        .value_parser(clap::builder::PossibleValuesParser::new(values))
        .hide_possible_values(true)
        .help(help)
}

fn output_args(cmd: Command, with_csv: bool) -> Command {
    let formats: &'static [&'static str] = if with_csv {
        &["json", "text", "csv"]
    } else {
        &["json", "text"]
    };
    let format_help = if with_csv {
        "json（默认，每份文件一行）| text（中文报告）| csv（Excel 可直接打开）"
    } else {
        "json（默认）| text（中文）"
    };
    cmd.arg(choice("format", formats, format_help)).arg(choice(
        "fail-on",
        &["mismatch", "rounding", "never"],
        "何时以退出码 1 结束：mismatch（默认，有 ✗ 不一致）| rounding（有 ✗ 或 ≈ 尾差）| never",
    ))
}

fn calc_command() -> Command {
    let positional = |name: &'static str, help: &'static str| {
        Arg::new(name).value_name(name).required(true).help(help)
    };
    let cmd = command("calc")
        .about("由两个数计算一个比率，并可核对填报值")
        .override_usage("juesuan calc <类型> <数1> <数2> [--stated 填报值] [选项]")
        .allow_negative_numbers(true)
        .arg(
            positional("类型", "variance 预决算差异率（预算 决算）| completion 完成预算比例（预算 决算）| growth 增长率（本年 上年）| share 占比（部分 总数）| execution 执行率（预算 执行数）")
                .value_parser(clap::builder::PossibleValuesParser::new(KINDS))
                .hide_possible_values(true),
        )
        .arg(positional("数1", "第一个数（如预算数）"))
        .arg(positional("数2", "第二个数（如决算数）"))
        .arg(
            Arg::new("stated")
                .long("stated")
                .value_name("填报值")
                .allow_hyphen_values(true)
                .help("文中填报的比率（%），核对它是否与重算一致"),
        );
    output_args(cmd, false)
}

fn check_command(name: &'static str) -> Command {
    let cmd = command(name)
        .about(
            "校核决算公开说明、绩效自评表：文件、目录（递归查找 .txt/.tsv/.csv）或 -（标准输入）",
        )
        .override_usage(if name == "check" {
            "juesuan check <路径>… [选项]"
        } else {
            "juesuan score <路径>… [选项]（与 check 相同）"
        })
        .arg(
            Arg::new("paths")
                .value_name("路径")
                .required(true)
                .num_args(1..)
                .value_parser(clap::value_parser!(PathBuf))
                .help("文件、目录或 -；编码自动识别：UTF-8、UTF-16（带 BOM）、GBK/GB18030"),
        );
    output_args(cmd, true)
        .arg(
            Arg::new("summary")
                .long("summary")
                .action(ArgAction::SetTrue)
                .help("只输出汇总表（每份文件一行，末行合计）"),
        )
        .arg(
            choice(
                "preset",
                &PRESETS,
                "绩效自评表执行率评分规则：proportional（默认，比例计分）| deduct-per-point（每低一个百分点扣 k 分）| bands（分档）",
            )
            .conflicts_with("preset-file"),
        )
        .arg(
            Arg::new("k")
                .long("k")
                .value_name("K")
                .help("deduct-per-point 每低一个百分点所扣分数（默认 0.25）；须与 --preset deduct-per-point 同用"),
        )
        .arg(
            Arg::new("preset-file")
                .long("preset-file")
                .value_name("文件")
                .value_parser(clap::value_parser!(PathBuf))
                .help("从 JSON 文件读取评分规则（格式见 README）"),
        )
}

fn root() -> Command {
    command("juesuan")
        .version(concat!(
            env!("CARGO_PKG_VERSION"),
            "（决算校核计算器，报告格式 schema 2）"
        ))
        .about("决算校核计算器：精确重算部门决算公开说明和绩效自评表中的每个数字")
        .override_usage("juesuan <命令> [参数] [选项]")
        .help_template(ROOT_TEMPLATE)
        .after_help(
            "示例：
  juesuan check 决算公开/ --format text          校核目录中全部 .txt/.tsv/.csv，输出中文报告和汇总表
  juesuan check 说明.txt --format csv > 结果.csv  输出 Excel 可打开的表格
  juesuan calc variance 993.12 1497.60 --stated 50.80

运行“juesuan <命令> --help”查看各命令的用法。
退出码：0 没有需要报告的问题；1 发现不一致（见 --fail-on）；2 输入无法使用。",
        )
        .disable_help_subcommand(true)
        .subcommand_value_name("命令")
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("显示版本"),
        )
        .subcommand(calc_command())
        .subcommand(check_command("check"))
        .subcommand(check_command("score").about("同 check（旧名，保留以兼容脚本）"))
        .subcommand(
            Command::new("help")
                .about("显示帮助；juesuan help <命令> 显示该命令的帮助")
                .arg(Arg::new("命令").value_parser(["calc", "check", "score"])),
        )
}

/// Reads the command line (without the program name).
pub fn parse(args: Vec<OsString>) -> Action {
    let sub = args
        .iter()
        .find_map(|a| {
            a.to_str()
                .filter(|s| ["calc", "check", "score"].contains(s))
        })
        .unwrap_or("")
        .to_string();
    let mut cmd = root();
    let argv = std::iter::once(OsString::from("juesuan")).chain(args);
    let m = match cmd.try_get_matches_from_mut(argv) {
        Ok(m) => m,
        Err(e) => return say::from_clap(&e, &sub, &mut cmd),
    };
    let result = match m.subcommand() {
        Some(("calc", m)) => calc(m).map(Action::Calc),
        Some(("check" | "score", m)) => check(m).map(Action::Check),
        Some(("help", m)) => Ok(help(
            &mut cmd,
            m.get_one::<String>("命令").map(String::as_str),
        )),
        _ => Err(String::new()),
    };
    result.unwrap_or_else(|message| {
        let text = if message.is_empty() {
            // no command: the help, as a usage error
            cmd.render_help().to_string()
        } else {
            format!("{message}\n{}", say::hint(&sub))
        };
        Action::Say { text, error: true }
    })
}

fn help(cmd: &mut Command, sub: Option<&str>) -> Action {
    let text = match sub.and_then(|s| cmd.find_subcommand_mut(s)) {
        Some(sub) => sub.render_help().to_string(),
        None => cmd.render_help().to_string(),
    };
    Action::Say { text, error: false }
}

fn text(m: &ArgMatches, name: &str) -> Option<String> {
    m.get_one::<String>(name).cloned()
}

fn format(m: &ArgMatches) -> Format {
    match m.get_one::<String>("format").map(String::as_str) {
        Some("text") => Format::Text,
        Some("csv") => Format::Csv,
        _ => Format::Json,
    }
}

fn fail_on(m: &ArgMatches) -> FailOn {
    match m.get_one::<String>("fail-on").map(String::as_str) {
        Some("rounding") => FailOn::Rounding,
        Some("never") => FailOn::Never,
        _ => FailOn::Mismatch,
    }
}

fn calc(m: &ArgMatches) -> Result<CalcArgs, String> {
    let need = |name: &str| text(m, name).ok_or_else(|| format!("缺少参数：<{name}>"));
    Ok(CalcArgs {
        kind: need("类型")?,
        a: need("数1")?,
        b: need("数2")?,
        stated: text(m, "stated"),
        format: format(m),
        fail_on: fail_on(m),
    })
}

fn check(m: &ArgMatches) -> Result<CheckArgs, String> {
    let paths: Vec<PathBuf> = m
        .get_many::<PathBuf>("paths")
        .map(|p| p.cloned().collect())
        .unwrap_or_default();
    if paths.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        return Err("标准输入（-）只能给一次".to_string());
    }
    let preset = match (m.get_one::<PathBuf>("preset-file"), text(m, "preset")) {
        (Some(file), _) => {
            if file.as_os_str() == "-" && paths.iter().any(|p| p.as_os_str() == "-") {
                return Err("标准输入只能读一次：--preset-file - 不能与路径 - 同时使用".to_string());
            }
            if text(m, "k").is_some() {
                return Err("--k 不能与 --preset-file 同时使用：请把 k 写进规则文件".to_string());
            }
            PresetChoice::File(file.clone())
        }
        (None, name) => {
            let name = name.unwrap_or_else(|| "proportional".to_string());
            let k = text(m, "k");
            if k.is_some() && !PRESETS_WITH_K.contains(&name.as_str()) {
                let default = if m.contains_id("preset") && text(m, "preset").is_some() {
                    ""
                } else {
                    "（未给 --preset 时的默认规则）"
                };
                return Err(format!(
                    "--k 只用于 --preset deduct-per-point；评分规则 {name}{default}没有 k"
                ));
            }
            PresetChoice::Named { name, k }
        }
    };
    Ok(CheckArgs {
        paths,
        format: format(m),
        fail_on: fail_on(m),
        summary: m.get_flag("summary"),
        preset,
    })
}
