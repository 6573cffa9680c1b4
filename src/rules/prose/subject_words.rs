//! The words of a lead that decide how `entities` groups figures: a lead that is only a measure joins the
//! subject before it, a clause naming its own subject starts a new one, 加上 / 收入总计 end a 其中 list.

use super::frames::{Frame, Role};

pub(super) fn measure_only(lead: &str) -> bool {
    let mut s = lead.to_string();
    for w in [
        "其中",
        // "普通小学上年 10321.31 元，本年 10359.52 元"
        "本年度",
        "本年",
        "支出决算数",
        "支出决算",
        "决算数",
        "决算",
        "执行数",
        "实际支出",
        "实际",
        "支出",
        "年初预算数",
        "年初预算",
        "调整预算数",
        "调整预算",
        "全年预算数",
        "全年预算",
        "预算数",
        "预算",
        "完成",
        "执行",
        "为",
        "是",
        "达",
        "共",
        "计",
        "，",
        ",",
        "：",
        ":",
        "；",
        ";",
        " ",
        "的",
        "金额",
        "总额",
        "数",
        // 采购预算 and 实际采购金额 of one procurement
        "采购",
        "规模",
    ] {
        s = s.replace(w, "");
    }
    s.chars().count() <= 1
}

/// The subject a change or rate clause names before its comparison ("本年度财政拨款收入、支出均较上年决算数减少"
/// → "财政拨款收入支出"), or None when it names none ("较上年决算数增加").
pub(super) fn named_subject(lead: &str) -> Option<String> {
    let mut s = lead.to_string();
    for w in [
        "主要原因是",
        "主要原因",
        "原因是",
        "比上年度",
        "较上年度",
        "比上年",
        "较上年",
        "与上年相比",
        "上年同期",
        "年度预算",
        "年预算",
        "年度决算",
        "年决算",
        "年同期",
        "主要是",
        // a rate's own name and the word of a comparison are no subject ("对比减少 4.35 万元；减少率 35.22%")
        "增长率",
        "增加率",
        "减少率",
        "下降率",
        "降低率",
        "增幅",
        "降幅",
        "减幅",
        "增速",
        "对比",
        "同比",
        "同口径",
        "决算数",
        "预算数",
        "年初预算",
        "调整预算",
        "本年度",
        "年度",
        "本年",
        "分别",
        "均",
        "共",
        "累计",
        "支出决算",
        "决算",
        "其中",
        "比",
        "较",
        "相比",
        "同期",
        "上年",
        "去年",
        "上一年",
        "上半年",
        "全年",
        "当年",
        "合计",
    ] {
        s = s.replace(w, "");
    }
    if let Some((_, w)) = super::cues::direction(&s) {
        s.truncate(s.len() - w.len());
    }
    let subject: String = s
        .chars()
        .filter(|c| !c.is_ascii() && !"，。；：、（）“”《》".contains(*c))
        .collect();
    // "收支较上年决算数减少 …": the 收入总计 and 支出总计 just stated, the subject of the statement before
    let both = [
        "收支",
        "收入支出",
        "收支总体",
        "收入支出总体",
        "收支总计",
        "收支总额",
    ];
    (subject.chars().count() >= 2 && !both.contains(&subject.as_str())).then_some(subject)
}

/// The words before a change in its clause, read through a compared year ("“三公”经费支出决算数比 2019 年度
/// 减少 …": the change's own lead is only "年度减少", the subject stands before the year).
pub(super) fn lead_through_year(frames: &[Frame], fi: usize) -> String {
    let Some(f) = frames.get(fi) else {
        return String::new();
    };
    match fi.checked_sub(1).and_then(|p| frames.get(p)) {
        Some(p) if p.role == Role::Ignored && p.clause == f.clause && f.lead.starts_with('年') => {
            format!("{}{}", p.lead, f.lead)
        }
        _ => f.lead.clone(),
    }
}

/// Whether a clause adds to what came before rather than going on with a list ("加上级补助收入",
/// "加上…", "减去…", "另…") or states a total of its own ("收入总计").
pub(super) fn adds_on(lead: &str, label: Option<&str>) -> bool {
    let lead = lead.trim_start_matches(|c: char| c.is_whitespace() || "，。；：、,;:".contains(c));
    ["加上", "加", "再加", "减去", "扣除", "另", "此外", "剔除"]
        .iter()
        .any(|w| lead.starts_with(w))
        || label
            .is_some_and(|l| l.contains("总计") || l.contains("收入合计") || l.contains("支出合计"))
}
