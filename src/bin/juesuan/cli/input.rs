//! Reading a document the way auditors' files come: saved by Chinese Windows/WPS as 文本文件 (GBK), by
//! Excel as Unicode 文本 (UTF-16LE with a BOM), or as UTF-8 — from a file or from standard input, decoded
//! by the same rule, and refused with a Chinese reason when the bytes are not text at all.

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// Where a document comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    /// From a command-line path: `-` is standard input.
    pub fn from_arg(path: &Path) -> Source {
        if path.as_os_str() == "-" {
            Source::Stdin
        } else {
            Source::File(path.to_path_buf())
        }
    }

    /// The name in JSON and CSV output: the path as given, `-` for standard input.
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "-".to_string(),
            Source::File(p) => p.to_string_lossy().into_owned(),
        }
    }

    /// The document in a sentence: 标准输入, 文件“a.txt”.
    pub fn who(&self) -> String {
        match self {
            Source::Stdin => "标准输入".to_string(),
            Source::File(_) => format!("文件“{}”", self.label()),
        }
    }

    /// The name in the text report.
    pub fn label(&self) -> String {
        match self {
            Source::Stdin => "标准输入".to_string(),
            Source::File(p) => visible(&p.to_string_lossy()),
        }
    }

    /// The whole document, decoded.
    pub fn read(&self) -> Result<Decoded, String> {
        let bytes = match self {
            Source::Stdin => {
                let mut b = Vec::new();
                io::stdin()
                    .read_to_end(&mut b)
                    .map_err(|e| format!("无法读取标准输入：{}", os_error(&e)))?;
                b
            }
            Source::File(p) => {
                std::fs::read(p).map_err(|e| format!("无法读取{}：{}", self.who(), os_error(&e)))?
            }
        };
        decode(&bytes).map_err(|why| format!("{}{why}", self.who()))
    }
}

/// A document's text and the encoding it was read in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// `UTF-8`, `UTF-16LE`, `UTF-16BE` or `GB18030` (which reads GBK and GB2312 too).
    pub encoding: &'static str,
}

const BINARY: &str =
    "不是文本文件（含有 NUL 等控制字符）；若是不带 BOM 的 UTF-16 文本，请另存为 UTF-8 后再校核";

/// Decodes a document: a BOM decides (UTF-8, UTF-16LE, UTF-16BE); without one, strict UTF-8, else
/// GB18030. Never replaces a byte silently: text that does not decode is refused, so a figure can never be
/// read from a garbled byte. The error is the rest of a sentence after the document's name.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    if let Some(kind) = container(bytes) {
        return Err(format!(
            "是{kind}，不是文本文件：请另存为“文本文件(*.txt)”或“Unicode 文本”后再校核"
        ));
    }
    let bom = Encoding::for_bom(bytes);
    if bom.is_none() && bytes.contains(&0) {
        return Err(BINARY.to_string());
    }
    let (encoding, body): (&'static Encoding, &[u8]) = match bom {
        Some((enc, bom)) => (enc, bytes.get(bom..).unwrap_or_default()),
        None if std::str::from_utf8(bytes).is_ok() => (UTF_8, bytes),
        None => (GB18030, bytes),
    };
    let name = if encoding == UTF_16LE {
        "UTF-16LE"
    } else if encoding == UTF_16BE {
        "UTF-16BE"
    } else if encoding == GB18030 {
        "GB18030"
    } else {
        "UTF-8"
    };
    let text = encoding
        .decode_without_bom_handling_and_without_replacement(body)
        .ok_or_else(|| {
            if encoding == GB18030 {
                "不是文本文件，或编码无法识别（既不是 UTF-8，也不是 GBK/GB18030）：请另存为 UTF-8 文本后再校核"
                    .to_string()
            } else {
                format!("不是有效的 {name} 文本（有残缺的字符）：请重新保存后再校核")
            }
        })?
        .into_owned();
    if looks_binary(&text) {
        return Err(BINARY.to_string());
    }
    Ok(Decoded {
        text,
        encoding: name,
    })
}

/// A file format that is not text although users often pass it: named, so the message says what to do.
fn container(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some(" PDF 文件（请在 PDF 阅读器中全选复制文字）")
    } else if bytes.starts_with(b"PK\x03\x04") {
        Some("压缩格式的文档（如 Word .docx、Excel .xlsx、WPS）")
    } else if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        Some("旧版 Office 文档（如 .doc、.xls、.wps、.et）")
    } else {
        None
    }
}

/// Binary data that happens to decode: any NUL (a text file never has one; UTF-16 without a BOM has many),
/// or control characters beyond one in a hundred. Stray ones (a DOS end-of-file mark, a form feed) are text.
fn looks_binary(text: &str) -> bool {
    let mut chars = 0usize;
    let mut controls = 0usize;
    for c in text.chars() {
        if c == '\0' {
            return true;
        }
        chars += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c') {
            controls += 1;
        }
    }
    controls > 0 && controls.saturating_mul(100) > chars
}

/// An operating-system error in Chinese (the standard library's text is English).
pub fn os_error(e: &io::Error) -> String {
    use io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "文件或目录不存在".to_string(),
        K::PermissionDenied => "没有读取权限".to_string(),
        K::IsADirectory => "这是目录，不是文件".to_string(),
        K::NotADirectory => "路径中有一段不是目录".to_string(),
        K::OutOfMemory => "文件过大，内存不足".to_string(),
        K::InvalidData => "数据无法读取".to_string(),
        K::Interrupted => "读取被中断".to_string(),
        _ => match e.raw_os_error() {
            Some(code) => format!("读取失败（系统错误码 {code}）"),
            None => "读取失败".to_string(),
        },
    }
}

/// Text as a message or the text report shows it: control characters (escape sequences, NUL) made
/// visible as \u{…}, so a document's text can never drive the terminal.
pub fn visible(text: &str) -> String {
    if !text.chars().any(char::is_control) {
        return text.to_string();
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_encoding_reads_the_same_text() {
        let text = "本年支出 10.00 万元，其中：基本支出 6.00 万元。";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let mut be = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend(text.as_bytes());
        for (bytes, name) in [
            (text.as_bytes().to_vec(), "UTF-8"),
            (bom, "UTF-8"),
            (gbk.into_owned(), "GB18030"),
            (le, "UTF-16LE"),
            (be, "UTF-16BE"),
        ] {
            assert_eq!(
                decode(&bytes),
                Ok(Decoded {
                    text: text.to_string(),
                    encoding: name
                })
            );
        }
    }

    #[test]
    fn binary_and_broken_text_are_refused() {
        for bytes in [
            &b"ab\0cd"[..],
            b"%PDF-1.7 ...",
            b"PK\x03\x04....",
            b"\x01\x02\x03 10.00",
            b"\xFF\xFE\x00\xD8", // UTF-16LE: an unpaired surrogate
            b"\x80\xFF\xFE\x81", // neither UTF-8 nor GB18030
        ] {
            assert!(decode(bytes).is_err(), "{bytes:?}");
        }
        assert!(decode(b"a\x1a").is_err(), "half of it control characters");
        let long = format!("{}\x1a", "十".repeat(200));
        assert!(
            decode(long.as_bytes()).is_ok(),
            "a stray end-of-file mark is text"
        );
    }
}
