//! Comparison tables pasted as text (上年/本年, two years, 预算/决算 with 增减额, 差额, 增减率, 完成率): exact
//! verdicts and recomputed values (scale kept), rows that cannot be read (a Chinese message naming the
//! row, the other rows still computed), placements that are not certain (listed, never ✗), and a large
//! table whose report grows linearly.

mod support;
use juesuan::report::ClaimReport;
use juesuan::{Review, Verdict};
use support::check as run;
use support::describe;

fn claim<'r>(r: &'r Review, kind: &str, stated: &str) -> &'r ClaimReport {
    r.claims
        .iter()
        .find(|c| c.kind.name() == kind && c.stated == stated)
        .unwrap_or_else(|| panic!("no {kind} {stated} among\n  {}", describe(r)))
}

/// kind, stated, verdict, recomputed.
fn expect(r: &Review, cases: &[(&str, &str, Verdict, &str)]) {
    for &(kind, stated, verdict, recomputed) in cases {
        let c = claim(r, kind, stated);
        assert_eq!(
            (c.verdict, c.recomputed.as_deref()),
            (verdict, Some(recomputed)),
            "{kind} {stated}: {}",
            c.message
        );
    }
}

fn mismatches(r: &Review) -> usize {
    r.claims
        .iter()
        .filter(|c| c.verdict == Verdict::Mismatch)
        .count()
}

fn kinds(r: &Review) -> Vec<&str> {
    r.sections.iter().map(|s| s.kind).collect()
}

const HOSPITAL: &str = "达州市公立医院情况对比表\n单位:达州市达川区中医医院 单位:元\n\
项目及编号 2016年度 2017年度 2017比2016增减\n增减值 增减%\n\
一、收入支出情况对比 (一) 收入总计 58596771.09 117154424.7 58557653.59 99.93%\n\
1. 财政补助收入 6909800 55508400 48598600 703.33%\n\
2. 科教项目收入 0\n\
3. 医疗收入 51420916.22 61360289.59 9939373.37 19.33%\n\
4. 其他收入 266054.87 285735.09 19680.22 7.40%\n\
三、出院者平均医药费用\n5591.34 5641.93 50.59 0.90%\n";

#[test]
fn spaced_rows_under_a_two_line_header() {
    let r = run(HOSPITAL);
    use Verdict::*;
    expect(
        &r,
        &[
            ("difference", "48598600", Ok, "48598600"),
            ("growth", "703.33", Ok, "703.33"),
            // 117154424.7 is written with one decimal: the change holds within its rounding
            ("difference", "58557653.59", Rounding, "58557653.61"),
            ("growth", "99.93", Ok, "99.93"),
            ("sum", "58596771.09", Ok, "58596771.09"),
            ("sum", "117154424.7", Ok, "117154424.7"),
            ("sum", "58557653.59", Ok, "58557653.59"),
            ("growth", "7.40", Ok, "7.40"),
            // the figures a PDF moved under their label
            ("difference", "50.59", Ok, "50.59"),
            ("growth", "0.90", Ok, "0.90"),
        ],
    );
    let sum = claim(&r, "sum", "117154424.7");
    // the single 0 of 科教项目收入 is 0 whichever column it stands in
    assert_eq!(
        sum.formula,
        "2017年度：55508400 + 0 + 61360289.59 + 285735.09 = 117154424.7"
    );
    assert!(claim(&r, "difference", "48598600").message.contains("元"));
    assert_eq!(kinds(&r), ["narrative", "comparison"]);
    // every cell is one figure with one verdict: none is left to the narrative, none unchecked
    assert_eq!(
        (r.summary.figures, r.summary.checked),
        (21, 21),
        "{}",
        describe(&r)
    );
    assert_eq!(mismatches(&r), 0);
}

