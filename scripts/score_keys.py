#!/usr/bin/env python3
"""Re-checks the hand-made keys of tests/fixtures/score-corpus/ against exact arithmetic.

Usage: python3 scripts/score_keys.py [--quiet] [corpus dir]   (--quiet: the problems only, nothing when
every key holds; the exit status is the same)

Every `<stem>.json` in the corpus is one real published 绩效自评表, keyed by hand; `<stem>.txt` is the
verbatim excerpt it was keyed from. This script recomputes, for every key:

  * 执行率 = 执行数 / 预算数 × 100, rounded half-up to 2 dp;
  * the 执行率 score under the three presets of docs/domain.md (proportional, deduct-per-point with k = 0.25
    and floor 0, bands 100% → w, [80,100) → 0.7w, [60,80) → 0.5w, below → 0);
  * every numeric indicator's rule score (财预〔2020〕10号 proportional rule) and every qualitative row's band;
  * the totals and the grades;

and prints one line per disagreement between the key and the arithmetic, then exits 1. With no problem it
prints the corpus totals and exits 0. Python 3 standard library only; all arithmetic is exact
(fractions.Fraction); rounding is half-up, written out below; no float is ever used.

Choices where docs/domain.md leaves something open (the same choices as src/presets.rs and
src/scoring/indicators.rs unless said otherwise):

  1. The 执行率 score of every preset is computed from the 执行率 rounded half-up to 2 dp (the figure the
     table shows), capped at 100 for proportional and deduct-per-point, and the score is rounded half-up to
     2 dp. Where the table gives no 执行数 (a merged or blank cell), the key says `"rate_basis": "stated"` and
     the presets use the table's own stated 执行率 instead; `execution_rate` is then null.
  2. `bands` scales with the weight: w × 1 / 0.7 / 0.5 / 0 (for w = 10: 10 / 7 / 5 / 0).
  3. Indicator rule scores are computed exactly and rounded half-up to 2 dp. `≥ t` / `> t`: met → w, else
     w × E / t (never below 0, never above w). `≤ t` / `< t`: met → w, else w × (2t − E) / t, 0 from 2t.
     `= t` with t = 0: w if E ≤ 0, else 0 ("eq-zero"). `= t` with t ≠ 0: scored as `≥ t`. A row with no
     comparator is scored as `≥`. Target 0 under `≥` / `≤` is not computable (how = not-scored).
  4. Qualitative rows: the band comes from the wording of the 实际完成值 as in src/document/vocab.rs
     (starts with 未 / contains 没有 / 未达 / is 否 or 无 → not achieved 0–60%; contains 部分 or 基本 or starts
     with 较 → partly 60–80%; anything else → achieved 80–100%). As src/scoring/indicators.rs scores them:
     an achieved row's rule score is its full weight; a partly or not achieved row's is the stated score
     when it lies in the band (bounds included), else the nearest band edge; a blank stated score gives a
     null rule score.
  5. `agrees`: numeric rows agree when the stated score equals the 2-dp rule score exactly (a stated `9`
     for a rule score of 9.80 is a disagreement); qualitative rows agree when the stated score lies in the
     band. A blank (null) stated score gives `agrees: null`, never false.
  6. Totals: `stated_scores_total` = stated 执行率 score + Σ stated indicator scores (blank scores count as
     0 and the key says so in notes); `rule_total[preset]` = that preset's 执行率 score + Σ the 2-dp indicator
     rule scores, null if any rule score is null; `weights_total` = 执行率 weight + Σ indicator weights, null
     if a weight is missing. An empty category row (no weight and no stated score, e.g. a 生态效益指标 line
     left blank) is keyed as not-scored and counts in no total. Grades: ≥ 90 优, [80, 90) 良, [60, 80) 中,
     < 60 差.
"""

from __future__ import annotations

import json
import re
import sys
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT / "tests" / "fixtures" / "score-corpus"
EXCLUSIONS = ROOT / "docs" / "corpus-exclusions.md"

PRESETS = ("proportional", "deduct-0.25", "bands")
HOWS = {"met", "ratio", "ceiling", "eq-zero", "qualitative", "not-scored"}
PROVINCES = set("bj tj heb sx nmg ln jl hlj sh js zj ah fj jx sd hen hub hun gd gx hi cq sc gz yn xz sn gs qh nx xj".split())
TOP_FIELDS = ("source", "retrieved", "unit", "province", "year", "template", "form", "columns", "notes",
              "name", "budget", "executed", "execution_rate", "stated_execution_rate", "execution_weight",
              "stated_execution_score", "execution_score", "indicators", "weights_total",
              "stated_scores_total", "stated_total", "rule_total", "grade_of_stated_total", "stated_grade")
