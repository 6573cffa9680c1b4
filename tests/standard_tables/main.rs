//! `juesuan::standard`: the nine standard 部门决算 tables and their 表内 / 表间 / 表文 rules.
//!
//! - `keyed`: the real tables-dev set against its answer keys (reproduced checks, no false 错误, one paste
//!   or table by table).
//! - `rules`: a table-driven test per rule on a small consistent synthetic set, each case breaking one
//!   figure.
//! - `excel`: Excel copies of another shape (T6 halves side by side, a 合计 row beside the code header).
//! - `layouts`: the same table as PDF text (codes joined or split, wrapped names, blanks dropped), Excel
//!   TSV, web copies (one cell per line, "|" cells), with 行次/栏次 columns, and empty with its note.

mod excel;
mod keyed;
mod layouts;
mod rules;
mod sangong;
mod sangong_links;
mod set;
