//! Every template and every form a 绩效自评表 arrives in (the issue "read any template, and never score
//! what was not read"): the 四川 layout copied from a web page, a blank 执行率 in PDF text, a table pasted
//! as one long line, Excel's quoted cells, web copies with `|` or one cell per line, 分值 before the
//! target, no 分值 column at all, and the blocks that could not be read. Each case names a synthetic
//! fixture in tests/fixtures/tables/, a preset, a path into the report and the exact string expected.

mod table_cases;

use table_cases::{lookup, report};

/// (fixture, preset, path, expected)
const CASES: &[(&str, &str, &str, &str)] = &[
    // the failure shapes (synthetic): a 四川 table copied from a web page with tabs, row-spanning
    // cells left out below; 调整后预算数 as 全年预算数, 权重 as 分值, 指标性质/指标值/度量单位 joined
    ("issue_sichuan_web.tsv", "", "len:/tables", "1"),
    (
        "issue_sichuan_web.tsv",
        "",
        "/tables/0/execution/budget",
        "24.00",
    ),
    (
        "issue_sichuan_web.tsv",
        "",
        "/tables/0/execution/weight",
        "10",
    ),
    (
        "issue_sichuan_web.tsv",
        "",
        "/tables/0/execution/score",
        "9.50",
    ),
    (
        "issue_sichuan_web.tsv",
        "",
        "/tables/0/indicators/0/target",
        "≥200人次",
    ),
    (
        "issue_sichuan_web.tsv",
        "",
        "/tables/0/indicators/1/level2",
        "质量指标",
    ),
    (
        "issue_sichuan_web.tsv",
        "",
        "/tables/0/indicators/3/level1",
        "成本指标",
    ),
    (
        "issue_sichuan_web.tsv",
        "",
        "/tables/0/indicators/4/target",
        "有效提升",
    ),
    ("issue_sichuan_web.tsv", "", "/tables/0/weightsTotal", "100"),
    ("issue_sichuan_web.tsv", "", "/tables/0/total", "96.94"),
    // a blank 得分 is computed and shown, never a ✗
    (
        "issue_sichuan_web.tsv",
        "",
        "/tables/0/indicators/2/score",
        "10.00",
    ),
    (
        "issue_sichuan_web.tsv",
        "",
        "findings:indicator_score",
        "not_computable,mismatch",
    ),
    // PDF text with a blank 执行率 and targets without a comparator: no 10% read from the 分值 beside it
    (
        "issue_blank_rate.txt",
        "",
        "/tables/0/execution/statedRate",
        "null",
    ),
    ("issue_blank_rate.txt", "", "claims:execution", ""),
    (
        "issue_blank_rate.txt",
        "",
        "/tables/0/execution/rate",
        "100.00",
    ),
    ("issue_blank_rate.txt", "", "len:/tables/0/indicators", "5"),
    (
        "issue_blank_rate.txt",
        "",
        "/tables/0/indicators/1/reason",
        "部分活动因天气取消",
    ),
    ("issue_blank_rate.txt", "", "/tables/0/total", "96.00"),
    ("issue_blank_rate.txt", "", "findings:grade", ""),
    // never score what was not read
    (
        "issue_rows_not_read.txt",
        "",
        "finding:not_read/message",
        "未能读出绩效指标行，未计算总分",
    ),
    ("issue_rows_not_read.txt", "", "/tables/0/total", "null"),
    ("issue_rows_not_read.txt", "", "/tables/0/grade", "null"),
    (
        "issue_rows_not_read.txt",
        "",
        "findings:stated_total",
        "not_computable",
    ),
    (
        "partial_rows.txt",
        "",
        "finding:not_read/message",
        "绩效指标行未能全部读出，未计算总分和分值合计",
    ),
    ("partial_rows.txt", "", "/tables/0/total", "null"),
    ("partial_rows.txt", "", "/tables/0/weightsTotal", "null"),
    (
        "rows_only.tsv",
        "",
        "finding:not_read/message",
        "未能读出资金（预算执行情况）部分，未计算执行率得分和总分",
    ),
    ("rows_only.tsv", "", "/tables/0/total", "null"),
    // PDF text pasted as one long line: a reason stays out of the next name
    (
        "issue_long_line.txt",
        "",
        "/tables/0/indicators/0/reason",
        "部分学员未到",
    ),
    (
        "issue_long_line.txt",
        "",
        "/tables/0/indicators/1/indicator",
        "宣传资料份数",
    ),
    (
        "issue_long_line.txt",
        "",
        "/tables/0/indicators/4/indicator",
        "学员满意度",
    ),
    ("issue_long_line.txt", "", "/tables/0/total", "92.00"),
    // Excel's clipboard: quoted cells with Alt+Enter breaks and doubled quotes stay one cell
    (
        "issue_excel_quoted.tsv",
        "",
        "/tables/0/name",
        "示例\"惠民\"服务项目",
    ),
    (
        "issue_excel_quoted.tsv",
        "",
        "/tables/0/indicators/1/indicator",
        "举办\"惠民\"讲座场次",
    ),
    (
        "issue_excel_quoted.tsv",
        "",
        "/tables/0/indicators/1/row",
        "10",
    ),
    (
        "issue_excel_quoted.tsv",
        "",
        "/tables/0/indicators/3/reason",
        "部分乡镇网点尚未覆盖，\"下一步\"补齐",
    ),
    (
        "issue_excel_quoted.tsv",
        "",
        "/tables/0/weightsTotal",
        "100",
    ),
    ("issue_excel_quoted.tsv", "", "finding:stated_total", "ok"),
    ("issue_excel_quoted.tsv", "", "/tables/0/total", "99.50"),
    // a web copy with | between cells
    (
        "web_bars.txt",
        "",
        "/tables/0/indicators/1/level1",
        "产出指标",
    ),
    (
        "web_bars.txt",
        "",
        "/tables/0/indicators/1/reason",
        "部分事件跨部门",
    ),
    ("web_bars.txt", "", "/tables/0/statedTotal", "97.5"),
    // 分值 before the target (衔接资金 / 安徽 layout), as PDF text and as Excel cells
    ("weight_first.txt", "", "len:/tables/0/indicators", "5"),
    (
        "weight_first.txt",
        "",
        "/tables/0/indicators/0/weight",
        "30",
    ),
    (
        "weight_first.txt",
        "",
        "/tables/0/indicators/0/level1",
        "产出指标",
    ),
    (
        "weight_first.txt",
        "",
        "/tables/0/indicators/0/reason",
        "部分农户退出",
    ),
    (
        "weight_first.txt",
        "",
        "/tables/0/indicators/3/target",
        "30户",
    ),
    (
        "weight_first.txt",
        "",
        "/tables/0/name",
        "示例特色种植补贴项目",
    ),
    ("weight_first.txt", "", "/tables/0/total", "98.00"),
    (
        "weight_first.tsv",
        "",
        "/tables/0/indicators/0/score",
        "28.50",
    ),
    ("weight_first.tsv", "", "/tables/0/total", "98.00"),
    // no 分值 column (湖北 部门整体): rows read, none scored, no total and no ✗ for it; 分值 of the 执行率 from
    // the caption (20分)
    ("no_weight.txt", "", "/tables/0/kind", "department"),
    ("no_weight.txt", "", "/tables/0/execution/weight", "20"),
    ("no_weight.txt", "", "/tables/0/execution/score", "19.00"),
    ("no_weight.txt", "", "len:/tables/0/indicators", "4"),
    (
        "no_weight.txt",
        "",
        "/tables/0/indicators/3/level2",
        "群众满意度指标",
    ),
    (
        "no_weight.txt",
        "",
        "/tables/0/indicators/3/statedScore",
        "30",
    ),
    ("no_weight.txt", "", "/tables/0/total", "null"),
    ("no_weight.txt", "", "/tables/0/weightsTotal", "null"),
    ("no_weight.txt", "", "finding:stated_total", "ok"),
    ("no_weight.txt", "", "findings:weights_total", ""),
    // a web copy with one cell per line
    ("web_cell_per_line.txt", "", "len:/tables/0/indicators", "4"),
    (
        "web_cell_per_line.txt",
        "",
        "/tables/0/indicators/1/reason",
        "部分事件跨部门",
    ),
    ("web_cell_per_line.txt", "", "/tables/0/statedTotal", "97.5"),
    // comparators written in words: 3天以内 is a ceiling, 不少于12种 a floor
    (
        "words_comparator.tsv",
        "",
        "/tables/0/indicators/0/message",
        "目标 ≤3 天，完成 2 天，已达成目标，应得满分 10.00 分，表中填 10 分，一致",
    ),
    (
        "words_comparator.tsv",
        "",
        "/tables/0/indicators/1/score",
        "15.00",
    ),
];

#[test]
fn template_and_form_cases() {
    let mut failures = Vec::new();
    let mut cache: std::collections::HashMap<(&str, &str), serde_json::Value> = Default::default();
    for &(file, preset_name, path, want) in CASES {
        let r = cache
            .entry((file, preset_name))
            .or_insert_with(|| report(file, preset_name));
        let got = lookup(r, path);
        if got != want {
            failures.push(format!(
                "{file} [{preset_name}] {path}: got “{got}”, want “{want}”"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}