ROW_FIELDS = ("level1", "level2", "indicator", "target", "actual", "weight", "stated_score", "rule_score",
              "how", "agrees")
HUNDRED = Fraction(100)


# ---------------------------------------------------------------- exact numbers and half-up rounding

def num(text: str | None) -> Fraction | None:
    """A decimal written as a string ("12.5", "-3", "100.00") as an exact Fraction; None stays None."""
    if text is None:
        return None
    if not isinstance(text, str) or not re.fullmatch(r"-?\d+(\.\d+)?", text.strip()):
        raise ValueError(f"not a decimal string: {text!r}")
    return Fraction(text.strip())


def round_half_up(x: Fraction, places: int = 2) -> Fraction:
    """Rounds to `places` decimals, halves away from zero (四舍五入), exactly."""
    scale = 10 ** places
    scaled = abs(x) * scale
    whole = scaled.numerator // scaled.denominator
    if scaled - whole >= Fraction(1, 2):
        whole += 1
    return Fraction(whole if x >= 0 else -whole, scale)


def show(x: Fraction | None, places: int = 2) -> str | None:
    """A Fraction already rounded to `places` decimals, written with exactly `places` decimals."""
    if x is None:
        return None
    scale = 10 ** places
    scaled = x * scale
    assert scaled.denominator == 1, "show() wants a rounded value"
    n = scaled.numerator
    sign = "-" if n < 0 else ""
    n = abs(n)
    return f"{sign}{n // scale}.{n % scale:0{places}d}" if places else f"{sign}{n}"


def same(a: str | None, b: Fraction | None) -> bool:
    """Whether a key's decimal string equals an exact value (both None counts as equal)."""
    if a is None or b is None:
        return a is None and b is None
    return num(a) == b


# ---------------------------------------------------------------- the rules

def execution_scores(rate: Fraction, weight: Fraction) -> dict[str, Fraction]:
    capped = min(max(rate, Fraction(0)), HUNDRED)
    proportional = weight * capped / HUNDRED
    deduct = max(weight - Fraction(1, 4) * (HUNDRED - capped), Fraction(0))
    if rate >= 100:
        share = Fraction(1)
    elif rate >= 80:
        share = Fraction(7, 10)
    elif rate >= 60:
        share = Fraction(1, 2)
    else:
        share = Fraction(0)
    return {
        "proportional": round_half_up(proportional),
        "deduct-0.25": round_half_up(deduct),
        "bands": round_half_up(weight * share),
    }


def numeric_rule(cmp: str, w: Fraction, t: Fraction, e: Fraction) -> tuple[str, Fraction | None]:
    """(how, exact rule score) of a quantitative row."""
    if cmp == "=" and t == 0:
        return "eq-zero", (w if e <= 0 else Fraction(0))
    if cmp in (">=", "=", ">"):
        met = e > t if cmp == ">" else e >= t
        if met:
            return "met", w
        if t <= 0:
            return "not-scored", None
        return "ratio", min(max(w * e / t, Fraction(0)), w)
    if cmp in ("<=", "<"):
        met = e < t if cmp == "<" else e <= t
        if met:
            return "met", w
        if t <= 0:
            return "not-scored", None
        if e >= 2 * t:
            return "ceiling", Fraction(0)
        return "ceiling", min(max(w * (2 * t - e) / t, Fraction(0)), w)
    raise ValueError(f"unknown comparator {cmp!r}")


def band_of(actual: str) -> tuple[str, Fraction, Fraction]:
    """The band a qualitative 实际完成值 claims (src/tables/vocab.rs::achievement)."""
    a = actual.strip()
    if a.startswith("未") or "没有" in a or "未达" in a or a in ("否", "无"):
        return "not-achieved", Fraction(0), Fraction(60, 100)
    if "部分" in a or "基本" in a or a.startswith("较"):
        return "partly", Fraction(60, 100), Fraction(80, 100)
    return "achieved", Fraction(80, 100), Fraction(1)


def grade(total: Fraction | None) -> str | None:
    if total is None:
        return None
    if total >= 90:
        return "优"
    if total >= 80:
        return "良"
    if total >= 60:
        return "中"
    return "差"


def squeeze(text: str) -> str:
    """Text without any white space, for 'does the excerpt hold this' checks."""
    return re.sub(r"\s+", "", text)


def excluded_fragments() -> list[str]:
    """Host/path fragments named in docs/corpus-exclusions.md (a key's source must contain none)."""
    if not EXCLUSIONS.exists():
        return []
    text = EXCLUSIONS.read_text(encoding="utf-8")
    frags = set()
    host = r"(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+(?:[a-z]{2,}|\d+)(?::\d+)?"
    for m in re.finditer(host + r"/[^\s,()*`]*", text):  # host/path, host:port/path
        frags.add(m.group(0).rstrip("/."))
    for m in re.finditer(r"(?<![\w/.:-])" + host + r"(?![\w/.:-])", text):  # a bare host (840388.com)
        if not m.group(0).endswith((".md", ".json", ".tsv", ".txt", ".rs", ".htm", ".html", ".shtml")):
            frags.add(m.group(0))
    return sorted(frags)


