#!/usr/bin/env python3
"""Re-checks every hand-built key of the real-document corpora with exact fractions.

    python3 scripts/corpus_keys.py                  # tests/fixtures/corpus (narratives)
    python3 scripts/corpus_keys.py --quiet          # only failures and the totals line

Independent of the checker on purpose: its own rounding (half-up on exact fractions) and its own interval
rule, written from docs/domain.md, so a key can be trusted without trusting the code it measures.
Exit status 1 when any key disagrees with its own arithmetic, its quote is not in the text, or a stated
figure is missing from its quote.
"""
import collections
import json
import os
import re
import sys
from fractions import Fraction

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--dir=")),
                os.path.join(ROOT, "tests", "fixtures", "corpus"))

KINDS = {"sum", "count", "balance", "same-figure", "share", "growth", "difference", "variance",
         "completion", "execution", "direction"}
VERDICTS = {"ok", "rounding", "mismatch", "not_computable"}
TYPES = {"部门决算说明", "单位决算说明", "三公经费说明", "政府采购说明", "绩效说明", "预算执行说明"}
MONEY = {"元": 0, "万元": 4, "亿元": 8}


class Fig:
    """A figure as written: exact value, decimals, unit exponent (元 0, 万元 4, 亿元 8)."""

    def __init__(self, text):
        s = str(text).strip().replace(",", "")
        m = re.fullmatch(r"([-+]?\d+(?:\.(\d+))?)\s*(元|万元|亿元)?", s)
        if not m:
            raise ValueError(f"not a figure: {text!r}")
        self.text = m.group(1)
        self.value = Fraction(m.group(1))
        self.scale = len(m.group(2) or "")
        self.exp = MONEY.get(m.group(3)) if m.group(3) else None

    def half(self, exact=False):
        return Fraction(0) if exact else Fraction(5, 10 ** (self.scale + 1))


def align(figs):
    """Expresses money figures in the largest unit among them (only when some carry a unit); a bare figure
    is in the document's unit, 万元. Moving to a larger unit only moves the decimal point left: exact."""
    if all(f.exp is None for f in figs):
        return
    exps = [4 if f.exp is None else f.exp for f in figs]
    target = max(exps)
    for f, e in zip(figs, exps):
        if e != target:
            f.value /= 10 ** (target - e)
            f.scale += target - e


def round_half_up(x, d):
    """x rounded half away from zero to d decimals, as a Fraction."""
    q = Fraction(10) ** d
    n = abs(x) * q
    r = (n.numerator * 2 + n.denominator) // (2 * n.denominator)
    return Fraction(r if x >= 0 else -r) / q


def fmt(x, d):
    """A fraction already at d decimals printed with exactly d decimals."""
    neg = x < 0
    n = abs(x) * 10 ** d
    assert n.denominator == 1, x
    digits = str(n.numerator).rjust(d + 1, "0")
    out = digits if d == 0 else digits[:-d] + "." + digits[-d:]
    return ("-" if neg else "") + out


def judge(stated, exact, lo, hi, exact_stated=False):
    """(verdict, recomputed text) for a stated figure against an exact value and the formula's range."""
    d = stated.scale
    rec = round_half_up(exact, d)
    h = stated.half(exact_stated)
    s = stated.value
    if rec == s:
        v = "ok"
    elif s - h <= hi and s + h >= lo:
        v = "rounding"
    else:
        v = "mismatch"
    return v, fmt(rec, d)


def rate(kind, a, b):
    """The rate in percent, or None when its denominator is 0."""
    if kind == "share":
        return None if b == 0 else a / b * 100
    if kind in ("variance",):
        return None if a == 0 else (b - a) / a * 100
    if kind in ("completion", "execution"):
        return None if a == 0 else b / a * 100
    if kind == "growth-prior":
        return None if b == 0 else (a - b) / b * 100
    if kind == "growth-change":
        return None if a - b == 0 else b / (a - b) * 100
    raise ValueError(kind)


def check_rate(kind, a, b, stated, signed):
    exact = rate(kind, a.value, b.value)
    if exact is None:
        return "not_computable", None
    vals = []
    for x in (a.value - a.half(), a.value + a.half()):
        for y in (b.value - b.half(), b.value + b.half()):
            r = rate(kind, x, y)
            if r is None:  # unbounded near a zero denominator: anything fits
                return judge(signed, exact, Fraction(-10 ** 30), Fraction(10 ** 30))
            vals.append(r)
    return judge(signed, exact, min(vals), max(vals))


