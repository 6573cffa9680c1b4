//! The scope a restated 三公 figure is stated for (全口径 or 一般公共预算, 部门汇总 or 本级 …), read from the
//! words of its statement: two mentions of one item are the same quantity only when their scopes agree.

use crate::rules::context::Ctx;

/// Words that set a figure's fund or scope apart.
const SCOPES: [&str; 18] = [
    "全口径",
    "全州",
    "全盟",
    "全旗",
    "全省",
    "一般公共预算",
    "政府性基金",
    "国有资本经营",
    "财政拨款",
    "本级",
    "全县",
    "全市",
    "全区",
    "全镇",
    "汇总",
    "部门",
    "单位",
    "机关",
];

/// Words that name the disclosure or the body speaking, not a part of it: "2015年部门决算公开公务接待费",
/// "我单位支出公务接待费".
const REPORTER: [&str; 10] = [
    "部门决算",
    "部门预算",
    "单位决算",
    "单位预算",
    "我单位",
    "本单位",
    "我部门",
    "本部门",
    "我机关",
    "本机关",
];

/// The scope words of the statement before figure `i` (the disclosure's and the speaker's names aside).
fn own(ctx: &Ctx, i: usize) -> Vec<&'static str> {
    let t = ctx.tok(i);
    let mut start = ctx.text.sentence_start(t.start);
    // a statement that opens with 其中 lists parts of the one before: its scope is that one's ("州本级“三公
    // 经费”…。其中：公务用车运行维护费支出 937 万元")
    if ctx.text.starts_with_at(start, "其中") && start > 0 {
        start = ctx.text.sentence_start(start - 1);
    }
    let mut before = ctx.text.slice(start, t.start);
    for w in REPORTER {
        before = before.replace(w, "");
    }
    SCOPES
        .iter()
        .copied()
        .filter(|w| before.contains(w))
        .collect()
}

/// The scopes of the mentions of one disclosure.
pub struct Scoped {
    /// Each mention's own scope words.
    own: std::collections::HashMap<usize, Vec<&'static str>>,
}

impl Scoped {
    pub fn new(ctx: &Ctx, mentions: impl Iterator<Item = usize>) -> Scoped {
        Scoped {
            own: mentions.map(|i| (i, own(ctx, i))).collect(),
        }
    }

    /// Whether mentions `a` and `b` are stated for one scope: the same scope words, or one names none while
    /// every mention of its disclosure that names some names the same (a disclosure of one scope: "区直文化
    /// 系统厅本级和11家直属单位…“三公经费”394.85万元" and later "因公出国(境)支出186.42万元"). A disclosure
    /// that states two scopes ("一、全口径…" and "二、一般公共预算…") leaves a mention naming none unbound.
    pub fn same(&self, ctx: &Ctx, a: usize, b: usize) -> bool {
        let (Some(sa), Some(sb)) = (self.own.get(&a), self.own.get(&b)) else {
            return false;
        };
        if sa == sb {
            return true;
        }
        if !sa.is_empty() && !sb.is_empty() {
            return false;
        }
        let named = if sa.is_empty() { sb } else { sa };
        self.own
            .iter()
            .filter(|(&m, s)| !s.is_empty() && ctx.same_document(m, a))
            .all(|(_, s)| s == named)
    }
}