# ---------------------------------------------------------------- checking one key

def check(path: Path, problems: list[str], stats: dict) -> None:
    stem = path.stem
    say = lambda msg: problems.append(f"{stem}: {msg}")  # noqa: E731
    try:
        key = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        say(f"not JSON: {exc}")
        return
    for field in TOP_FIELDS:
        if field not in key:
            say(f"missing field {field!r}")
    if any(field not in key for field in ("indicators", "execution_score", "rule_total")):
        return

    # --- provenance
    txt = path.with_suffix(".txt")
    if not txt.exists():
        say("no verbatim excerpt file")
        excerpt = ""
    else:
        excerpt = squeeze(txt.read_text(encoding="utf-8"))
    source = key.get("source") or ""
    for frag in excluded_fragments():
        if frag in source:
            say(f"source {source} is on the exclusion list ({frag})")
    code = stem.split("-", 1)[0]
    if code not in PROVINCES:
        say(f"stem starts with unknown province code {code!r}")
    if key.get("province") != code:
        say(f"province {key.get('province')!r} does not match the stem's code {code!r}")
    if not re.fullmatch(r"[a-z0-9-]+", stem):
        say("stem is not lower-case ASCII")
    if key.get("form") not in ("web", "pdf"):
        say(f"form must be web or pdf, not {key.get('form')!r}")
    if not isinstance(key.get("year"), int) or not 2018 <= key["year"] <= 2025:
        say(f"year {key.get('year')!r} is not 2018–2025")

    # --- funds block
    try:
        budget, executed = num(key["budget"]), num(key["executed"])
        weight = num(key["execution_weight"])
        stated_rate = num(key["stated_execution_rate"])
    except ValueError as exc:
        say(str(exc))
        return
    rate = None
    if budget is not None and executed is not None and budget != 0:
        rate = round_half_up(executed / budget * HUNDRED)
    if not same(key["execution_rate"], rate):
        say(f"execution_rate {key['execution_rate']} but {show(rate)} recomputed")
    basis = key.get("rate_basis", "recomputed")
    scoring_rate = rate if basis == "recomputed" else stated_rate
    if basis not in ("recomputed", "stated"):
        say(f"rate_basis {basis!r}")
    if basis == "stated" and rate is not None:
        say("rate_basis stated although 执行率 can be recomputed")
    exec_scores = None
    if scoring_rate is not None and weight is not None:
        exec_scores = execution_scores(scoring_rate, weight)
    for p in PRESETS:
        want = exec_scores[p] if exec_scores else None
        if not same(key["execution_score"].get(p), want):
            say(f"execution_score[{p}] {key['execution_score'].get(p)} but {show(want)}")
    for field in ("budget", "executed", "stated_execution_rate", "execution_weight", "stated_execution_score"):
        value = key.get(field)
        if value is not None and excerpt and not re.search(
                re.escape(value.rstrip("0").rstrip(".") if "." in value else value), excerpt):
            say(f"{field} {value} does not occur in the excerpt")

    # --- indicator rows
    stats["rows"] += len(key["indicators"])
    rule_sum, stated_sum, weight_sum = Fraction(0), Fraction(0), Fraction(0)
    rule_known, weight_known = True, weight is not None
    for i, row in enumerate(key["indicators"], 1):
        tag = f"row {i} “{row.get('indicator', '')}”"
        for field in ROW_FIELDS:
            if field not in row:
                say(f"{tag}: missing {field!r}")
        if any(field not in row for field in ROW_FIELDS):
            continue
        how = row["how"]
        if how not in HOWS:
            say(f"{tag}: how {how!r}")
            continue
        if row["indicator"] and excerpt and squeeze(row["indicator"]) not in excerpt:
            say(f"{tag}: indicator text not found in the excerpt")
        try:
            w, stated = num(row["weight"]), num(row["stated_score"])
            t, e = num(row.get("target_value")), num(row.get("actual_value"))
        except ValueError as exc:
            say(f"{tag}: {exc}")
            continue
        for field, value in (("target_value", row.get("target_value")), ("actual_value", row.get("actual_value"))):
            text = row["target"] if field == "target_value" else row["actual"]
            if value is not None and squeeze(value) not in squeeze(text or ""):
                say(f"{tag}: {field} {value} not in its cell text {text!r}")
        empty = w is None and stated is None  # an empty category row: counts in no total
        if stated is not None:
            stated_sum += stated
        if w is None:
            weight_known = weight_known and empty
        else:
            weight_sum += w
        want_how, want_rule, want_agrees = how, None, None
        if w is None or how == "not-scored":
            if how != "not-scored":
                say(f"{tag}: no weight, so how must be not-scored")
            want_how = "not-scored"
            if not row.get("why"):
                say(f"{tag}: not-scored needs a 'why'")
        elif how == "qualitative":
            band, lo, hi = band_of(row["actual"] or "")
            if row.get("band") not in (None, band):
                say(f"{tag}: band {row.get('band')!r} but the wording claims {band}")
            if band == "achieved":
                want_rule = w
            elif stated is not None:
                want_rule = min(max(stated, w * lo), w * hi)
            if stated is not None:
                want_agrees = w * lo <= stated <= w * hi
        else:
            cmp = row.get("cmp") or ">="
            if t is None or e is None:
                say(f"{tag}: numeric row needs target_value and actual_value")
                continue
            want_how, exact = numeric_rule(cmp, w, t, e)
            want_rule = None if exact is None else round_half_up(exact)
            if stated is not None and want_rule is not None:
                want_agrees = stated == want_rule
        if how != want_how:
            say(f"{tag}: how {how} but the arithmetic says {want_how}")
        if not same(row["rule_score"], want_rule):
            say(f"{tag}: rule_score {row['rule_score']} but {show(want_rule)}")
        if row["agrees"] != want_agrees:
            say(f"{tag}: agrees {row['agrees']} but {want_agrees}")
        if want_rule is None:
            rule_known = rule_known and empty
        else:
            rule_sum += want_rule
        if want_agrees is False:
            stats["disagreements"] += 1

    # --- totals and grades
    stated_exec = num(key["stated_execution_score"])
    total_stated = (stated_exec or Fraction(0)) + stated_sum
    if not same(key["stated_scores_total"], round_half_up(total_stated)):
        say(f"stated_scores_total {key['stated_scores_total']} but {show(round_half_up(total_stated))}")
    wt = weight + weight_sum if weight_known else None
    if not same(key["weights_total"], wt):
        say(f"weights_total {key['weights_total']} but {show(wt, 0) if wt is not None and wt.denominator == 1 else wt}")
    for p in PRESETS:
        want = exec_scores[p] + rule_sum if (exec_scores and rule_known) else None
        if not same(key["rule_total"].get(p), want):
            say(f"rule_total[{p}] {key['rule_total'].get(p)} but {show(want)}")
        if "rule_grade" in key and key["rule_grade"].get(p) != grade(want):
            say(f"rule_grade[{p}] {key['rule_grade'].get(p)} but {grade(want)}")
    stated_total = num(key["stated_total"])
    if key["grade_of_stated_total"] != grade(stated_total):
        say(f"grade_of_stated_total {key['grade_of_stated_total']} but {grade(stated_total)}")
    if key["stated_grade"] not in (None, "优", "良", "中", "差"):
        say(f"stated_grade {key['stated_grade']!r}")

    stats["tables"] += 1
    stats["provinces"].add(code)
    stats["templates"][key.get("template")] = stats["templates"].get(key.get("template"), 0) + 1
    stats["stems"].append(stem)