def signed_stated(claim):
    st = Fig(claim["stated"])
    if claim.get("direction") == "down":
        st.value = -st.value
    return st


def recompute(claim):
    """(verdict, recomputed as written) from the claim's inputs."""
    kind, inp = claim["kind"], claim["inputs"]
    if kind in ("sum", "count"):
        figs = [Fig(inp["total"])] + [Fig(p) for p in inp["parts"]]
        align(figs)
        total, parts = figs[0], figs[1:]
        exact = kind == "count"
        s = sum((p.value for p in parts), Fraction(0))
        tol = sum((p.half(exact) for p in parts), Fraction(0))
        return judge(total, s, s - tol, s + tol, exact)
    if kind in ("balance", "same-figure"):
        a, b = Fig(inp["a"]), Fig(inp["b"])
        align([a, b])
        return judge(b, a.value, a.value - a.half(), a.value + a.half())
    if kind == "direction":
        a, b = Fig(inp["a"]), Fig(inp["b"])
        align([a, b])
        rel = inp["relation"]
        holds = {"gt": a.value > b.value, "lt": a.value < b.value, "eq": a.value == b.value}[rel]
        return ("ok" if holds else "mismatch"), None
    if kind == "difference":
        cur, pri = Fig(inp["current"]), Fig(inp["prior"])
        st = signed_stated(claim)
        align([cur, pri, st])
        exact = cur.value - pri.value
        tol = cur.half() + pri.half()
        v, rec = judge(st, exact, exact - tol, exact + tol)
        return v, as_written(claim, rec)
    if kind == "growth":
        cur = Fig(inp["current"])
        if "prior" in inp:
            other, k = Fig(inp["prior"]), "growth-prior"
        else:
            other, k = Fig(inp["change"]), "growth-change"
        align([cur, other])
        v, rec = check_rate(k, cur, other, None, signed_stated(claim))
        return v, as_written(claim, rec)
    if kind in ("share",):
        a, b = Fig(inp["part"]), Fig(inp["whole"])
    elif kind in ("variance", "completion"):
        a, b = Fig(inp["budget"]), Fig(inp["actual"])
    elif kind == "execution":
        a, b = Fig(inp["budget"]), Fig(inp["executed"])
    else:
        raise ValueError(f"unknown kind {kind}")
    align([a, b])
    v, rec = check_rate(kind, a, b, None, signed_stated(claim))
    return v, as_written(claim, rec)


def as_written(claim, rec):
    """A recomputed signed value in the stated figure's convention (a 下降 rate positive)."""
    if rec is None:
        return None
    if claim.get("direction") == "down":
        return rec[1:] if rec.startswith("-") else ("-" + rec if Fraction(rec) != 0 else rec)
    return rec


def squeeze(s):
    return re.sub(r"\s+", "", s)


def figures_in(text):
    """The figures of a quote, read both with white space as a separator (table cells side by side) and
    with it removed (a number broken by a PDF line break)."""
    pattern = r"\d[\d,]*(?:\.\d+)?"
    spaced = re.sub(r"\s+", " ", text)
    found = [m.group(0).replace(",", "") for m in re.finditer(pattern, spaced)]
    return found + [m.group(0).replace(",", "") for m in re.finditer(pattern, squeeze(text))]


