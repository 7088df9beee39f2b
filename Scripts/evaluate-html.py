#!/usr/bin/env python3
"""Scores Warta's HTML extraction against the annotated news pages in ../shared/data/html/.

Usage: Scripts/evaluate-html.py [HTML_DIR] [--verbose]

The pages are read in place (they are evaluation only and never enter the project).
2015 set (gold.jsonl from the upstream scraper): body bag-of-words precision, recall and F1
(as trafilatura's evaluation does), word recall (every distinct gold word kept in the record), title exact match after whitespace normalization, date by
day and by minute, index pages recognised. Modern set (gold written by reading each page):
title, date to the minute, authors, editors, dateline, section, body start and end (first and
last sentence), paragraph count, "Baca juga" removal, multi-page detection.
"""
import collections
import datetime
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HTML = next((a for a in sys.argv[1:] if not a.startswith("--")), os.path.join(os.path.dirname(ROOT), "shared", "data", "html"))
VERBOSE = "--verbose" in sys.argv
WARTA = os.path.join(ROOT, ".build", "release", "warta")


def run(paths):
    out = subprocess.run([WARTA, "process", "--input-format", "html"] + paths, capture_output=True, text=True)
    return [json.loads(line) for line in out.stdout.splitlines()]


def words(text):
    return collections.Counter(re.findall(r"\w+", (text or "").lower()))


def prf(pred, gold):
    p, g = words(pred), words(gold)
    common = sum((p & g).values())
    precision = common / max(1, sum(p.values()))
    recall = common / max(1, sum(g.values()))
    f1 = 0 if common == 0 else 2 * precision * recall / (precision + recall)
    return precision, recall, f1


# Lines of the 2015 gold that are page furniture the upstream scraper kept (a comment counter).
GOLD_FURNITURE = [re.compile(r"^\s*\d+\s+komentar\s*$", re.I | re.M)]


def word_recall(record, gold_text):
    """Share of the gold body's distinct words that the record keeps: in its text, or moved with a
    sign into byline_initials or source_credit (which stands for its label, "Sumber:"). A gold word glued to its neighbour in the record
    ("sidejob</i>nya") counts when it occurs inside a record word. Returns (recall, missing words)."""
    for pattern in GOLD_FURNITURE:
        gold_text = pattern.sub("", gold_text)
    kept = " ".join([record.get("text") or "", record.get("byline_initials") or "", ("sumber source " + record["source_credit"]) if record.get("source_credit") else ""]).lower()
    have = set(re.findall(r"\w+", kept))
    glued = " ".join(have)
    want = set(re.findall(r"\w+", gold_text.lower()))
    missing = sorted(w for w in want if w not in have and w not in glued)
    return 1 - len(missing) / max(1, len(want)), missing


def norm(s):
    return re.sub(r"\s+", " ", (s or "")).strip()


def parse_iso(s):
    if not s:
        return None
    try:
        return datetime.datetime.fromisoformat(s)
    except ValueError:
        return None