#[test]
fn tab_rows_with_errors() {
    let r = run(
        "一、收支情况\n单位：万元\n项目\t上年数\t本年数\t增减额\t增减率\n\
        收入合计\t100.00\t120.00\t20.00\t20.00%\n1.财政拨款收入\t80.00\t90.00\t10.00\t12.05%\n\
        2.其他收入\t20.00\t30.00\t11.00\t50.00%\n本年收入合计120.00万元。\n",
    );
    use Verdict::*;
    expect(
        &r,
        &[
            ("growth", "12.05", Mismatch, "12.50"),
            ("difference", "11.00", Mismatch, "10.00"),
            ("difference", "20.00", Ok, "20.00"),
            ("sum", "100.00", Ok, "100.00"),
            ("sum", "120.00", Ok, "120.00"),
            // the 增减额 column adds up to 21.00
            ("sum", "20.00", Mismatch, "21.00"),
        ],
    );
    assert_eq!(mismatches(&r), 3, "{}", describe(&r));
    let g = claim(&r, "growth", "12.05");
    assert!(
        g.diagnosis.as_deref().is_some_and(|d| d.contains("颠倒")),
        "{g:?}"
    );
    assert!(g.message.contains("相差"), "{}", g.message);
    assert!(claim(&r, "difference", "11.00").message.contains("万元"));
    assert_eq!(kinds(&r), ["narrative", "comparison", "narrative"]);
}

#[test]
fn budget_tables_with_bars_and_tabs() {
    let r = run("| 项目 | 预算数 | 决算数 | 差额 | 完成率 |\n| 合计 | 10.00 | 8.00 | 2.00 | 80.00% |\n\
        | 1.公务接待费 | 4.00 | 3.00 | 1.00 | 75.00% |\n| 2.公务用车运行维护费 | 6.00 | 5.00 | 1.00 | 83.33% |\n");
    use Verdict::*;
    expect(
        &r,
        &[
            ("completion", "83.33", Ok, "83.33"),
            ("completion", "80.00", Ok, "80.00"),
            ("sum", "10.00", Ok, "10.00"),
            ("sum", "8.00", Ok, "8.00"),
        ],
    );
    // the rows settle that 差额 is 预算 − 决算
    assert_eq!(
        claim(&r, "difference", "2.00").formula,
        "合计：10.00 − 8.00 = 2.00"
    );
    // a 差额 that fits neither direction is wrong whichever is meant
    let r = run(
        "| 项目 | 预算数 | 决算数 | 差额 | 完成率 |\n| 合计 | 10.00 | 8.00 | 2.00 | 80.00% |\n\
        | 1.甲 | 4.00 | 3.00 | 1.00 | 75.00% |\n| 2.乙 | 6.00 | 5.00 | 3.00 | 83.33% |\n",
    );
    expect(
        &r,
        &[
            ("difference", "3.00", Mismatch, "1.00"),
            ("sum", "2.00", Mismatch, "4.00"),
        ],
    );
    assert_eq!(mismatches(&r), 2, "{}", describe(&r));
    // (预算数, 执行数, 执行率 together head a 绩效自评表's funds block, read by its own reader)
    let r = run("项目\t预算数\t决算数\t增减额\t执行率\n甲\t10.00\t8.00\t-2.00\t80.0%\n");
    expect(
        &r,
        &[
            ("execution", "80.0", Ok, "80.0"),
            ("difference", "-2.00", Ok, "-2.00"),
        ],
    );
}

#[test]
fn years_in_either_order_and_rates_without_percent_signs() {
    let r =
        run("项目 2023年 2022年 增减 增长%\n收入 110.5 100.0 10.5 10.5\n支出 90 100 -10 -10.0\n");
    use Verdict::*;
    expect(
        &r,
        &[
            ("difference", "10.5", Ok, "10.5"),
            ("growth", "10.5", Ok, "10.5"),
            ("growth", "-10.0", Ok, "-10.0"),
        ],
    );
    // 下降 written as a word: shown as written
    let r = run("项目 上年数 本年数 增减额 增减率\n甲 100 80 减少20 下降20.00%\n");
    expect(
        &r,
        &[
            ("difference", "20", Ok, "20"),
            ("growth", "20.00", Ok, "20.00"),
        ],
    );
    let r = run("项目 上年数 本年数 增减额 增减率\n甲 100 80 增加20 增长20.00%\n");
    assert_eq!(mismatches(&r), 2, "{}", describe(&r));
    assert!(claim(&r, "growth", "20.00").diagnosis.is_some());
}

