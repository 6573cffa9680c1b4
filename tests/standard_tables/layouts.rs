//! One table in the layouts people paste it in: PDF text (codes joined or split, names wrapped, blanks
//! dropped or printed as 0.00/-), Excel/WPS TSV, web copies (one cell per line, "|" cells), 行次/栏次
//! columns, an empty table with its note; the titles by year and province; and inputs that must not panic.

use super::set;
use juesuan::standard::*;

/// (code or "合计", 合计, 基本支出, 项目支出) of the synthetic T5; "" is a blank cell.
const T5_CELLS: [(&str, &str, &str, &str); 5] = [
    ("205", "96.00", "80.00", "16.00"),
    ("20502", "96.00", "80.00", "16.00"),
    ("2050201", "50.00", "50.00", ""),
    ("2050202", "46.00", "30.00", "16.00"),
    ("合计", "96.00", "80.00", "16.00"),
];

fn cell_text(row: &Row, col: Col) -> String {
    match row.lookup(col) {
        Lookup::Value(a) => a.value.to_string(),
        Lookup::Blank => String::new(),
        Lookup::Undecided => "?".to_string(),
    }
}

fn assert_t5(name: &str, text: &str) {
    let t = read_table(StandardKind::T5, text, 0);
    assert!(t.problems.is_empty(), "{name}: {:?}", t.problems);
    for (code, total, basic, project) in T5_CELLS {
        let row = t
            .rows
            .iter()
            .find(|r| r.code.as_deref() == Some(code) || (code == "合计" && r.code.is_none()))
            .unwrap_or_else(|| panic!("{name}: no row {code} in {:#?}", t.rows));
        let got = (
            cell_text(row, Col::Total),
            cell_text(row, Col::Basic),
            cell_text(row, Col::Project),
        );
        assert_eq!(
            got,
            (total.into(), basic.into(), project.into()),
            "{name}: row {code}"
        );
        assert!(!row.ambiguous, "{name}: row {code} ambiguous");
    }
    let f = check_tables(&[t]);
    assert!(
        f.iter().all(|x| x.severity == Severity::Ok),
        "{name}: {f:#?}"
    );
}

#[test]
fn t5_in_every_layout_reads_the_same_cells() {
    let cases: [(&str, String); 8] = [
        (
            "PDF text across a page break: page number, repeated title and header",
            "一般公共预算财政拨款支出决算表\n单位：万元\n科目编码 科目名称 合计 基本支出 项目支出\n205 教育支出 96.00 80.00 16.00\n20502 普通教育 96.00 80.00 16.00\n- 7 -\n一般公共预算财政拨款支出决算表（续）\n单位：万元\n科目编码 科目名称 合计 基本支出 项目支出\n2050201 学前教育 50.00 50.00\n第8页\n2050202 小学教育 46.00 30.00 16.00\n合计 96.00 80.00 16.00".to_string(),
        ),
        ("PDF text, split codes, 合计 at the bottom", set::T5.to_string()),
        (
            "PDF text, joined codes, 合计 on top, blanks printed as 0.00",
            "一般公共预算财政拨款支出决算表\n单位：万元\n科目编码 科目名称 合计 基本支出 项目支出\n合计 96.00 80.00 16.00\n205 教育支出 96.00 80.00 16.00\n20502 普通教育 96.00 80.00 16.00\n2050201 学前教育 50.00 50.00 0.00\n2050202 小学教育 46.00 30.00 16.00".to_string(),
        ),
        (
            "PDF text, names wrapped, codes on their own line, blanks printed as -",
            "一般公共预算财政拨款支出决算表\n项目\n合计 基本支出 项目支出\n科目编码\n科目名称\n类 款 项\n205\n教育\n支出\n96.00 80.00 16.00\n205 02\n普通\n教育 96.00\n80.00 16.00\n205 02 01\n学前教育\n50.00 50.00 -\n205 02 02 小学教育 46.00 30.00 16.00\n合计 96.00 80.00 16.00".to_string(),
        ),
        (
            "Excel/WPS TSV with 类/款/项 code columns",
            "一般公共预算财政拨款支出决算表\n单位：万元\t\t\t\t\t\t\n科目编码\t\t\t科目名称\t合计\t基本支出\t项目支出\n类\t款\t项\t\t\t\t\n合计\t\t\t\t96.00\t80.00\t16.00\n205\t\t\t教育支出\t96.00\t80.00\t16.00\n205\t02\t\t普通教育\t96.00\t80.00\t16.00\n205\t02\t01\t学前教育\t50.00\t50.00\t\n205\t02\t02\t小学教育\t46.00\t30.00\t16.00\n".to_string(),
        ),
        (
            "web copy with | cells",
            "一般公共预算财政拨款支出决算表\n| 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 |\n|---|---|---|---|---|\n| 205 | 教育支出 | 96.00 | 80.00 | 16.00 |\n| 20502 | 普通教育 | 96.00 | 80.00 | 16.00 |\n| 2050201 | 学前教育 | 50.00 | 50.00 | |\n| 2050202 | 小学教育 | 46.00 | 30.00 | 16.00 |\n| 合计 | | 96.00 | 80.00 | 16.00 |".to_string(),
        ),
        (
            "web copy, one cell per line, blank cells dropped",
            "一般公共预算财政拨款支出决算表\n科目编码\n科目名称\n合计\n基本支出\n项目支出\n205\n教育支出\n96.00\n80.00\n16.00\n20502\n普通教育\n96.00\n80.00\n16.00\n2050201\n学前教育\n50.00\n50.00\n2050202\n小学教育\n46.00\n30.00\n16.00\n合计\n96.00\n80.00\n16.00".to_string(),
        ),
        (
            "full-width digits, thousands separators and CRLF",
            "一般公共预算财政拨款支出决算表\r\n合计 基本支出 项目支出\r\n类 款 项\r\n２０５ 教育支出 ９６.００ ８０.００ １６.００\r\n20502 普通教育 96.00 80.00 16.00\r\n2050201 学前教育 50.00 50.00\r\n2050202 小学教育 46.00 30.00 16.00\r\n合计 96.00 80.00 16.00".to_string(),
        ),
    ];
    for (name, text) in &cases {
        assert_t5(name, text);
    }
}

