//! The command line for auditors: `juesuan calc`, `juesuan check PATH…` (files, folders, standard input in
//! any of the encodings Chinese offices save text in), output as JSON, a Chinese text report or CSV for
//! Excel. Exit status: 0 nothing to report, 1 mismatches found (`--fail-on`), 2 unusable input.

mod args;
mod batch;
mod csv;
mod input;
mod items;
mod say;
mod text;

use args::{Action, CalcArgs, CheckArgs, FailOn, Format, PresetChoice};
use input::Source;
use items::Tally;
use juesuan::{Preset, Review, Verdict};
use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;

pub fn main() -> ExitCode {
    // a panic is a bug: said in Chinese, with where, instead of the standard library's English
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!("（{}:{}）", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("内部错误，请报告此问题{at}");
    }));
    let code = match args::parse(std::env::args_os().skip(1).collect()) {
        Action::Say { text, error: true } => {
            eprint!("{}", with_newline(text));
            2
        }
        Action::Say { text, error: false } => {
            let mut out = Out::new();
            out.put(&with_newline(text));
            0
        }
        Action::Calc(a) => calc(&a),
        Action::Check(a) => check(&a),
    };
    ExitCode::from(code)
}

fn with_newline(mut text: String) -> String {
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

/// Standard output, buffered; a closed pipe (`| head`) ends the output quietly instead of panicking.
struct Out {
    w: std::io::BufWriter<std::io::Stdout>,
    closed: bool,
}

impl Out {
    fn new() -> Out {
        Out {
            w: std::io::BufWriter::new(std::io::stdout()),
            closed: false,
        }
    }

    fn put(&mut self, s: &str) {
        if !self.closed && (self.w.write_all(s.as_bytes()).is_err() || self.w.flush().is_err()) {
            self.closed = true;
        }
    }
}

fn fails(fail_on: FailOn, mismatch: bool, rounding: bool) -> bool {
    match fail_on {
        FailOn::Mismatch => mismatch,
        FailOn::Rounding => mismatch || rounding,
        FailOn::Never => false,
    }
}

fn calc(a: &CalcArgs) -> u8 {
    let report = match juesuan::calc::calculate(&a.kind, &a.a, &a.b, a.stated.as_deref()) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            return 2;
        }
    };
    let verdict = report.check.as_ref().map(|c| c.verdict);
    let out = match a.format {
        Format::Text => {
            let mut s = report.formula.clone();
            if let Some(c) = &report.check {
                let mark = items::Mark::Judged(c.verdict).title();
                s.push_str(&format!("\n{mark}：{}", c.message));
            }
            s
        }
        _ => serde_json::to_string(&report).unwrap_or_default(),
    };
    Out::new().put(&with_newline(out));
    let failed = fails(
        a.fail_on,
        verdict == Some(Verdict::Mismatch),
        verdict == Some(Verdict::Rounding),
    );
    u8::from(failed)
}

fn load_preset(choice: &PresetChoice) -> Result<Preset, String> {
    match choice {
        PresetChoice::Named { name, k } => {
            let k = juesuan::calc::parse_param("k", k.as_deref()).map_err(|e| e.to_string())?;
            Preset::named(name, k).map_err(|e| e.to_string())
        }
        PresetChoice::File(path) => {
            let text = Source::from_arg(path).read()?.text;
            Preset::from_json(&text).map_err(|e| e.to_string())
        }
    }
}

/// A review with where it came from: the review's own fields stay at the top level, so a consumer of one
/// report (`juesuan check FILE`) reads `claims` and `tables` as before.
#[derive(Serialize)]
struct Doc<'a> {
    file: String,
    encoding: &'static str,
    #[serde(flatten)]
    review: &'a Review,
}

/// One document, checked and rendered in its worker.
struct Done {
    out: String,
    encoding: &'static str,
    tally: Tally,
}