def main():
    subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--experimental-lto-mode=full", "--product", "warta"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    # 2015 set
    base = os.path.join(HTML, "pages-2015")
    gold = [json.loads(l) for l in open(os.path.join(base, "gold.jsonl"), encoding="utf-8")]
    records = run([os.path.join(base, g["fixture"]) for g in gold])
    per_site = collections.defaultdict(list)
    titles = day = minute = 0
    full_recall = 0
    for g, r in zip(gold, records):
        body = r.get("text", "")
        p, rc, f1 = prf(body, g["content"])
        wr, missing = word_recall(r, g["content"])
        full_recall += wr == 1
        if VERBOSE and missing:
            print(f"  {g['fixture']}: word recall {wr:.3f}, missing {missing[:20]}")
        per_site[g["site_dir"]].append(f1)
        title_ok = norm(r.get("title")) == norm(g["title"])
        titles += title_ok
        want = datetime.datetime.fromtimestamp(g["date"] / 1000, datetime.timezone.utc)
        got = parse_iso(r.get("published"))
        if got is not None and got.tzinfo is None:
            got = got.replace(tzinfo=datetime.timezone(datetime.timedelta(hours=7)))
        d_ok = got is not None and got.astimezone(datetime.timezone.utc).date() == want.date() or (
            got is not None and got.date() == want.astimezone(datetime.timezone(datetime.timedelta(hours=7))).date())
        m_ok = got is not None and "T" in (r.get("published") or "") and abs((got - want).total_seconds()) < 60
        day += d_ok
        minute += m_ok
        if VERBOSE and (f1 < 0.95 or not title_ok or not m_ok):
            print(f"  {g['fixture']}: F1 {f1:.3f} (P {p:.3f} R {rc:.3f}) title {'ok' if title_ok else repr(r.get('title'))} "
                  f"date {r.get('published')} want {want.astimezone(datetime.timezone(datetime.timedelta(hours=7))).isoformat()}")
    n = len(gold)
    all_f1 = [f for v in per_site.values() for f in v]
    print(f"2015 set, {n} articles: body F1 {sum(all_f1) / n:.3f}; word recall 1.0 on {full_recall}/{n}; titles {titles}/{n}; "
          f"dates by day {day}/{n}, by minute {minute}/{n}")
    for site, f in sorted(per_site.items()):
        print(f"  {site:10s} body F1 {sum(f) / len(f):.3f} ({len(f)} pages)")
    mains = sorted(os.path.join(base, d, f) for d in os.listdir(base) if os.path.isdir(os.path.join(base, d))
                   for f in os.listdir(os.path.join(base, d)) if "mainpage" in f)
    idx = run(mains)
    ok = sum(1 for r in idx if r.get("page_type") == "index")
    print(f"  index pages recognised: {ok}/{len(mains)}" + ("" if ok == len(mains) else
          " (" + ", ".join(f"{os.path.basename(p)}={r.get('page_type')}" for p, r in zip(mains, idx) if r.get('page_type') != 'index') + ")"))

    # modern set
    base = os.path.join(HTML, "pages-modern")
    gold = [json.loads(l) for l in open(os.path.join(base, "gold.jsonl"), encoding="utf-8")]
    records = run([os.path.join(base, g["file"]) for g in gold])
    score = collections.Counter()
    articles = 0
    for g, r in zip(gold, records):
        is_index = g.get("first_sentence") is None and g.get("title") is None or "homepage" in g["file"]
        if is_index:
            score["index"] += r.get("page_type") == "index"
            score["index_n"] += 1
            if VERBOSE and r.get("page_type") != "index":
                print(f"  {g['file']}: page_type {r.get('page_type')}")
            continue
        articles += 1
        text = r.get("text", "")
        paragraphs = [text[s:e] for s, e in r.get("paragraphs", [])]
        checks = {
            "title": norm(r.get("title")) == norm(g["title"]),
            "date_minute": (r.get("published") or "")[:16] == (g["published"] or "")[:16]
            and (r.get("published") or "")[19:] == (g["published"] or "")[19:],
            "authors": sorted(r.get("authors", [])) == sorted(g["authors"]),
            "editors": sorted(r.get("editors", [])) == sorted(g["editors"]),
            "dateline": (r.get("dateline") or {}).get("place") == g["dateline"],
            "section": norm(r.get("section")).lower() == norm(g["section"]).lower(),
            "body_start": bool(paragraphs) and norm(paragraphs[0]).startswith(norm(g["first_sentence"])[:60]),
            "body_end": bool(paragraphs) and norm(paragraphs[-1]).endswith(norm(g["last_sentence"])[-60:]),
            "paragraphs": len(paragraphs) == g["paragraph_count"],
            "read_also_removed": not re.search(r"\bbaca( juga)?\s*:", text.lower()),
            "multi_page": (r.get("page") is not None) == bool(g["multi_page"]),
        }
        for k, v in checks.items():
            score[k] += v
        if VERBOSE:
            bad = [k for k, v in checks.items() if not v]
            if bad:
                print(f"  {g['file']}: wrong {bad}")
                for k in bad:
                    if k == "body_start":
                        print(f"     first: {paragraphs[0][:100] if paragraphs else None!r}\n     want:  {g['first_sentence'][:100]!r}")
                    elif k == "body_end":
                        print(f"     last: {paragraphs[-1][-100:] if paragraphs else None!r}\n     want: {g['last_sentence'][-100:]!r}")
                    elif k == "paragraphs":
                        print(f"     {len(paragraphs)} paragraphs, want {g['paragraph_count']}")
                    else:
                        key = {"date_minute": "published", "dateline": "dateline"}.get(k, k)
                        print(f"     {k}: {r.get(key)!r} want {g.get(key)!r}")
    line = ", ".join(f"{k} {score[k]}/{articles}" for k in
                     ["title", "date_minute", "authors", "editors", "dateline", "section", "body_start", "body_end",
                      "paragraphs", "read_also_removed", "multi_page"])
    print(f"modern set, {articles} articles: {line}; index pages {score['index']}/{score['index_n']}")


if __name__ == "__main__":
    main()
