#!/usr/bin/env python3
"""Scores Warta's quote attribution on PFSA-ID (evaluation only: read from ../shared, never copied).

Usage: Scripts/evaluate-quotes.py [--data DIR] [--warta BIN] [--verbose N] [--split dev.txt]

Rebuilds the raw articles from the token file (no space before , . ; : ) ? ! and none after (;
quote marks attach to the quoted words, opening and closing told apart by their order in the
article), runs `warta process --raw-text` on them as JSON Lines, and scores as
../shared/data/README.md describes:

- a predicted quote matches a gold STATEMENT when their character spans (quote marks and edge
  punctuation stripped) overlap by at least half of the longer one (one-to-one, greedy);
- the speaker is right when the predicted speaker mention, or a mention of the entity it was
  resolved to, overlaps the gold PERSON or PERSONCOREF span attached to that statement. The
  attached span is the one after the statement in its sentence (`,” kata Presiden`), else the one
  before it in its first sentence, else the nearest one before it in the article (the antecedent
  of `ujarnya`), else the nearest in the next sentence;
- end-to-end: a quote counts when it matches and its speaker is right.

PFSA-ID marks statements in quote marks (1,272 of its 1,273 dev statements), so precision and
recall are computed over Warta's direct and mixed quotes; indirect quotes are counted apart.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.path.join(os.path.dirname(ROOT), "shared", "data", "quotes", "pfsa-id")
QUOTES = set('"“”«»')
NO_SPACE_BEFORE = set(",.;:)?!")
EDGE = set('"“”«»‘’\'.,;:!? \n')


def read_sentences(path):
    sentences, current = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip():
                if current:
                    sentences.append(current)
                    current = []
                continue
            token, tag = line.split("\t")[:2]
            current.append((token, tag))
    if current:
        sentences.append(current)
    return sentences


def is_dateline(sentence):
    words = [t for t, _ in sentence[:8]]
    return "KOMPAS" in words and words.index("KOMPAS") > 0 and words[words.index("KOMPAS") - 1] == ","


def split_articles(sentences):
    articles = []
    for s in sentences:
        if is_dateline(s) or not articles:
            articles.append([])
        articles[-1].append(s)
    return articles


def rebuild(article):
    """The article's text and, per token, its character span and tag and sentence."""
    text = []
    length = 0
    spans, tags, sent_of = [], [], []
    inside = False
    attach_next = False
    for si, sentence in enumerate(article):
        for token, tag in sentence:
            space = length > 0
            if token in QUOTES:
                # The annotation gives the side of marks that start or end a statement (real
                # text shows it by spacing); other marks alternate.
                opening = token in "“«" or (token in '"”' and not inside)
                if tag in ("B-STATEMENT", "U-STATEMENT"):
                    opening = True
                elif tag == "L-STATEMENT" or token == "»":
                    opening = False
                inside = opening
                if not opening:
                    space = False
            elif token[0] in NO_SPACE_BEFORE and len(token) == 1:
                space = False
            if attach_next:
                space = False
            attach_next = token == "(" or (token in QUOTES and inside)
            if space:
                text.append(" ")
                length += 1
            spans.append((length, length + len(token)))
            text.append(token)
            length += len(token)
            tags.append(tag)
            sent_of.append(si)
    return "".join(text), spans, tags, sent_of


def chunks(tags, label):
    """Token index ranges [s, e) of BILOU chunks with `label`."""
    out, start = [], None
    for i, tag in enumerate(tags):
        kind, _, name = tag.partition("-")
        if name != label:
            if start is not None:
                out.append((start, i))
                start = None
            continue
        if kind in ("B", "U") or start is None:
            if start is not None:
                out.append((start, i))
            start = i
        if kind in ("L", "U"):
            out.append((start, i + 1))
            start = None
    if start is not None:
        out.append((start, len(tags)))
    return out


def strip(text, s, e):
    while s < e and text[s] in EDGE:
        s += 1
    while e > s and text[e - 1] in EDGE:
        e -= 1
    return s, e


def gold_quotes(text, spans, tags, sent_of):
    statements = chunks(tags, "STATEMENT")
    speakers = sorted(chunks(tags, "PERSON") + chunks(tags, "PERSONCOREF"))
    out = []
    for s, e in statements:
        first, last = sent_of[s], sent_of[e - 1]
        after = [p for p in speakers if p[0] >= e and sent_of[p[0]] == last]
        before_in = [p for p in speakers if p[1] <= s and sent_of[p[0]] == first]
        before = [p for p in speakers if p[1] <= s]
        following = [p for p in speakers if p[0] >= e and sent_of[p[0]] <= last + 1]
        chosen = (after[:1] or before_in[-1:] or before[-1:] or following[:1])
        speaker = None
        if chosen:
            a, b = chosen[0]
            speaker = (spans[a][0], spans[b - 1][1])
        cs, ce = strip(text, spans[s][0], spans[e - 1][1])
        out.append({"span": (cs, ce), "speaker": speaker})
    return out