#[test]
fn a_short_row_nothing_decides_is_ambiguous_and_not_checked() {
    // 2050201 "50.00 50.00" could be 合计 + 基本 or 合计 + 项目; with 205 and 20502 short as well and
    // no 合计 row, nothing in the table decides it
    let text = "一般公共预算财政拨款支出决算表\n合计 基本支出 项目支出\n205 教育支出 50.00 50.00\n20502 普通教育 50.00 50.00\n2050201 学前教育 50.00 50.00";
    let t = read_table(StandardKind::T5, text, 0);
    assert!(t.rows.iter().all(|r| r.ambiguous));
    assert_eq!(t.rows[2].lookup(Col::Basic), Lookup::Undecided);
    assert!(matches!(t.rows[2].lookup(Col::Total), Lookup::Value(_)));
    let f = check_tables(&[t]);
    // the row rule does not depend on the columns, the hierarchy of 合计 does not either
    assert!(f
        .iter()
        .any(|x| x.rule == "T5-1" && x.severity == Severity::Ok));
    assert!(f
        .iter()
        .any(|x| x.rule == "T5-2" && x.severity == Severity::Ok && x.cells[0].column == "合计"));
    assert!(f.iter().all(|x| x.severity != Severity::Error));
}

#[test]
fn t3_alone_checks_what_does_not_depend_on_its_undecided_columns() {
    let t = read_table(StandardKind::T3, set::T3, 0);
    let f = check_tables(&[t]);
    assert!(
        f.iter()
            .all(|x| !matches!(x.severity, Severity::Error | Severity::Hint)),
        "{f:#?}"
    );
    // 本年支出合计 is first in every reading; 基本/项目 need T5 to be told apart from 上缴上级/经营/对附属
    assert!(f
        .iter()
        .any(|x| x.rule == "T3-2" && x.severity == Severity::Ok));
    assert!(f
        .iter()
        .any(|x| x.rule == "T3-2" && x.severity == Severity::NotChecked));
    let with_t5 = check_tables(&[
        read_table(StandardKind::T3, set::T3, 0),
        read_table(StandardKind::T5, set::T5, 0),
    ]);
    assert!(
        with_t5.iter().all(|x| x.severity == Severity::Ok),
        "{with_t5:#?}"
    );
}

