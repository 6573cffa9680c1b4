//! Tables copied from Excel whose shape differs from the template's: T6 with its halves side by side, a 合计
//! row beside the code columns' header cells.

use juesuan::standard::*;

fn cell_text(row: &Row, col: Col) -> String {
    match row.lookup(col) {
        Lookup::Value(a) => a.value.to_string(),
        Lookup::Blank => String::new(),
        Lookup::Undecided => "?".to_string(),
    }
}

/// T6 copied from Excel: the 人员经费 and 公用经费 halves side by side in one row of cells; each half is read
/// as rows of its own, so the right half's 类/款 sums and 公用经费合计 are checked too.
#[test]
fn t6_halves_side_by_side_in_excel_cells() {
    let paste = "一般公共预算财政拨款基本支出决算表\n单位：万元\n科目编码\t科目名称\t决算数\t科目编码\t科目名称\t决算数\n\
301\t工资福利支出\t100.00\t302\t商品和服务支出\t50.00\n30101\t基本工资\t60.00\t30201\t办公费\t20.00\n\
30102\t津贴补贴\t40.00\t30202\t印刷费\t31.00\n303\t对个人和家庭的补助\t10.00\t310\t资本性支出\t0.00\n\
30301\t离休费\t10.00\t\t\t\n\t人员经费合计\t110.00\t\t公用经费合计\t50.00\n";
    let t6 = read_table(StandardKind::T6, paste, 0);
    let code = |c: &str| t6.row_by_code(c).map(|r| cell_text(r, Col::Amount));
    assert_eq!(code("302").as_deref(), Some("50.00"));
    assert_eq!(code("30202").as_deref(), Some("31.00"));
    assert_eq!(code("30201").as_deref(), Some("20.00"));
    let r = juesuan::review(paste, &juesuan::Preset::proportional());
    let found: Vec<String> = r
        .claims
        .iter()
        .filter(|c| c.rule.is_some())
        .map(|c| {
            format!(
                "{} {} {} {:?}",
                c.rule.as_deref().unwrap_or(""),
                c.verdict.name(),
                c.stated,
                c.recomputed
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            "T6-1 ok 100.00 Some(\"100.00\")",
            "T6-1 ok 10.00 Some(\"10.00\")",
            "T6-1 mismatch 50.00 Some(\"51.00\")",
            "T6-2 ok 110.00 Some(\"110.00\")",
            "T6-3 ok 50.00 Some(\"50.00\")",
        ]
    );
}

/// Excel cells whose 合计 row carries the code columns' own header ("类 款 项 合计"): the row is the 合计 row, so
/// 合计 = Σ类 is checked in every column.
#[test]
fn a_total_row_beside_the_code_header_cells() {
    let paste =
        "一般公共预算财政拨款支出决算表\n单位：万元\n科目编码\t\t\t科目名称\t本年支出\t\t\n\
\t\t\t\t合计\t基本支出\t项目支出\n类\t款\t项\t合计\t101.00\t60.00\t40.00\n\
201\t\t\t一般公共服务支出\t100.00\t60.00\t40.00\n201\t06\t\t财政事务\t100.00\t60.00\t40.00\n\
201\t06\t01\t行政运行\t60.00\t60.00\t\n201\t06\t99\t其他财政事务支出\t40.00\t\t40.00\n";
    let r = juesuan::review(paste, &juesuan::Preset::proportional());
    let total: Vec<String> = r
        .claims
        .iter()
        .filter(|c| c.formula.contains("合计 = Σ类") || c.formula.contains("行 合计："))
        .map(|c| format!("{} {} {:?}", c.verdict.name(), c.stated, c.recomputed))
        .collect();
    assert_eq!(
        total,
        [
            "mismatch 101.00 Some(\"100.00\")",
            "mismatch 101.00 Some(\"100.00\")",
            "ok 60.00 Some(\"60.00\")",
            "ok 40.00 Some(\"40.00\")",
        ]
    );
}