def overlap(a, b):
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--split", default="dev.txt")
    ap.add_argument("--warta", default=os.path.join(ROOT, ".build", "release", "warta"))
    ap.add_argument("--verbose", type=int, default=0, help="print this many errors of each kind")
    ap.add_argument("--write-docs", metavar="DIR", help="also write each rebuilt article to DIR/ID.txt")
    args = ap.parse_args()

    articles = split_articles(read_sentences(os.path.join(args.data, args.split)))
    docs = []
    for k, article in enumerate(articles):
        text, spans, tags, sent_of = rebuild(article)
        docs.append({"id": f"pfsa-{k}", "text": text, "gold": gold_quotes(text, spans, tags, sent_of)})

    if args.write_docs:
        os.makedirs(args.write_docs, exist_ok=True)
        for d in docs:
            with open(os.path.join(args.write_docs, d["id"] + ".txt"), "w", encoding="utf-8") as f:
                f.write(d["text"] + "\n")
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "pfsa.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n")
        run = subprocess.run([args.warta, "process", "--raw-text", "--quiet", path],
                             capture_output=True, text=True)
        if run.returncode not in (0, 1):
            sys.exit(f"warta failed: {run.stderr}")
        records = {r["id"]: r for r in map(json.loads, run.stdout.splitlines())}

    counts = collections.Counter()
    by_kind = collections.Counter()
    errors = collections.defaultdict(list)
    for d in docs:
        record = records.get(d["id"], {})
        rtext = record.get("text", "")
        base = d["text"].find(rtext[:200]) if rtext else -1
        if base < 0:
            base = 0
        mentions = {e["id"]: [tuple(m["span"]) for m in e["mentions"]] for e in record.get("entities", [])}
        predicted = []
        for q in record.get("quotes", []):
            s, e = q["span"]
            s, e = strip(d["text"], s + base, e + base)
            sp = q.get("speaker")
            spans = []
            if sp:
                spans.append(tuple(x + base for x in sp["mention"]["span"]))
                for m in mentions.get(sp.get("entity"), []):
                    spans.append((m[0] + base, m[1] + base))
            predicted.append({"span": (s, e), "type": q["type"], "speaker": sp, "speaker_spans": spans})
        for p in predicted:
            by_kind[p["type"]] += 1
        scored = [p for p in predicted if p["type"] != "indirect"]
        gold = d["gold"]
        counts["gold"] += len(gold)
        counts["predicted"] += len(scored)
        pairs = []
        for gi, g in enumerate(gold):
            for pi, p in enumerate(scored):
                o = overlap(g["span"], p["span"])
                longer = max(g["span"][1] - g["span"][0], p["span"][1] - p["span"][0])
                if longer and o * 2 >= longer:
                    pairs.append((o / longer, gi, pi))
        pairs.sort(reverse=True)
        used_g, used_p = set(), set()
        for _, gi, pi in pairs:
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            g, p = gold[gi], scored[pi]
            counts["matched"] += 1
            how = p["speaker"]["resolved_by"] if p["speaker"] else "none"
            counts[f"matched:{how}"] += 1
            right = bool(g["speaker"] and p["speaker_spans"]
                         and any(overlap(g["speaker"], s) > 0 for s in p["speaker_spans"]))
            if right:
                counts["speaker_right"] += 1
                counts[f"right:{how}"] += 1
            elif len(errors["speaker"]) < args.verbose:
                gs = d["text"][g["speaker"][0]:g["speaker"][1]] if g["speaker"] else None
                ps = p["speaker"]["name"] if p["speaker"] else None
                errors["speaker"].append(f"{d['id']}: gold {gs!r} predicted {ps!r} ({how}): "
                                         f"{d['text'][p['span'][0]:p['span'][0] + 80]!r}")
        for gi, g in enumerate(gold):
            if gi not in used_g and len(errors["missed"]) < args.verbose:
                s, e = g["span"]
                errors["missed"].append(f"{d['id']}: {d['text'][max(0, s - 40):s]!r} [[{d['text'][s:e][:100]}]] "
                                        f"{d['text'][e:e + 40]!r}")
        for pi, p in enumerate(scored):
            if pi not in used_p and len(errors["spurious"]) < args.verbose:
                s, e = p["span"]
                errors["spurious"].append(f"{d['id']}: {d['text'][max(0, s - 40):s]!r} [[{d['text'][s:e][:100]}]] "
                                          f"{d['text'][e:e + 40]!r}")

    def prf(tp, pred, gold):
        p = tp / pred if pred else 0.0
        r = tp / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    m = counts["matched"]
    qp, qr, qf = prf(m, counts["predicted"], counts["gold"])
    ep, er, ef = prf(counts["speaker_right"], counts["predicted"], counts["gold"])
    print(f"PFSA-ID {args.split}: {len(docs)} articles, {counts['gold']} gold statements, "
          f"{counts['predicted']} predicted direct/mixed quotes")
    print(f"quotes       P {qp:.3f}  R {qr:.3f}  F1 {qf:.3f}")
    print(f"speaker      accuracy on matched {counts['speaker_right'] / m if m else 0:.3f} ({counts['speaker_right']}/{m})")
    print(f"end-to-end   P {ep:.3f}  R {er:.3f}  F1 {ef:.3f}")
    print("by resolution (matched quotes: speaker right / count):")
    for how in ("name", "pronoun", "role", "previous", "none"):
        c = counts[f"matched:{how}"]
        if c:
            print(f"  {how:9s} {counts[f'right:{how}'] / c:.3f} ({counts[f'right:{how}']}/{c})")
    print("predicted by type: " + ", ".join(f"{k} {v}" for k, v in sorted(by_kind.items())) +
          " (indirect quotes are not annotated in PFSA-ID and are not scored)")
    for kind, lines in errors.items():
        print(f"\n{kind}:")
        for line in lines:
            print("  " + line)


if __name__ == "__main__":
    main()