#[test]
fn t1_with_row_and_column_numbers() {
    // 湖北 (南漳 2019) style: 行次 columns and a 栏次 row; the 行次 are not amounts
    let text = "收入支出决算总表\n公开01表\n金额单位：万元\n收入 支出\n项目 行次 金额 项目 行次 金额\n栏次 1 栏次 2\n一、一般公共预算财政拨款收入 1 440.55 一、一般公共服务支出 29 423.20\n二、政府性基金预算财政拨款收入 2 二、外交支出 30\n三、国有资本经营预算财政拨款收入 3 三、国防支出 31\n八、其他收入 8 10.00 八、社会保障和就业支出 36 27.35\n本年收入合计 9 450.55 本年支出合计 57 450.55\n年初结转和结余 11 年末结转和结余 60\n总计 12 450.55 总计 61 450.55";
    let t = read_table(StandardKind::T1, text, 0);
    let v = |l: Line| t.row_by_line(l).map(|r| cell_text(r, Col::Amount));
    assert_eq!(v(Line::IncGeneral).as_deref(), Some("440.55"));
    assert_eq!(v(Line::IncFund).as_deref(), Some(""));
    assert_eq!(v(Line::IncomeTotal).as_deref(), Some("450.55"));
    assert_eq!(v(Line::ExpenseGrand).as_deref(), Some("450.55"));
    let f = check_tables(&[t]);
    assert!(f.iter().all(|x| x.severity == Severity::Ok), "{f:#?}");
}

#[test]
fn t4_as_excel_cells() {
    let text = "财政拨款收入支出决算总表\n项目\t决算数\t项目\t合计\t一般公共预算财政拨款\t政府性基金预算财政拨款\t国有资本经营预算财政拨款\n一、一般公共预算财政拨款\t100.00\t五、教育支出\t96.00\t96.00\t\t\n二、政府性基金预算财政拨款\t20.00\t十一、城乡社区支出\t18.00\t\t18.00\t\n本年收入合计\t120.00\t本年支出合计\t114.00\t96.00\t18.00\t\n年初财政拨款结转和结余\t6.00\t年末财政拨款结转和结余\t12.00\t8.00\t4.00\t\n一、一般公共预算财政拨款\t4.00\t\t\t\t\t\n二、政府性基金预算财政拨款\t2.00\t\t\t\t\t\n总计\t126.00\t总计\t126.00\t104.00\t22.00\t";
    let t = read_table(StandardKind::T4, text, 0);
    let city = t
        .rows
        .iter()
        .find(|r| r.code.as_deref() == Some("212"))
        .expect("城乡社区支出");
    assert!(!city.ambiguous);
    assert_eq!(cell_text(city, Col::GovFund), "18.00");
    assert_eq!(cell_text(city, Col::GeneralBudget), "");
    let f = check_tables(&[t]);
    assert!(f.iter().all(|x| x.severity == Severity::Ok), "{f:#?}");
}

#[test]
fn empty_fund_tables_with_the_template_note() {
    let t4 = read_table(StandardKind::T4, "财政拨款收入支出决算总表\n项目 决算数 项目 合计 一般公共预算财政拨款 政府性基金预算财政拨款 国有资本经营预算财政拨款\n一、一般公共预算财政拨款 10.00 一、一般公共服务支出 10.00 10.00\n二、政府性基金预算财政拨款 二、外交支出\n三、国有资本经营预算财政拨款 三、国防支出\n本年收入合计 10.00 本年支出合计 10.00 10.00\n年初财政拨款结转和结余 年末财政拨款结转和结余\n总计 10.00 总计 10.00 10.00", 0);
    let note = "政府性基金预算财政拨款收入支出决算表\n单位：万元\n项目 年初结转和结余 本年收入 本年支出 年末结转和结余\n合计 合计 基本支出 项目支出\n注：本表反映部门本年度政府性基金预算财政拨款收入支出及结转和结余情况。\n说明：上海市XX局本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。";
    let t8 = read_table(StandardKind::T8, note, 0);
    assert!(!t8.has_numbers());
    let f = check_tables(&[t4.clone(), t8]);
    let t80 = f.iter().find(|x| x.rule == "T8-0").expect("T8-0");
    assert_eq!(t80.severity, Severity::Ok, "{}", t80.message);
    let bare = read_table(StandardKind::T8, "政府性基金预算财政拨款收入支出决算表\n项目 年初结转和结余 本年收入 本年支出 年末结转和结余\n合计", 0);
    let f = check_tables(&[t4, bare]);
    assert_eq!(
        f.iter().find(|x| x.rule == "T8-0").map(|x| x.severity),
        Some(Severity::Hint)
    );
}

