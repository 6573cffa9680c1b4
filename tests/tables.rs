//! Reading and scoring small tables: each comparator met and unmet, qualitative bands, weights, funds,
//! 执行率 edge cases, malformed cells, merged cells, split and several pastes, PDF text. Each case names a
//! fixture in tests/fixtures/tables/, a preset, a JSON pointer into the report and the exact string expected.

mod table_cases;

use juesuan::document::{Document, Table};
use juesuan::review as score_text;
use juesuan::scoring::preset::Preset;
use rust_decimal::Decimal;
use serde_json::Value;
use table_cases::{lookup, report};

fn read_tables(text: &str) -> Vec<Table> {
    Document::read(text).tables
}

const I0: &str = "/tables/0/indicators/0";

/// (fixture, preset, path, expected)
const CASES: &[(&str, &str, &str, &str)] = &[
    // ≥ met / unmet
    ("ge_met.tsv", "", "/tables/0/indicators/0/score", "6.00"),
    ("ge_met.tsv", "", "/tables/0/indicators/0/verdict", "ok"),
    ("ge_unmet.tsv", "", "/tables/0/indicators/0/score", "3.00"),
    ("ge_unmet.tsv", "", "/tables/0/indicators/0/verdict", "ok"),
    ("ge_unmet_mismatch.tsv", "", "/tables/0/indicators/0/message", "目标 ≥1 次，完成 0 次，按比例应得 0.00 分，表中填 6 分，不一致"),
    ("ge_unmet_mismatch.tsv", "", "finding:indicator_score/row", "9"),
    ("ge_unmet_mismatch.tsv", "", "/tables/0/total", "94.00"),
    // > met, and > t with E = t: w × E / t is still w
    ("gt_met.tsv", "", "/tables/0/indicators/0/score", "10.00"),
    ("gt_equal.tsv", "", "/tables/0/indicators/0/score", "10.00"),
    // ≤ met, over the ceiling, at and beyond 2t
    ("le_met.tsv", "", "/tables/0/indicators/0/score", "5.00"),
    ("le_over.tsv", "", "/tables/0/indicators/0/message", "目标 ≤10 万元，完成 12 万元，超出上限，按比例应得 4.00 分，表中填 4 分，一致"),
    ("le_at_2t.tsv", "", "/tables/0/indicators/0/score", "0.00"),
    ("le_at_2t.tsv", "", "/tables/0/indicators/0/verdict", "mismatch"),
    ("le_beyond_2t.tsv", "", "/tables/0/indicators/0/message", "目标 ≤10 万元，完成 25 万元，达到上限的 2 倍及以上，应得 0.00 分，表中填 0 分，一致"),
    ("lt_met.tsv", "", "/tables/0/indicators/0/score", "8.00"),
    // = with t = 0, = as ≥, over-achievement a warning
    ("eq_zero_met.tsv", "", "/tables/0/indicators/0/score", "10.00"),
    ("eq_zero_unmet.tsv", "", "/tables/0/indicators/0/message", "目标 =0 起，完成 2 起，目标为 0 而实际大于 0，应得 0.00 分，表中填 10 分，不一致"),
    ("eq_over.tsv", "", "/tables/0/indicators/0/score", "10.00"),
    ("eq_over.tsv", "", "finding:over_achievement/message", "第 9 行“测试指标”：目标 =100%，完成 105%，超额完成，不扣分，仅作提示"),
    ("eq_ratio.tsv", "", "/tables/0/indicators/0/score", "14.89"),
    ("eq_ratio.tsv", "", "/tables/0/indicators/0/verdict", "ok"),
    // within rounding; cannot be scored
    ("rounding.tsv", "", "/tables/0/indicators/0/verdict", "rounding"),
    ("rounding.tsv", "", "/tables/0/indicators/0/score", "6.67"),
    ("ge_zero_target.tsv", "", "/tables/0/indicators/0/verdict", "not_computable"),
    ("ge_zero_target.tsv", "", "/tables/0/indicators/0/score", "null"),
    ("ge_zero_target.tsv", "", "/tables/0/total", "null"),
    ("missing_actual.tsv", "", "/tables/0/indicators/0/verdict", "not_computable"),
    // qualitative bands
    ("qual_achieved.tsv", "", "/tables/0/indicators/0/score", "20.00"),
    ("qual_band_violation.tsv", "", "/tables/0/indicators/0/message", "定性指标：目标“提高”，完成“提高”，判为达成，应得分值的 80%–100%（16.00–20.00 分），表中填 10 分，不在该档次范围内"),
    ("qual_band_violation.tsv", "", "/tables/0/indicators/0/score", "20.00"),
    ("qual_partly.tsv", "", "/tables/0/indicators/0/verdict", "ok"),
    ("qual_partly.tsv", "", "/tables/0/indicators/0/score", "14.00"),
    ("qual_partly_violation.tsv", "", "/tables/0/indicators/0/verdict", "mismatch"),
    ("qual_partly_violation.tsv", "", "/tables/0/indicators/0/score", "16.00"),
    ("qual_not_achieved.tsv", "", "/tables/0/indicators/0/verdict", "ok"),
    ("qual_not_achieved.tsv", "", "/tables/0/indicators/0/score", "5.00"),
    // a stated score above its weight
    ("score_over_weight.tsv", "", "finding:score_over_weight/message", "第 9 行“测试指标”得分 6 分超过分值 5 分"),
    // weights
    ("weights_not_100.tsv", "", "/tables/0/weightsTotal", "90"),
    ("weights_not_100.tsv", "", "finding:weights_total/message", "分值合计（含执行率）90，应为 100"),
    ("weights_not_100.tsv", "", "finding:stated_weights_total", "mismatch"),
    ("ge_met.tsv", "", "finding:weights_total", "ok"),
    // 执行率 above 100%, allowed by a preset; zero budget; a stated rate that does not hold
    ("execution_over_100.tsv", "", "finding:execution_over_100/message", "执行率 120.00% 超过 100%：全年执行数大于全年预算数，请核对"),
    ("execution_over_100.tsv", "", "/tables/0/execution/score", "10.00"),
    ("execution_over_100.tsv", "allow", "findings:execution_over_100", ""),
    ("zero_budget.tsv", "", "/tables/0/execution/rate", "null"),
    ("zero_budget.tsv", "", "/tables/0/execution/verdict", "not_computable"),
    ("zero_budget.tsv", "", "/tables/0/execution/message", "全年预算数为 0，执行率无法计算"),
    ("execution_rate_mismatch.tsv", "", "/tables/0/execution/verdict", "mismatch"),
    ("execution_rate_mismatch.tsv", "", "/tables/0/execution/rate", "94.79"),
    ("execution_rate_mismatch.tsv", "deduct", "/tables/0/execution/score", "8.70"),
    // presets from JSON: a full-marks threshold, bands
    ("threshold.tsv", "threshold", "/tables/0/execution/score", "10.00"),
    ("threshold.tsv", "deduct", "/tables/0/execution/score", "9.97"),
    ("threshold.tsv", "threshold", "/preset/fullMarksAt", "99.5"),
    ("bands.tsv", "bands", "/tables/0/execution/score", "7.00"),
    ("bands.tsv", "", "/tables/0/execution/score", "8.50"),
    // totals and funds
    ("stated_total_mismatch.tsv", "", "finding:stated_total/message", "总分与各项得分之和：填报 95 分，重算 100 分，相差 5 分，超出允许范围 98.50 分 ~ 101.50 分"),
    ("stated_total_mismatch.tsv", "", "/tables/0/statedGrade", "优"),
    ("funds_sum_mismatch.tsv", "", "claims:sum", "mismatch,mismatch,ok"),
    ("department.tsv", "", "/tables/0/kind", "department"),
    ("department.tsv", "", "claims:sum", "ok,mismatch,ok"),
    ("department.tsv", "", "/tables/0/execution/budget", "31.00"),
    ("department.tsv", "", "/tables/0/execution/rate", "96.77"),
    // a malformed cell: the row is reported, the others scored
    ("malformed_cell.tsv", "", "/tables/0/problems/0/message", "第 9 行“分值”无法识别：“1O”不是数字（数字后有多余的字符“O”）"),
    ("malformed_cell.tsv", "", "/tables/0/problems/0/span", "[247,249]"),
    ("malformed_cell.tsv", "", "/tables/0/indicators/0/verdict", "not_computable"),
    ("malformed_cell.tsv", "", "/tables/0/indicators/1/score", "20.00"),
    ("malformed_cell.tsv", "", "/tables/0/indicators/2/score", "40.00"),
    ("pdf_malformed.txt", "", "/tables/0/problems/0/message", "第 4 行“分值”无法识别：“1O”不是数字，该行未计分"),
    ("pdf_malformed.txt", "", "len:/tables/0/problems", "1"),
    ("pdf_malformed.txt", "", "findings:not_read", "not_computable,not_computable"),
    ("pdf_malformed.txt", "", "finding:not_read/message", "绩效指标行未能全部读出，未计算总分和分值合计"),
    ("pdf_malformed.txt", "", "/tables/0/total", "null"),
    ("pdf_malformed.txt", "", "/tables/0/indicators/0/indicator", "乙"),
    // merged cells carry the level names down
    ("merged_cells.tsv", "", "/tables/0/indicators/1/level2", "数量指标"),
    ("merged_cells.tsv", "", "/tables/0/indicators/2/level1", "产出指标"),
    ("merged_cells.tsv", "", "/tables/0/indicators/4/level2", "社会效益指标"),
    ("merged_cells.tsv", "", "/tables/0/total", "100.00"),
    // a table in two pastes; several tables in one paste; rows without title or funds
    ("split_header.tsv", "", "len:/tables", "1"),
    ("split_header.tsv", "", "len:/tables/0/indicators", "2"),
    ("split_header.tsv", "", "/tables/0/total", "100.00"),
    ("second_paste.tsv", "", "len:/tables", "1"),
    ("second_paste.tsv", "", "/tables/0/indicators/1/indicator", "乙"),
    ("second_paste.tsv", "", "finding:stated_total", "ok"),
    ("several_tables.tsv", "", "len:/tables", "2"),
    ("several_tables.tsv", "", "/tables/1/name", "表二"),
    ("several_tables.tsv", "", "/tables/1/total", "50.00"),
    ("several_tables.tsv", "", "/tables/1/grade", "差"),
    ("rows_only.tsv", "", "/tables/0/indicators/0/score", "6.00"),
    // PDF text: broken cells, a name broken around its values, 总分 10⏎0
    ("pdf_broken.txt", "", "/tables/0/execution/statedScore", "8.70"),
    ("pdf_broken.txt", "", "/tables/0/indicators/0/actual", "=61.99 万条"),
    ("pdf_broken.txt", "", "/tables/0/indicators/0/reason", "短信发送较少 3 条"),
    ("pdf_broken.txt", "", "/tables/0/indicators/1/level2", "经济成本指标"),
    ("pdf_broken.txt", "", "/tables/0/indicators/1/score", "8.00"),
    ("pdf_broken.txt", "", "/tables/0/indicators/2/indicator", "努力使全村稳定和谐，经济和社会协调发展"),
    ("pdf_broken.txt", "", "/tables/0/indicators/2/level2", "社会效益指标"),
    ("pdf_broken.txt", "", "/tables/0/statedWeightsTotal", "100"),
    ("pdf_broken.txt", "", "/tables/0/statedTotal", "98.7"),
];

