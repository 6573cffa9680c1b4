//! The command line: `juesuan calc <kind> <a> <b> [--stated X]`. Prints one JSON object (report schema 1);
//! exits 0 on a computed or not-computable result, 2 on unusable input with the message on stderr.

use std::process::ExitCode;

const USAGE: &str = "用法：
  juesuan calc <kind> <a> <b> [--stated X]
  juesuan check FILE… (- 为标准输入；多个文件时每行一份报告，并行校核)
  juesuan score FILE [--preset NAME [--k K] | --preset-file P.json]
      NAME: proportional (默认) | deduct-per-point (k 默认 0.25) | bands; FILE 为 - 时读标准输入
      kind: variance (预算 决算) | completion (预算 决算) | growth (本年 上年) | share (部分 总数) | execution (预算 执行数)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<String, String> {
    match args.first().map(String::as_str) {
        Some("calc") => calc(&args[1..]),
        Some("score") => score(&args[1..]),
        Some("check") => check(&args[1..]),
        Some("-h" | "--help") | None => Err(USAGE.to_string()),
        Some(other) => Err(format!("未知的命令：“{other}”\n{USAGE}")),
    }
}

/// Positional arguments and `(name, value)` options.
type Args<'a> = (Vec<&'a str>, Vec<(String, &'a str)>);

/// Splits `--name value` options from positional arguments; values may start with `-` (`--stated -2.80`).
fn split_options<'a>(args: &'a [String], names: &[&str]) -> Result<Args<'a>, String> {
    let mut positional = Vec::new();
    let mut options = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        if let Some(name) = arg.strip_prefix("--") {
            if !names.contains(&name) {
                return Err(format!("未知的选项：“{arg}”\n{USAGE}"));
            }
            let value = it.next().ok_or_else(|| format!("选项 {arg} 缺少取值"))?;
            options.push((name.to_string(), value.as_str()));
        } else {
            positional.push(arg.as_str());
        }
    }
    Ok((positional, options))
}

fn calc(args: &[String]) -> Result<String, String> {
    let (positional, options) = split_options(args, &["stated"])?;
    let [kind, a, b] = positional[..] else {
        return Err(format!("calc 需要三个参数：类型、两个数\n{USAGE}"));
    };
    let stated = options.iter().find(|(n, _)| n == "stated").map(|(_, v)| *v);
    let report = juesuan::calc::calculate(kind, a, b, stated).map_err(|e| e.to_string())?;
    serde_json::to_string(&report).map_err(|e| e.to_string())
}

fn read_input(path: &str) -> Result<String, String> {
    if path == "-" {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
            .map_err(|e| format!("无法读取标准输入：{e}"))?;
        Ok(s)
    } else {
        let bytes = std::fs::read(path).map_err(|e| format!("无法读取文件“{path}”：{e}"))?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }
}

fn score(args: &[String]) -> Result<String, String> {
    let (positional, options) = split_options(args, &["preset", "preset-file", "k"])?;
    let [path] = positional[..] else {
        return Err(format!("score 需要一个文件参数\n{USAGE}"));
    };
    let option = |name: &str| options.iter().find(|(n, _)| n == name).map(|(_, v)| *v);
    let preset = match option("preset-file") {
        Some(file) => juesuan::Preset::from_json(&read_input(file)?).map_err(|e| e.to_string())?,
        None => {
            let k = juesuan::calc::parse_param("k", option("k")).map_err(|e| e.to_string())?;
            juesuan::Preset::named(option("preset").unwrap_or("proportional"), k)
                .map_err(|e| e.to_string())?
        }
    };
    let report = juesuan::review(&read_input(path)?, &preset);
    serde_json::to_string(&report).map_err(|e| e.to_string())
}

/// `juesuan check FILE…`: one JSON report per file, one per line, in the order given; files are checked in
/// parallel on all cores.
fn check(args: &[String]) -> Result<String, String> {
    if args.is_empty() {
        return Err(format!("check 需要至少一个文件\n{USAGE}"));
    }
    let texts: Vec<String> = args
        .iter()
        .map(|p| read_input(p))
        .collect::<Result<_, _>>()?;
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(texts.len())
        .max(1);
    let chunk = texts.len().div_ceil(workers);
    let reports: Vec<Result<String, String>> = std::thread::scope(|scope| {
        let handles: Vec<_> = texts
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|t| {
                            serde_json::to_string(&juesuan::review(
                                t,
                                &juesuan::Preset::proportional(),
                            ))
                            .map_err(|e| e.to_string())
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join()
                    .unwrap_or_else(|_| vec![Err("校核线程异常退出".to_string())])
            })
            .collect()
    });
    Ok(reports
        .into_iter()
        .collect::<Result<Vec<_>, _>>()?
        .join("\n"))
}