#[test]
fn malformed_rows_are_named_and_the_others_computed() {
    let r = run(
        "项目 上年数 本年数 增减额 增减率\n1.甲 100 120 20 20%\n2.乙 20 30 1O 50%\n\
        3.丙 10 20 10 100% 5\n4.丁 1,00 12 2 20%\n5.戊 10 12 2 20%\n6.己 10 12 2% 20\n",
    );
    use Verdict::*;
    expect(
        &r,
        &[("growth", "20", Ok, "20"), ("difference", "20", Ok, "20")],
    );
    assert!(
        r.claims.iter().any(|c| c.formula.starts_with("5.戊")),
        "{}",
        describe(&r)
    );
    let messages: Vec<&str> = r.problems.iter().map(|p| p.message.as_str()).collect();
    for (row, why) in [
        ("第 3 行“2.乙”", "无法对齐"),
        ("第 4 行“3.丙”", "多于表头的 4 列"),
        ("第 5 行“4.丁”", "千分位"),
        ("第 7 行“6.己”", "金额列“增减额”"),
    ] {
        assert!(
            messages.iter().any(|m| m.contains(row) && m.contains(why)),
            "{row} {why}: {messages:?}"
        );
    }
    assert_eq!(mismatches(&r), 0, "{}", describe(&r));
    // their figures are listed, not lost: 乙's four (20, 30 and 50% readable), 丙's five, 丁's three, 己's four
    let listed = r
        .unchecked
        .iter()
        .filter(|u| u.reason.contains("无法与表头对齐"))
        .count();
    assert_eq!(listed, 3 + 5 + 3 + 4, "{}", describe(&r));
}

#[test]
fn uncertain_placements_are_listed_never_judged() {
    let r = run(
        "项目 上年数 本年数 增减额 增减率\n(一)支出合计 100 150 50 50%\n\
        1.基本支出 60 100 40 66.67%\n2.项目支出 40 50\n(二)其他 5\n",
    );
    use Verdict::*;
    expect(
        &r,
        &[
            ("difference", "50", Ok, "50"),
            ("growth", "66.67", Ok, "66.67"),
        ],
    );
    assert!(
        r.claims.iter().all(|c| c.kind.name() != "sum"),
        "{}",
        describe(&r)
    );
    let reason = |v: &str| {
        r.unchecked
            .iter()
            .find(|u| u.value.0.to_string() == v)
            .map(|u| u.reason.clone())
            .unwrap_or_default()
    };
    assert!(
        reason("40").contains("无法确定各数所在的列"),
        "{}",
        describe(&r)
    );
    assert!(reason("5").contains("无法确定各数所在的列"));
    // the total's sums are not checked, and the report says which part kept them from it
    assert!(
        r.problems
            .iter()
            .any(|p| p.message.contains("第 2 行“(一)支出合计”")
                && p.message.contains("第 4 行“2.项目支出”")),
        "{}",
        describe(&r)
    );
    assert_eq!(mismatches(&r), 0);
}