#[test]
fn table_cases() {
    let mut failures = Vec::new();
    let mut cache: std::collections::HashMap<(&str, &str), Value> = Default::default();
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
    let files: std::collections::HashSet<&str> = CASES.iter().map(|c| c.0).collect();
    assert!(files.len() >= 30, "only {} fixtures", files.len());
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn first_indicator_path_is_stable() {
    let r = report("ge_met.tsv", "");
    assert_eq!(lookup(&r, &format!("{I0}/target")), ">=2 次");
    // spans are char offsets ([start, end) in Unicode scalar values) of the row's line, without its CR
    let text = std::fs::read_to_string("tests/fixtures/tables/ge_met.tsv").expect("fixture");
    let chars: Vec<char> = text.chars().collect();
    let span = &r
        .pointer(&format!("{I0}/span"))
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let (s, e) = (
        span[0].as_u64().unwrap_or(0) as usize,
        span[1].as_u64().unwrap_or(0) as usize,
    );
    assert_eq!(
        chars[s..e].iter().collect::<String>(),
        "产出指标\t数量指标\t测试指标\t>=2 次\t=3 次\t6\t6\t"
    );
    assert_eq!((s, e), (226, 256));
}

#[test]
fn seed_text_has_twelve_tables_and_no_narrative_table() {
    let seed = include_str!("fixtures/seed/seed.txt");
    let tables = read_tables(seed);
    assert_eq!(tables.len(), 12);
    assert_eq!(tables[0].name, "部门（单位）整体支出绩效目标自评表");
    // the first table starts at its title, not in the narrative before it
    let title_at = seed
        .chars()
        .collect::<String>()
        .find("部门（单位）整体支出绩效目标自评表")
        .map(|b| seed[..b].chars().count());
    assert_eq!(Some(tables[0].span.0), title_at);
}

/// Odd input never panics: each returns.
#[test]
fn odd_inputs_do_not_panic() {
    let seed = include_str!("fixtures/seed/seed.txt");
    let tsv = include_str!("fixtures/seed/tables/02.tsv");
    let mut inputs: Vec<String> = vec![
        String::new(),
        "\t".repeat(50),
        "\t\n\t\n\t\n".into(),
        "\t".repeat(199) + "\n" + &"1\t".repeat(200),
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n\t\n".into(),
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分".into(),
        "项目支出绩效自评表\n总分".into(),
        "项目支出绩效自评表\n项目名称".into(),
        "年初预算数 得分 年度资金总额 1e99999 99999999999999999999999999999999 10 %".into(),
        ">= >= = =1 =1 1 1".into(),
        "总分 10\n0\n0\n0\n0\n0".into(),
        // web copies with bars, and Excel quoting cut short
        "|".repeat(300),
        "| 年初预算数 | 全年执行数 | 执行率 |\n| 年度资金总额 |\n|\n| 一级指标 | 三级指标 | 得分 |\n| 甲 |".into(),
        "项目名称 |\n| 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 |\n| 总分 | 合计 |".into(),
        "\"\t\"\"\n\"".into(),
        "项目名称\t\"甲\n一级指标\t二级指标\t三级指标\n\t\"".into(),
        "预算执行情况(万元)(20分) 预算数(A) 执行数(B) 执行率(B/A) 得分 总额 1 2% 3\n一级指标 分值 年度指标值 得分 1 ≥1 1".into(),
        "项目资金\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\t年度资金总额\t79228162514264337593543950335\t0.0000000000000000000000000001\t79228162514264337593543950335\t79228162514264337593543950335\t%\t\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n\t\t甲\t<=0.0000000000000000000000000001\t=79228162514264337593543950335\t79228162514264337593543950335\t1\n".into(),
    ];
    // pieces of the seed cut at arbitrary points, and its bytes shuffled by a fixed pseudo-random walk
    let chars: Vec<char> = seed.chars().collect();
    let mut x: usize = 12345;
    for _ in 0..40 {
        x = x.wrapping_mul(1103515245).wrapping_add(12345) % 2147483648;
        let a = x % chars.len();
        let b = (a + x % 3000).min(chars.len());
        inputs.push(chars[a..b].iter().collect());
        let bytes: Vec<u8> = seed
            .bytes()
            .skip(x % 40000)
            .take(2000)
            .map(|c| c.wrapping_add((x % 7) as u8))
            .collect();
        inputs.push(String::from_utf8_lossy(&bytes).into_owned());
    }
    inputs.push(tsv.replace('\t', " "));
    inputs.push(tsv.replace("\r\n", "\t"));
    for (i, input) in inputs.iter().enumerate() {
        for preset in [
            Preset::proportional(),
            Preset::deduct_per_point(Decimal::new(25, 2)),
            Preset::bands(),
        ] {
            let r = score_text(input, &preset);
            assert!(r.tables.len() <= input.len(), "input {i}");
        }
    }
}
