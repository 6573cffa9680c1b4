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

/// The scope words of the clause before figure `i`, back to the statement's start or its last ；(the
/// disclosure's and the speaker's names aside): "主要是事业单位公车改革，…；公务接待费20万元" names no
/// scope. A statement that opens with 其中 lists parts of the one before, whose scope is theirs ("州本级“三公
/// 经费”…。其中：公务用车运行维护费支出 937 万元").
fn own(ctx: &Ctx, i: usize) -> Vec<&'static str> {
    let t = ctx.tok(i);
    let start = ctx.text.sentence_start(t.start);
    let clause = (start..t.start)
        .rev()
        .find(|&j| matches!(ctx.text.chars.get(j), Some('；' | ';')))
        .map_or(start, |j| j + 1);
    let mut before = ctx.text.slice(clause, t.start);
    if ctx.text.starts_with_at(start, "其中") && start > 0 {
        before.push_str(&ctx.text.slice(ctx.text.sentence_start(start - 1), start));
    }
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
    /// Each mention's scope in force: its own words, else those of the last mention before it that names
    /// some (a section's "一、全口径预算安排…三公经费…" stands for the items it goes on to list).
    in_force: std::collections::HashMap<usize, Vec<&'static str>>,
}

impl Scoped {
    /// The scopes of `mentions`, in text order.
    pub fn new(ctx: &Ctx, mentions: &[usize]) -> Scoped {
        let own: std::collections::HashMap<usize, Vec<&'static str>> =
            mentions.iter().map(|&i| (i, own(ctx, i))).collect();
        let mut in_force = std::collections::HashMap::new();
        let mut last: Option<(usize, Vec<&'static str>)> = None;
        for &i in mentions {
            let mine = own.get(&i).cloned().unwrap_or_default();
            if !mine.is_empty() {
                last = Some((i, mine.clone()));
                in_force.insert(i, mine);
            } else if let Some((_, s)) = last.as_ref().filter(|(m, _)| ctx.same_document(*m, i)) {
                in_force.insert(i, s.clone());
            }
        }
        Scoped { own, in_force }
    }

    /// Whether mentions `a` and `b` are stated for one scope: the same scope in force, or, where one has none
    /// in force, every mention of its disclosure that names a scope names the same (a disclosure of one
    /// scope). A disclosure that states two scopes ("一、全口径…" and "二、一般公共预算…") leaves a mention with
    /// none in force unbound, even against another with none.
    pub fn same(&self, ctx: &Ctx, a: usize, b: usize) -> bool {
        match (self.in_force.get(&a), self.in_force.get(&b)) {
            (Some(sa), Some(sb)) => sa == sb,
            _ => {
                let mut named = self.in_force.get(&a).or(self.in_force.get(&b));
                self.own
                    .iter()
                    .filter(|(&m, s)| !s.is_empty() && ctx.same_document(m, a))
                    .all(|(_, s)| *named.get_or_insert(s) == s)
            }
        }
    }
}