#[test]
fn readings_that_could_be_wrong_give_no_mismatch() {
    // 差额 one way in one row, the other way in the other: the direction is not settled (a row that fits
    // neither way would be wrong whichever is meant)
    let r = run("项目\t预算数\t决算数\t差额\t执行率\n甲\t10.00\t8.00\t-2.00\t80.00%\n乙\t4.00\t3.00\t1.00\t75.00%\n");
    assert!(r.claims.iter().all(|c| c.kind.name() != "difference"));
    assert!(r
        .unchecked
        .iter()
        .any(|u| u.reason.contains("计算方向不一致")));
    assert!(r
        .problems
        .iter()
        .any(|p| p.message.contains("1 行为决算减预算、1 行为预算减决算")));
    assert_eq!(mismatches(&r), 0);
    // a rate column without % whose figures are fractions
    let r = run("项目 上年数 本年数 增减额 增长率\n甲 100 120 20 0.2\n");
    assert_eq!(mismatches(&r), 0, "{}", describe(&r));
    assert!(r.unchecked.iter().any(|u| u.reason.contains("小数形式")));
    // every row's rate over 本年 instead of 上年: more likely a misread column than three errors
    let r = run(
        "项目 上年数 本年数 增减额 增减率\n甲 100.00 120.00 20.00 16.67%\n\
        乙 50.00 60.00 10.00 16.67%\n丙 10.00 12.00 2.00 16.67%\n",
    );
    assert_eq!(mismatches(&r), 0, "{}", describe(&r));
    assert!(r
        .problems
        .iter()
        .any(|p| p.message.contains("“增减率”列有 3 行（共 3 行）")));
    // a total not named as one may list only some parts: a 提示
    let r = run(
        "项目 上年数 本年数 增减额 增减率\n(一)基本支出 100 150 50 50%\n\
        1.人员经费 60 100 40 66.67%\n2.公用经费 30 40 10 33.33%\n",
    );
    assert_eq!(claim(&r, "sum", "100").verdict, Verdict::Notice);
    assert_eq!(mismatches(&r), 0);
}

#[test]
fn totals_before_or_after_their_parts() {
    let r = run("项目 上年数 本年数 增减额 增减率\n1.基本支出 60 100 40 66.67%\n2.项目支出 40 50 10 25%\n合计 100 150 50 50%\n");
    use Verdict::*;
    expect(
        &r,
        &[
            ("sum", "100", Ok, "100"),
            ("sum", "150", Ok, "150"),
            ("sum", "50", Ok, "50"),
        ],
    );
    let r = run("项目 上年数 本年数 增减额 增减率\n合计 100 160 60 60%\n1.基本支出 60 100 40 66.67%\n2.项目支出 40 50 10 25%\n");
    expect(
        &r,
        &[
            ("sum", "160", Mismatch, "150"),
            ("sum", "60", Mismatch, "50"),
        ],
    );
}

#[test]
fn prose_under_header_words_stays_narrative() {
    let r = run("项目 上年数 本年数 增减额 增减率\n本年收入合计100万元，比上年增长10%。\n");
    assert_eq!(kinds(&r), ["narrative"]);
    let r = run("项目 上年数 本年数 增减额 增减率\n甲 100 120 20 20%\n说明：本年收入120万元，比上年增加20万元，增长20%。\n");
    assert_eq!(kinds(&r), ["comparison", "narrative"]);
    // the sentence after the table is the narrative's, read by its own rules
    let prose = r.sections[1].span[0];
    assert_eq!(
        r.claims.iter().filter(|c| c.span[0] > prose).count(),
        1,
        "{}",
        describe(&r)
    );
}

/// `blocks` blocks of a 小计 over nine numbered parts: 10 rows and 23 claims each.
fn large(blocks: usize) -> String {
    let mut t = String::from("项目\t上年数\t本年数\t增减额\t增减率\n");
    for b in 0..blocks {
        t.push_str(&format!("小计{b}\t90.00\t99.00\t9.00\t10.00%\n"));
        for k in 1..=9 {
            t.push_str(&format!("{k}.项目{b}\t10.00\t11.00\t1.00\t10.00%\n"));
        }
    }
    t
}

#[test]
fn a_large_table_grows_linearly() {
    let size = |blocks: usize| {
        let r = run(&large(blocks));
        assert_eq!(r.claims.len(), 23 * blocks);
        assert!(r.claims.iter().all(|c| c.verdict == Verdict::Ok));
        assert!(r.unchecked.is_empty() && r.problems.is_empty());
        serde_json::to_string(&r).map_or(0, |s| s.len())
    };
    let (small, big) = (size(200), size(2000));
    let ratio = big as f64 / small as f64;
    assert!((9.0..=11.5).contains(&ratio), "{small} → {big} bytes");
}
