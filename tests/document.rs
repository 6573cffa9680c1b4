//! The document model: one reading of the paste. Tricky titles go through `Document::read` (table-driven);
//! a table's own arithmetic is judged once (one owner), and every view of a figure gives it one verdict.

use juesuan::document::{Document, SectionKind, TableKind};
use juesuan::{review, Preset, Verdict};

const P: SectionKind = SectionKind::SelfEvaluation(TableKind::Project);
const D: SectionKind = SectionKind::SelfEvaluation(TableKind::Department);
const N: SectionKind = SectionKind::Narrative;

const PDF_TABLE: &str = "项目名称 快递费\n年初预算数 全年预算数 全年执行数 分值 执行率 得分\n\
                         年度资金总额 10.00 10.00 10.00 10 100% 10\n\
                         一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n\
                         产出指标 数量指标 件数 >=2 件 =2 件 90 90\n总分 100 100\n";

const TSV_TABLE: &str = "项目名称\t快递费\n项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\
                         \t年度资金总额\t10.00\t10.00\t10.00\t10\t100%\t10\n\
                         一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n\
                         产出指标\t数量指标\t件数\t>=2 件\t=2 件\t90\t90\n";

/// (case, text, the sections' kinds in order, how many self-evaluation tables are read)
fn cases() -> Vec<(&'static str, String, Vec<SectionKind>, usize)> {
    vec![
        (
            "a title named inside a sentence is narrative",
            "具体项目自评情况附绩效自评表及自评报告。\n整体支出绩效自评表 1 个，全年预算总额 10.00 万元。\n"
                .to_string(),
            vec![N],
            0,
        ),
        (
            "a title line with its year on the next line, PDF text",
            format!("一、说明\n本年支出 10.00 万元。\n 项目支出绩效自评表\n（2023 年度）\n{PDF_TABLE}"),
            vec![N, P],
            1,
        ),
        (
            "a title broken over two lines by the PDF",
            format!("一、说明\n本年支出 10.00 万元。\n项目支出绩效自\n评表\n{PDF_TABLE}"),
            vec![N, P],
            1,
        ),
        (
            "the line before a title ends a sentence: it is not part of the title",
            format!("附绩效自评表。\n部门（单位）整体支出绩效目标自评表（2023 年度）\n{PDF_TABLE}"),
            vec![N, D],
            1,
        ),
        (
            "two tables back to back, PDF text",
            format!("项目支出绩效自评表\n{PDF_TABLE}项目支出绩效自评表\n{PDF_TABLE}"),
            vec![P, P],
            2,
        ),
        (
            "two tables back to back, Excel cells with titles",
            format!("项目支出绩效自评表\t\t\t\n{TSV_TABLE}项目支出绩效自评表\t\t\t\n{TSV_TABLE}"),
            vec![P, P],
            2,
        ),
        (
            "Excel cells without a title, after narrative",
            format!("本年支出 10.00 万元，其中：基本支出 6.00 万元，项目支出 4.00 万元。\n{TSV_TABLE}"),
            vec![N, P],
            1,
        ),
        (
            "Excel cells without titles: a second 项目名称 after indicator rows starts a second table",
            format!("{TSV_TABLE}{TSV_TABLE}"),
            vec![P, P],
            2,
        ),
        (
            "narrative after the tables is narrative again (a numbered heading ends a table)",
            format!("项目支出绩效自评表\n{PDF_TABLE}十二、其他需说明的事项\n本年支出 10.00 万元。\n"),
            vec![P, N],
            1,
        ),
        (
            "a standard 决算 table with its unit line is kept out of the narrative",
            "一、说明\n本年收入 10.00 万元。\n收入支出决算总表\n单位：万元\n本年收入合计 10.00 本年支出合计 10.00\n第三部分 名词解释\n一、财政拨款收入。\n"
                .to_string(),
            vec![N, SectionKind::Standard(juesuan::standard::StandardKind::T1), N],
            0,
        ),
        (
            "a table of contents that names the standard tables is narrative",
            "第四部分 部门决算报表\n一、《收入支出决算总表》\n二、《收入决算表》\n".to_string(),
            vec![N],
            0,
        ),
    ]
}