#[test]
fn t6_clean_two_block_layout_and_t7_items_as_rows() {
    let t6 = read_table(StandardKind::T6, set::T6, 0);
    let code = |c: &str| t6.row_by_code(c).map(|r| cell_text(r, Col::Amount));
    assert_eq!(code("30102").as_deref(), Some("25.00"));
    assert_eq!(code("30217").as_deref(), Some("4.00"));
    assert_eq!(code("30231").as_deref(), Some(""));
    assert_eq!(code("30302").as_deref(), Some("5.00"));
    let rows = "财政拨款“三公”经费支出决算表\n项目 预算数 决算数\n合计 8.00 6.50\n因公出国（境）费 0.00 0.00\n公务用车购置及运行维护费 3.00 2.50\n公务用车购置费 0.00 0.00\n公务用车运行维护费 3.00 2.50\n公务接待费 5.00 4.00";
    let t7 = read_table(StandardKind::T7, rows, 0);
    let row = &t7.rows[0];
    assert!(!row.ambiguous, "{t7:#?}");
    assert_eq!(cell_text(row, Col::Sg(SgItem::Reception, false)), "4.00");
    let f = check_tables(&[t7]);
    assert!(f.iter().all(|x| x.severity == Severity::Ok), "{f:#?}");
}

#[test]
fn a_short_t7_line_names_its_assumption() {
    let t7 = read_table(StandardKind::T7, &super::keyed::fixture("t7"), 0);
    let row = &t7.rows[0];
    assert!(row.ambiguous && row.assumed);
    assert_eq!(row.readings.len(), 4);
    assert!(
        t7.assumptions[0].contains("公务接待费·预算数"),
        "{:?}",
        t7.assumptions
    );
    assert_eq!(row.lookup(Col::Sg(SgItem::Total, true)), Lookup::Undecided);
}

#[test]
fn titles_by_year_and_province() {
    use StandardKind::*;
    for (title, kind) in [
        ("收入支出决算总表", Some(T1)),
        ("部门收支决算总表", Some(T1)),
        ("公开01表 收入支出决算总表", Some(T1)),
        ("上海市普陀区财政局2024年度收入支出决算总表", Some(T1)),
        ("收入决算表", Some(T2)),
        ("收入决算总表", Some(T2)),
        ("部门收入决算表", Some(T2)),
        ("支出决算表", Some(T3)),
        ("支出决算总表", Some(T3)),
        ("出决算表", Some(T3)),
        ("财政拨款收入支出决算总表", Some(T4)),
        ("财政拨款收支决算总表", Some(T4)),
        ("一般公共预算财政拨款支出决算表", Some(T5)),
        ("表5 一般公共预算支出决算表", Some(T5)),
        ("一般公共预算财政拨款基本支出决算表", Some(T6)),
        ("一般公共预算财政拨款基本支出决算明细表", Some(T6)),
        ("财政拨款“三公”经费支出决算表", Some(T7)),
        ("一般公共预算财政拨款\"三公\"经费支出决算表", Some(T7)),
        ("财政拨款“三公”经费及机关运行经费支出决算表", Some(T7)),
        ("表六 一般公共预算相关经费支出决算表", Some(T7)),
        ("政府性基金预算财政拨款收入支出决算表", Some(T8)),
        ("国有资本经营预算财政拨款收入支出决算表", Some(T9)),
        ("国有资本经营预算财政拨款支出决算表", Some(T9)),
        ("收入决算表（续）", Some(T2)),
        ("第二部分 上海市 XX 局 2024 年度部门决算表", None),
        ("二、收入决算情况说明", None),
        ("详见收入决算表。", None),
        ("一、收入支出决算总表 ........ 5", None),
        ("财政拨款支出决算明细表", None),
    ] {
        assert_eq!(table_kind(title), kind, "{title}");
    }
}