fn document(source: &Source, preset: &Preset, a: &CheckArgs) -> Result<Done, String> {
    let decoded = source.read()?;
    let review = juesuan::review(&decoded.text, preset);
    let items = items::items(&review, &decoded.text);
    let tally = Tally::of(&items);
    let encoding = decoded.encoding;
    let out = match (a.summary, a.format) {
        (true, _) => String::new(),
        (false, Format::Json) => {
            let doc = Doc {
                file: source.name(),
                encoding,
                review: &review,
            };
            serde_json::to_string(&doc).map_err(|_| "内部错误：报告无法序列化".to_string())? + "\n"
        }
        (false, Format::Text) => {
            let scored = (!review.tables.is_empty()).then(|| preset.title());
            text::document(&source.label(), encoding, scored.as_deref(), &items)
        }
        (false, Format::Csv) => csv::document(&source.label(), encoding, &items),
    };
    Ok(Done {
        out,
        encoding,
        tally,
    })
}

/// `--summary --format json`: one object.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SummaryReport {
    schema: u32,
    documents: Vec<SummaryRow>,
    total: SummaryTotal,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SummaryRow {
    file: String,
    encoding: Option<&'static str>,
    #[serde(flatten)]
    counts: Option<Tally>,
    error: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SummaryTotal {
    documents: usize,
    unusable: usize,
    #[serde(flatten)]
    counts: Tally,
}

fn check(a: &CheckArgs) -> u8 {
    let preset = match load_preset(&a.preset) {
        Ok(p) => p,
        Err(message) => {
            eprintln!("{message}");
            return 2;
        }
    };
    let sources = match batch::sources(&a.paths) {
        Ok(s) => s,
        Err(message) => {
            eprintln!("{message}");
            return 2;
        }
    };
    let mut out = Out::new();
    if a.format == Format::Csv {
        out.put(csv::BOM);
        out.put(if a.summary {
            csv::SUMMARY_HEADER
        } else {
            csv::HEADER
        });
    }
    let mut rows: Vec<text::Row> = Vec::with_capacity(sources.len());
    let mut summary_rows: Vec<SummaryRow> = Vec::with_capacity(sources.len());
    let mut total = Tally::default();
    batch::run(
        &sources,
        |source| document(source, &preset, a),
        |source, result| {
            let (encoding, tally, error) = match result.and_then(|r| r) {
                Ok(done) => {
                    out.put(&done.out);
                    total.add(&done.tally);
                    (Some(done.encoding), Some(done.tally), None)
                }
                Err(why) => {
                    eprintln!("{why}");
                    if !a.summary {
                        match a.format {
                            Format::Text => out.put(&text::unusable(&source.label(), &why)),
                            Format::Csv => out.put(&csv::unusable(&source.label(), &why)),
                            Format::Json => {}
                        }
                    }
                    (None, None, Some(why))
                }
            };
            rows.push(text::Row {
                name: source.label(),
                encoding,
                tally,
            });
            summary_rows.push(SummaryRow {
                file: source.name(),
                encoding,
                counts: tally,
                error,
            });
        },
    );
    let unusable = rows.iter().filter(|r| r.tally.is_none()).count();
    match (a.summary, a.format) {
        (true, Format::Json) => {
            let report = SummaryReport {
                schema: juesuan::report::SCHEMA,
                total: SummaryTotal {
                    documents: rows.len(),
                    unusable,
                    counts: total,
                },
                documents: summary_rows,
            };
            out.put(&(serde_json::to_string(&report).unwrap_or_default() + "\n"));
        }
        (true, Format::Csv) => {
            let errors: Vec<Option<String>> = summary_rows.into_iter().map(|r| r.error).collect();
            out.put(&csv::summary(&rows, &errors));
        }
        (true, Format::Text) => out.put(&text::summary(&rows)),
        (false, Format::Text) if rows.len() > 1 => out.put(&text::summary(&rows)),
        _ => {}
    }
    if unusable > 0 {
        2
    } else {
        u8::from(fails(a.fail_on, total.mismatch > 0, total.rounding > 0))
    }
}
