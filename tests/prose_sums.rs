//! Sums read from sentences (issue 10): lists laid out one item to a line, family items named before 分别,
//! savings of a 其中 list, lists past a percentage point, and the lists that may leave a part out, which
//! give a 提示 (never a ✗) when they do not add up. Each phrasing has a negative case: the wrong reading
//! gives no ✗.

mod support;
use juesuan::{Review, Verdict};
use support::{check, describe};

/// The verdict and recomputed value of the sum claim stating `stated`.
fn sum_of(r: &Review, stated: &str) -> Option<(Verdict, Option<String>)> {
    r.claims
        .iter()
        .find(|c| c.kind.name() == "sum" && c.stated == stated)
        .map(|c| (c.verdict, c.recomputed.clone()))
}

fn mismatches(r: &Review) -> usize {
    r.claims
        .iter()
        .filter(|c| c.verdict == Verdict::Mismatch)
        .count()
}

#[test]
fn items_one_to_a_line_after_a_closing_qizhong() {
    let text = "（一）收入决算情况。2021年度，收入总计为415.2644万元，其中：\n1.财政拨款收入364.5594万元，为一般公共预算资金。\n2.事业收入50.7050万元，为事业单位开展专业业务活动取得的收入。\n3.上年结转和结余14.9614万元，为以前年度结转的资金。\n（二）支出决算情况\n2021年度，卫生院支出为430.2258万元。其中：\n基本支出240.0595万元。\n项目支出190.1663万元。\n（三）财政拨款收入决算情况。\n";
    let r = check(text);
    assert_eq!(
        sum_of(&r, "415.2644"),
        Some((Verdict::Mismatch, Some("430.2258".into()))),
        "{}",
        describe(&r)
    );
    assert_eq!(
        sum_of(&r, "430.2258"),
        Some((Verdict::Ok, Some("430.2258".into()))),
        "{}",
        describe(&r)
    );
}

#[test]
fn a_line_with_two_levels_is_no_item_line() {
    // a PDF's soft break after 其中： — the items run on in one line: not read as one item to a line
    let text = "2021年度，收入总计为500.00万元，其中：\n财政拨款收入300.00万元，事业收入150.00万元，\n其他收入50.00万元。\n";
    let r = check(text);
    assert_eq!(mismatches(&r), 0, "{}", describe(&r));
    assert_eq!(
        sum_of(&r, "500.00"),
        Some((Verdict::Ok, Some("500.00".into()))),
        "{}",
        describe(&r)
    );
}

#[test]
fn family_items_named_before_fenbie_are_paired_in_order() {
    let text = "2020年全省共完成政府采购额2905.8亿元。全年完成工程类项目采购1131.93亿元，比上年多298.22亿元。此外，全省货物类、服务类项目采购分别完成471.79亿元、1302.08亿元。";
    let r = check(text);
    assert_eq!(
        sum_of(&r, "2905.8"),
        Some((Verdict::Ok, Some("2905.8".into()))),
        "{}",
        describe(&r)
    );
}

#[test]
fn procurement_items_that_do_not_add_up_are_a_notice() {
    // 货物 + 工程 + 服务 stated apart from the total: they may be told of another scope, so a 提示
    let text = "2018年，全省签订政府采购合同2946.55亿元，较上年增加108.41亿元。\n从采购品类看，全年采购货物408.26亿元、工程1369.88亿元、服务1167.41亿元。";
    let r = check(text);
    assert_eq!(
        sum_of(&r, "2946.55"),
        Some((Verdict::Notice, Some("2945.55".into()))),
        "{}",
        describe(&r)
    );
    assert_eq!(mismatches(&r), 0, "{}", describe(&r));
}

#[test]
fn an_item_said_nil_completes_the_sangong_family() {
    let text = "一、2017三公经费预算总计22.56万元\n（一）2017年无因公出国（境）费用预算，同比无变化。\n（二）2017年公务接待费预算1.61万元，同比减少0.10万元。\n（三）公务用车费预算19.95万元，同比减少5.70万元。";
    let r = check(text);
    assert_eq!(
        sum_of(&r, "22.56"),
        Some((Verdict::Mismatch, Some("21.56".into()))),
        "{}",
        describe(&r)
    );
    // without the nil item said, the two found items only confirm a sum that holds: a 提示 at most
    let text = text.replace("无因公出国（境）费用预算，同比无变化", "其他情况不变");
    let r = check(&text);
    assert_eq!(mismatches(&r), 0, "{}", describe(&r));
}

#[test]
fn a_bracket_right_after_a_figure_lists_its_own_parts() {
    let text = "2021年度镇本级“三公”经费决算4.5万元，因公出国（境）费0万元，公务接待费0万元，公务用车购置及运行维护费5.5万元（公务用车购置费0万元、公务用车运行维护费4.5万元）。";
    let r = check(text);
    assert_eq!(
        sum_of(&r, "5.5"),
        Some((Verdict::Mismatch, Some("4.5".into()))),
        "{}",
        describe(&r)
    );
}

#[test]
fn savings_of_a_list_under_a_count() {
    let text = "2020年1-6月，醴陵市共办理政府采购备案手续584批次，完成政府采购24617.99万元，采购预算25439.49万元，节约资金821.5万元。其中，完成货物采购5144.04万元，节约资金536.8万元；完成工程采购9515.11万元，节约资金52.66万元；完成服务采购9958.84万元，节约资金232.04万元。";
    let r = check(text);
    assert_eq!(
        sum_of(&r, "24617.99"),
        Some((Verdict::Ok, Some("24617.99".into()))),
        "{}",
        describe(&r)
    );
    assert!(
        r.claims
            .iter()
            .any(|c| c.kind.name() == "sum" && c.stated == "821.5" && c.verdict == Verdict::Ok),
        "{}",
        describe(&r)
    );
    // the saving is still checked beside the levels: 采购预算 = 实际 + 节约资金
    assert_eq!(
        sum_of(&r, "25439.49"),
        Some((Verdict::Ok, Some("25439.49".into()))),
        "{}",
        describe(&r)
    );
}