def main() -> int:
    quiet = "--quiet" in sys.argv[1:]
    args = [a for a in sys.argv[1:] if a != "--quiet"]
    corpus = Path(args[0]) if args else DEFAULT_DIR
    if len(args) > 1 or args[:1] and args[0].startswith("-") or not corpus.is_dir():
        print(f"usage: score_keys.py [--quiet] [corpus dir] (not {' '.join(args)})")
        return 2
    keys = sorted(corpus.glob("*.json"))
    problems: list[str] = []
    stats = {"tables": 0, "rows": 0, "disagreements": 0, "provinces": set(), "templates": {}, "stems": []}
    for txt in sorted(corpus.glob("*.txt")):
        if not txt.with_suffix(".json").exists():
            problems.append(f"{txt.stem}: excerpt without a key")
    for path in keys:
        check(path, problems, stats)
    for line in problems + ([f"{len(problems)} problem(s) in {len(keys)} key(s)"] if problems else []):
        print(line)
    if problems or quiet:
        return int(bool(problems))
    print(f"tables: {stats['tables']}")
    print(f"provinces: {len(stats['provinces'])} ({', '.join(sorted(stats['provinces']))})")
    print("templates: " + "; ".join(f"{t} × {n}" for t, n in sorted(stats["templates"].items())))
    print(f"indicator rows: {stats['rows']}")
    print(f"disagreements keyed (stated score vs rule score): {stats['disagreements']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