def check_doc(stem, meta, text, problems):
    where = lambda i, c: f"{stem} claim {i + 1} ({c.get('kind')} {c.get('stated')})"
    for field in ("source", "unit", "province", "year", "type", "form", "claims"):
        if field not in meta:
            problems.append(f"{stem}: no {field}")
    if meta.get("type") not in TYPES:
        problems.append(f"{stem}: type {meta.get('type')!r} not one of {sorted(TYPES)}")
    flat = squeeze(text)
    for i, c in enumerate(meta.get("claims", [])):
        try:
            if c["kind"] not in KINDS:
                raise ValueError(f"kind {c['kind']!r}")
            if c["verdict"] not in VERDICTS:
                raise ValueError(f"verdict {c['verdict']!r}")
            q = squeeze(c["quote"])
            if q not in flat:
                raise ValueError(f"quote not in text: {c['quote'][:40]}…")
            if c["kind"] != "direction" and Fig(c["stated"]).text.lstrip("-+") not in figures_in(c["quote"]):
                raise ValueError(f"stated {c['stated']} not a figure of its quote")
            v, rec = recompute(c)
            if v != c["verdict"]:
                raise ValueError(f"verdict {c['verdict']} but the arithmetic gives {v} (recomputed {rec})")
            if rec is not None and v != "not_computable" and c.get("recomputed") != rec:
                raise ValueError(f"recomputed {c.get('recomputed')} but the arithmetic gives {rec}")
        except (KeyError, ValueError, ZeroDivisionError) as e:
            problems.append(f"{where(i, c)}: {e}")
    # one claim keyed twice (two quotes around the same stated figure, same kind and inputs) would count
    # one engine claim as two misses or two finds
    seen = {}
    for i, c in enumerate(meta.get("claims", [])):
        q = squeeze(c.get("quote", ""))
        k = q.find(str(c.get("stated", "")))
        if flat.count(q) != 1 or k < 0:
            continue
        ident = (c.get("kind"), c.get("stated"), json.dumps(c.get("inputs"), sort_keys=True), flat.find(q) + k)
        if ident in seen:
            problems.append(f"{where(i, c)}: the same claim as claim {seen[ident] + 1}")
        seen.setdefault(ident, i)
    # one identity keyed on two of its figures ("收入 = 支出 + 结余" and "结余 = 收入 − 支出"), or one pair of
    # figures keyed both as balance and as same-figure, is one check
    identities = {}
    for i, c in enumerate(meta.get("claims", [])):
        inputs = c.get("inputs") or {}
        if c.get("kind") == "sum":
            figs = [inputs.get("total")] + list(inputs.get("parts") or [])
            # keyed on another of its figures: the same identity with a different stated figure (the same
            # figure stated in two places is two claims)
            others = [x for x in figs if str(x).lstrip("-") != str(c.get("stated"))]
            ident = ("sum", tuple(sorted(str(x).lstrip("-") for x in figs)), str(c.get("stated")))
            for prior in identities:
                if prior[0] == "sum" and prior[1] == ident[1] and prior[2] != ident[2] and others:
                    problems.append(f"{where(i, c)}: the same check as claim {identities[prior] + 1}")
                    break
        elif c.get("kind") in ("balance", "same-figure"):
            ident = ("pair", squeeze(c.get("quote", "")), inputs.get("a"), inputs.get("b"))
        else:
            continue
        if ident[0] == "pair" and ident in identities:
            problems.append(f"{where(i, c)}: the same check as claim {identities[ident] + 1}")
        identities.setdefault(ident, i)


def main():
    quiet = "--quiet" in sys.argv
    problems = []
    stems = sorted(f[:-5] for f in os.listdir(CORPUS) if f.endswith(".json"))
    kinds, verdicts, provinces, years, types = (collections.Counter() for _ in range(5))
    for stem in stems:
        try:
            meta = json.load(open(os.path.join(CORPUS, stem + ".json"), encoding="utf-8"))
            text = open(os.path.join(CORPUS, stem + ".txt"), encoding="utf-8").read()
        except (OSError, json.JSONDecodeError) as e:
            problems.append(f"{stem}: {e}")
            continue
        check_doc(stem, meta, text, problems)
        provinces[meta.get("province")] += 1
        years[meta.get("year")] += 1
        types[meta.get("type")] += 1
        for c in meta.get("claims", []):
            kinds[c.get("kind")] += 1
            verdicts[c.get("verdict")] += 1
    for p in problems:
        print("KEY PROBLEM:", p)
    if not quiet:
        print("kinds:", dict(kinds.most_common()))
        print("verdicts:", dict(verdicts.most_common()))
        print("types:", dict(types.most_common()))
        print("years:", dict(sorted((k, v) for k, v in years.items() if k is not None)))
        print("provinces:", dict(provinces.most_common()))
    print(f"corpus: {len(stems)} documents, {len(provinces)} provinces, {sum(kinds.values())} keyed claims, "
          f"{len(problems)} key problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