#[test]
fn a_percentage_point_does_not_end_a_list() {
    let text = "1至6月，全省完成一般公共预算收入2123.35亿元，同比增长10.04%。其中，地方收入1340.41亿元，同比增长13.05%，比全国各省平均增幅高4.76个百分点；上划中央收入782.94亿元。";
    let r = check(text);
    assert_eq!(
        sum_of(&r, "2123.35"),
        Some((Verdict::Ok, Some("2123.35".into()))),
        "{}",
        describe(&r)
    );
    // and it is still a figure, listed as unchecked
    assert!(
        r.unchecked.iter().any(|u| u.unit == "个百分点"),
        "{:?}",
        r.unchecked.iter().map(|u| &u.unit).collect::<Vec<_>>()
    );
}

#[test]
fn a_list_ending_in_deng_that_does_not_add_up_is_a_notice() {
    let text = "全市一般公共预算收入137.78亿元，完成年度预算105.9%。加上上级补助收入366.92亿元、上年结余55.84亿元、调入资金47.08亿元等，全市一般公共预算收入总计608.62亿元。";
    let r = check(text);
    assert_eq!(
        sum_of(&r, "608.62"),
        Some((Verdict::Notice, Some("607.62".into()))),
        "{}",
        describe(&r)
    );
    assert_eq!(mismatches(&r), 0, "{}", describe(&r));
}

#[test]
fn sangong_changes_with_an_item_left_out_are_a_notice() {
    let text = "2020年度“三公”经费15.37万元，其中：因公出国（境）费0万元，公务用车购置及运行维护费14.03万元，公务接待费1.34万元。\n经比较，2020年度“三公”经费较上年减少16.29万元，较年初预算数减少0.04万元。主要是严控一般性支出，压减“三公”经费。其中：公务用车购置及运行维护费较上年减少2.90万元，较年初预算数减少0.04万元，主要是因公车改革；公务接待费较上年减少12.39万元，较年初预算数减少0.04万元，主要是落实中央八项规定。";
    let r = check(text);
    assert_eq!(
        sum_of(&r, "16.29"),
        Some((Verdict::Notice, Some("15.29".into()))),
        "{}",
        describe(&r)
    );
    assert_eq!(mismatches(&r), 0, "{}", describe(&r));
}

#[test]
fn education_funds_and_their_sources() {
    let text = "2022年，全县地方教育经费总收入21.27亿元，比上年18.39亿元增加2.88亿元。\n（一）国家财政性教育经费总收入18.96亿元，比上年16.09亿元增加2.87亿元。\n（二）事业收入1.75亿元，比上年1.52亿元增加0.23亿元。\n（三）社会捐赠经费收入0.01亿元。\n（四）民办学校中举办者投入0.07亿元。\n（五）其他教育经费0.48亿元。";
    let r = check(text);
    assert_eq!(
        sum_of(&r, "21.27"),
        Some((Verdict::Ok, Some("21.27".into()))),
        "{}",
        describe(&r)
    );
    // sources named only in part, not adding up: some may be left unsaid, a 提示
    let text = "2022年，全区地方教育经费总收入150682.33万元。\n（一）全区国家财政性教育经费总收入109506.12万元。\n（二）事业收入33844.74万元。\n（三）其他教育经费1331.47万元。";
    let r = check(text);
    assert_eq!(mismatches(&r), 0, "{}", describe(&r));
    assert_eq!(
        sum_of(&r, "150682.33").map(|s| s.0),
        Some(Verdict::Notice),
        "{}",
        describe(&r)
    );
}

#[test]
fn items_named_before_fenbie_of_another_scope_are_not_paired() {
    let text = "2024年，全市政府采购规模为32.72亿元。据悉，市本级政府采购规模为10.29亿元。从结构上看，全市货物、工程、服务政府采购规模分别为14.71亿元、5.65亿元和12.36亿元。";
    let r = check(text);
    assert_eq!(sum_of(&r, "10.29"), None, "{}", describe(&r));
    assert_eq!(mismatches(&r), 0, "{}", describe(&r));
}

/// A change list that may leave an item out says its figures as changes, in words, whichever reading found
/// it: the items listed after 其中 (signed) and the items' own statements (magnitudes of one direction).
#[test]
fn a_partial_change_list_is_said_as_changes() {
    let texts = [
        "2023年“三公”经费支出决算为20万元，比上年减少5万元，其中：公务接待费减少2万元，公务用车运行维护费减少1万元。",
        "“三公”经费支出20万元，较上年减少5万元。其中：公务接待费支出8万元，较上年减少2万元；公务用车购置及运行维护费12万元，较上年减少1万元。",
    ];
    for text in texts {
        let r = check(text);
        let notices: Vec<&str> = r
            .claims
            .iter()
            .filter(|c| c.verdict == Verdict::Notice)
            .map(|c| c.message.as_str())
            .collect();
        assert_eq!(
            notices,
            ["增减额合计：填报减少 5万元，所列分项增减额合计减少 3万元，相差 2万元。未列出的分项也可能有增减，若已列全则合计或分项有误，请核对"],
            "{}",
            describe(&r)
        );
        assert_eq!(mismatches(&r), 0, "{}", describe(&r));
    }
}