#[test]
fn tricky_titles_are_cut_by_the_one_title_rule() {
    let mut failures = Vec::new();
    for (name, text, kinds, tables) in cases() {
        let doc = Document::read(&text);
        let got: Vec<SectionKind> = doc.sections.iter().map(|s| s.kind).collect();
        if got != kinds || doc.tables.len() != tables {
            failures.push(format!(
                "{name}: sections {got:?} (want {kinds:?}), {} tables (want {tables})",
                doc.tables.len()
            ));
        }
        // the sections cover the text, in order, without gaps
        let covered: usize = doc.sections.iter().map(|s| s.bytes.len()).sum();
        if covered != text.len() {
            failures.push(format!(
                "{name}: sections cover {covered} of {} bytes",
                text.len()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A 项目支出绩效自评表 whose 其他资金 row has an empty 全年执行数 cell.
const EMPTY_EXECUTED: &str = "项目名称\t测试项目\n\
    项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\
    \t年度资金总额\t90.00\t90.00\t90.00\t10\t100.00%\t10\n\
    \t其中：当年财政拨款\t50.00\t50.00\t50.00\t—\t—\t—\n\
    \t其他资金\t40.00\t40.00\t\t—\t—\t—\n\
    一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n\
    产出指标\t数量指标\t件数\t>=2 件\t=2 件\t90\t90\n";

#[test]
fn an_empty_executed_cell_gives_no_mismatch_and_each_fund_row_sum_is_judged_once() {
    let r = review(EMPTY_EXECUTED, &Preset::proportional());
    let mismatches: Vec<&String> = r
        .claims
        .iter()
        .filter(|c| c.verdict == Verdict::Mismatch)
        .map(|c| &c.message)
        .chain(
            r.tables
                .iter()
                .flat_map(|t| t.findings.iter())
                .filter(|f| f.verdict == Verdict::Mismatch)
                .map(|f| &f.message),
        )
        .collect();
    assert!(mismatches.is_empty(), "{mismatches:?}");
    // 年初预算数 and 全年预算数 add up (judged once each, as claims of table 0); 全年执行数 is not judged
    let sums: Vec<(&str, Verdict)> = r
        .claims
        .iter()
        .filter(|c| c.table == Some(0) && c.kind.name() == "sum")
        .map(|c| (c.stated.as_str(), c.verdict))
        .collect();
    assert_eq!(sums, [("90.00", Verdict::Ok), ("90.00", Verdict::Ok)]);
    // and nothing about fund rows is said again by the scoring
    let table = &r.tables[0];
    assert!(table
        .findings
        .iter()
        .all(|f| !f.message.contains("其他资金")));
    assert_eq!(table.execution.verdict, Some(Verdict::Ok));
}

#[test]
fn a_figure_judged_by_both_views_has_one_verdict() {
    let seed = include_str!("fixtures/seed/seed.txt");
    let text = format!("{seed}\n{EMPTY_EXECUTED}");
    let r = review(&text, &Preset::deduct_per_point("0.25".parse().expect("k")));
    let mut checked = 0;
    for (i, t) in r.tables.iter().enumerate() {
        // the table view's 执行率 verdict is the claim's
        if let Some(id) = t.execution.claim {
            let c = &r.claims[id];
            assert_eq!(c.table, Some(i), "{}", t.name);
            assert_eq!(Some(c.verdict), t.execution.verdict, "{}", t.name);
            assert_eq!(
                c.stated,
                t.execution.stated_rate.clone().unwrap_or_default(),
                "{}",
                t.name
            );
            checked += 1;
        }
    }
    assert_eq!(
        checked, 13,
        "every table with a stated 执行率 refers to its claim"
    );
    // no figure is judged twice: the same kind, stated value and place appear once
    let mut seen = std::collections::HashSet::new();
    for c in &r.claims {
        let figures: Vec<String> = c.sources.iter().map(|s| format!("{:?}", s.span)).collect();
        assert!(
            seen.insert((c.kind.name(), c.stated.clone(), c.span, figures)),
            "judged twice: {} {}",
            c.kind.name(),
            c.formula
        );
    }
}

/// A one-character count unit that begins a longer word is not the figure's unit ("10 支持" is not 10 支,
/// "2 所属" not 2 所; "3 项目标" is 3 项): a number with no unit is not a figure to check, so only the
/// counts remain.
#[test]
fn a_count_unit_that_starts_a_word_is_not_the_unit() {
    let text = "安排资金10支持乡村振兴，2所属单位，完成3项目标任务，购置车辆2辆。";
    let r = review(text, &Preset::proportional());
    let units: Vec<(String, String)> = r
        .unchecked
        .iter()
        .map(|u| (u.value.0.to_string(), u.unit.clone()))
        .collect();
    let want = [("3", "项"), ("2", "辆")];
    assert_eq!(
        units,
        want.map(|(v, u)| (v.to_string(), u.to_string())).to_vec()
    );
}
