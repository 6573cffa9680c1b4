//! Many documents at once: paths and folders expanded to documents, checked on all cores, results handed
//! back in the order given, with a progress bar on a terminal when the run takes more than a second.

use super::input::{os_error, visible, Source};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The extensions a folder is searched for. Only text: the corpus keeps its answer keys (.json) beside
/// the texts, and a folder of disclosures often holds the PDFs and spreadsheets they came from.
const EXTENSIONS: [&str; 3] = ["txt", "tsv", "csv"];

/// The documents named on the command line: files as given (any extension), folders searched
/// recursively for .txt/.tsv/.csv in name order, `-` for standard input.
pub fn sources(paths: &[PathBuf]) -> Result<Vec<Source>, String> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Source::Stdin);
            continue;
        }
        let shown = visible(&p.to_string_lossy());
        let meta = std::fs::metadata(p).map_err(|e| format!("“{shown}”：{}", os_error(&e)))?;
        if meta.is_dir() {
            let before = out.len();
            walk(p, &mut out)?;
            if out.len() == before {
                return Err(format!("目录“{shown}”中没有 .txt、.tsv 或 .csv 文件"));
            }
        } else {
            out.push(Source::File(p.clone()));
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<Source>) -> Result<(), String> {
    let shown = || visible(&dir.to_string_lossy());
    let entries = std::fs::read_dir(dir)
        .map_err(|e| format!("无法读取目录“{}”：{}", shown(), os_error(&e)))?;
    let mut entries: Vec<_> = entries
        .collect::<Result<_, _>>()
        .map_err(|e| format!("无法读取目录“{}”：{}", shown(), os_error(&e)))?;
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for entry in entries {
        let path = entry.path();
        let name = entry.file_name();
        // hidden entries (.git, editors' backups) are not documents
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        // a symlink is followed to a file but never to a folder, so a link loop cannot recurse forever
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            walk(&path, out)?;
            continue;
        }
        let is_file = kind.is_file() || std::fs::metadata(&path).is_ok_and(|m| m.is_file());
        let wanted = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
        if is_file && wanted {
            out.push(Source::File(path));
        }
    }
    Ok(())
}

/// Runs `work` on every source on all cores and hands each result to `emit` in the sources' order. A
/// panic in `work` (a bug) costs only its own document, reported as an internal error.
pub fn run<T: Send>(
    sources: &[Source],
    work: impl Fn(&Source) -> T + Sync,
    mut emit: impl FnMut(&Source, Result<T, String>),
) {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(sources.len())
        .max(1);
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::channel::<(usize, Result<T, String>)>();
    let bar = ProgressBar::with_draw_target(
        Some(u64::try_from(sources.len()).unwrap_or(u64::MAX)),
        ProgressDrawTarget::hidden(),
    );
    if let Ok(style) = ProgressStyle::with_template("{wide_bar} {pos}/{len} 份 已用 {elapsed}") {
        bar.set_style(style);
    }
    let started = Instant::now();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let tx = tx.clone();
            let (next, work) = (&next, &work);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(source) = sources.get(i) else { break };
                let result =
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(source)))
                        .map_err(|_| {
                            format!("内部错误：校核{}时程序出错，请报告此问题", source.who())
                        });
                if tx.send((i, result)).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        let mut pending: std::collections::BTreeMap<usize, Result<T, String>> =
            std::collections::BTreeMap::new();
        let mut emitted = 0;
        let mut shown = false;
        while emitted < sources.len() {
            match rx.recv_timeout(Duration::from_millis(100)) {
                Ok((i, r)) => {
                    pending.insert(i, r);
                    bar.inc(1);
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
            // quiet for short runs and when stderr is a file or a pipe
            if !shown
                && started.elapsed() > Duration::from_secs(1)
                && std::io::stderr().is_terminal()
            {
                bar.set_draw_target(ProgressDrawTarget::stderr());
                shown = true;
            }
            while let Some(r) = pending.remove(&emitted) {
                if let Some(source) = sources.get(emitted) {
                    bar.suspend(|| emit(source, r));
                }
                emitted += 1;
            }
        }
        // every worker gone before its result arrived: still one line per document, in order
        for i in emitted..sources.len() {
            if let Some(source) = sources.get(i) {
                let r = pending.remove(&i).unwrap_or_else(|| {
                    Err(format!("内部错误：{}未能校核，请报告此问题", source.who()))
                });
                bar.suspend(|| emit(source, r));
            }
        }
        bar.finish_and_clear();
    });
}