#[test]
fn spans_point_into_the_paste() {
    let paste = super::keyed::fixture("all-tables");
    let chars: Vec<char> = paste.chars().collect();
    for t in read_tables(&paste, 0) {
        for row in &t.rows {
            for c in &row.cells {
                let text: String = chars[c.span.0..c.span.1]
                    .iter()
                    .filter(|ch| **ch != ',')
                    .collect();
                assert_eq!(
                    text.parse::<rust_decimal::Decimal>().ok(),
                    Some(c.value),
                    "{:?} {}",
                    t.kind,
                    row.label()
                );
            }
        }
    }
    // with an offset, spans move with it
    let t = read_table(StandardKind::T5, set::T5, 100);
    assert!(t
        .rows
        .iter()
        .flat_map(|r| &r.cells)
        .all(|c| c.span.0 >= 100));
}

#[test]
fn odd_input_never_panics() {
    let mut inputs: Vec<String> = vec![
        String::new(),
        "\n\n\t|".into(),
        "合计 99999999999999999999999999999.99 1,23.4 - — 0 -5.00".into(),
        "收入决算表\n201 1 2 3 4 5 6 7 8 9 10 11.00".into(),
        "| | |\n|---|\n|a|b|".into(),
        "财政拨款“三公”经费支出决算表\n1.00 2.00 3.00 4.00 5.00 6.00 7.00 8.00 9.00 10.00 11.00 12.00 13.00".into(),
        "一、\n二十六、\n总计总计总计 1.00".into(),
        "79228162514264337593543950335.00 79228162514264337593543950335.00 -79228162514264337593543950335.00".into(),
        "1、教育支出（类）普通教育（款）学前教育（项）。年初预算为-7922816251426433759354395033万元，支出决算为7922816251426433759354395033万元。决算数小于预算数。完成年初预算的100%。收入支出总计7922816251426433759354395033万元，增加7922816251426433759354395033万元，增长0.01%。“三公”经费财政拨款支出年初预算为0万元，支出决算为1万元，完成预算的0%".into(),
    ];
    for part in ["all-tables", "narrative"] {
        let text = super::keyed::fixture(part);
        let chars: Vec<char> = text.chars().collect();
        for cut in (0..chars.len()).step_by(509) {
            inputs.push(chars[cut..].iter().collect());
            inputs.push(chars[..cut].iter().collect());
        }
        inputs.push(text.lines().rev().collect::<Vec<_>>().join("\n"));
    }
    for text in &inputs {
        let mut tables: Vec<StandardTable> = StandardKind::ALL
            .iter()
            .map(|k| read_table(*k, text, 0))
            .collect();
        tables.extend(read_tables(text, 0));
        let _ = check_tables(&tables);
        let _ = check_text_against_tables(text, 0, &tables);
    }
}

#[test]
fn a_whole_document_splits_into_its_tables_and_stops_at_the_narrative() {
    let doc = format!(
        "目录\n一、收入支出决算总表\n二、收入决算表\n第二部分 2024年度部门决算表\n{}\n第三部分 2024年度部门决算情况说明\n{}",
        super::keyed::fixture("all-tables"),
        super::keyed::fixture("narrative")
    );
    let tables = read_tables(&doc, 0);
    assert_eq!(
        tables.iter().map(|t| t.kind).collect::<Vec<_>>(),
        StandardKind::ALL.to_vec()
    );
    let t9 = tables.last().expect("T9");
    assert_eq!(t9.notes.len(), 1, "{:?}", t9.notes);
    let apart = check_tables(&read_tables(&super::keyed::fixture("all-tables"), 0));
    assert_eq!(check_tables(&tables).len(), apart.len());
}

#[test]
fn a_column_number_row_is_not_data_and_a_huge_family_does_not_overflow() {
    let text = "支出决算表\n项目 本年支出合计 基本支出 项目支出 上缴上级支出 经营支出 对附属单位补助支出\n功能分类科目编码 科目名称\n栏次 1 2 3 4 5 6\n合计 10.00 10.00 0.00 0.00 0.00 0.00\n205 教育支出 10.00 10.00 0.00 0.00 0.00 0.00";
    let t = read_table(StandardKind::T3, text, 0);
    assert_eq!(t.rows.len(), 2, "{:#?}", t.rows);
    assert!(check_tables(&[t])
        .iter()
        .all(|x| x.severity == Severity::Ok));
    let mut big = String::from("一般公共预算财政拨款支出决算表\n合计 基本支出 项目支出\n201 一般公共服务支出 1500.00 1500.00\n");
    for i in 0..1500 {
        big.push_str(&format!("201{:02} 款{i} 1.00 1.00\n", i % 100));
    }
    let t = read_table(StandardKind::T5, &big, 0);
    let _ = check_tables(&[t]);
}
