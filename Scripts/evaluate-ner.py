#!/usr/bin/env python3
"""Scores Warta's entity tagger on the NER sets in ../shared/data/ner/ (read in place):
entity-level micro and per-type precision, recall and F1 with exact span and type (conlleval),
LOC covering LOC and FAC. NERGrit's PERSON, PLACE, ORGANISATION map to PER, LOC, ORG.

Usage: Scripts/evaluate-ner.py [NER_DIR] [--verbose] [--train] [--model FILE|none] [--lexicon FILE] [--compare] [--cv]

--verbose  also counts the errors by kind (wrong type, wrong boundary, missed, spurious) with
           the most frequent examples of each.
--train    scores the train splits instead (for studying error patterns; the floors are on dev).
--model    tags with that model (`warta tag --model`); `none` is the rule tagger alone.
--lexicon  tags with that entity lexicon added (`warta tag --lexicon`); repeatable.
--compare  scores three taggers on both dev sets: the rules alone, the model trained without
           gazetteer (and rule) features (trained here with the built-in model's recipe), and
           the built-in model.
--cv       also prints 5-fold cross-validation on the union of the two train splits, for the
           model with and without gazetteer features (`warta train-ner --cross-validate 5`).
"""
import collections
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NER = next((a for i, a in enumerate(sys.argv[1:]) if not a.startswith("--") and sys.argv[i] not in ("--model", "--lexicon")), os.path.join(os.path.dirname(ROOT), "shared", "data", "ner"))
MAP = {"PERSON": "PER", "PLACE": "LOC", "ORGANISATION": "ORG", "PER": "PER", "LOC": "LOC", "ORG": "ORG", "FAC": "LOC"}


def read(path):
    sentences, cur = [], []
    for line in open(path, encoding="utf-8"):
        parts = line.split()
        if not parts:
            if cur:
                sentences.append(cur)
            cur = []
            continue
        cur.append((parts[0], parts[-1]))
    if cur:
        sentences.append(cur)
    return sentences


def spans(tags):
    out, start, kind = set(), None, None
    for i, t in enumerate(tags + ["O"]):
        if t == "O" or t.startswith("B-") or (t.startswith("I-") and MAP.get(t[2:]) != kind):
            if start is not None:
                out.add((start, i, kind))
            start, kind = (i, MAP.get(t[2:])) if t != "O" and MAP.get(t[2:]) else (None, None)
    return out


WARTA = os.path.join(ROOT, ".build", "release", "warta")
TRAIN = ["idner-news-2k/train.txt", "nergrit/train_preprocess.txt"]
DEV = ["idner-news-2k/dev.txt", "nergrit/valid_preprocess.txt"]


def option(name):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv[:-1] else None


def score(name, path, model=None):
    gold = read(path)
    conll = "\n\n".join("\n".join(t for t, _ in s) for s in gold) + "\n"
    extra = ["--model", model] if model else []
    for i, a in enumerate(sys.argv[:-1]):
        if a == "--lexicon":
            extra += ["--lexicon", sys.argv[i + 1]]
    out = subprocess.run([WARTA, "tag", "--format", "conll", "--pretokenized"] + extra,
                         input=conll, capture_output=True, text=True).stdout
    pred = [[l.split("\t")[1] for l in block.split("\n") if l] for block in out.strip("\n").split("\n\n")]
    counts = collections.Counter()
    errors = collections.defaultdict(collections.Counter)
    for g, p in zip(gold, pred):
        gs, ps = spans([t for _, t in g]), spans(p)
        words = [w for w, _ in g]
        show = lambda sp: " ".join(words[sp[0]:sp[1]])
        for sp in gs - ps:
            same = [q for q in ps if (q[0], q[1]) == (sp[0], sp[1])]
            over = [q for q in ps if q[0] < sp[1] and sp[0] < q[1] and q[2] == sp[2]]
            if same:
                errors["wrong type (gold→tagged)"][f"{show(sp)}: {sp[2]}→{same[0][2]}"] += 1
            elif over:
                errors["wrong boundary (gold | tagged)"][f"{sp[2]} {show(sp)} | {show(over[0])}"] += 1
            else:
                errors["missed"][f"{sp[2]} {show(sp)}"] += 1
        for sp in ps - gs:
            if not any(q[0] < sp[1] and sp[0] < q[1] for q in gs):
                errors["spurious"][f"{sp[2]} {show(sp)}"] += 1
        for kind in ("PER", "ORG", "LOC"):
            gk = {s for s in gs if s[2] == kind}
            pk = {s for s in ps if s[2] == kind}
            counts[kind, "tp"] += len(gk & pk)
            counts[kind, "fp"] += len(pk - gk)
            counts[kind, "fn"] += len(gk - pk)
    def prf(tp, fp, fn):
        p = tp / max(1, tp + fp); r = tp / max(1, tp + fn)
        return p, r, 0 if p + r == 0 else 2 * p * r / (p + r)
    tp = sum(counts[k, "tp"] for k in ("PER", "ORG", "LOC"))
    fp = sum(counts[k, "fp"] for k in ("PER", "ORG", "LOC"))
    fn = sum(counts[k, "fn"] for k in ("PER", "ORG", "LOC"))
    p, r, f = prf(tp, fp, fn)
    line = f"{name}: micro P {p:.3f} R {r:.3f} F1 {f:.3f}"
    for kind in ("PER", "ORG", "LOC"):
        kp, kr, kf = prf(counts[kind, "tp"], counts[kind, "fp"], counts[kind, "fn"])
        line += f"; {kind} P {kp:.3f} R {kr:.3f} F1 {kf:.3f}"
    print(line)
    if "--verbose" in sys.argv and "--compare" not in sys.argv:
        for kind, c in errors.items():
            print(f"  {kind}: {sum(c.values())}")
            for example, n in c.most_common(12):
                print(f"    {n:4d}  {example}")


def train_args(*extra):
    args = [WARTA, "train-ner"]
    for t in TRAIN:
        args += ["--train", os.path.join(NER, t)]
    return args + list(extra)


if __name__ == "__main__":
    subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "warta"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    model = option("--model")
    if "--compare" in sys.argv:
        import tempfile
        plain = os.path.join(tempfile.mkdtemp(), "no-gazetteer.model")
        subprocess.run(train_args("--no-gazetteer", "--no-rules", "--output", plain), check=True, stdout=subprocess.DEVNULL)
        for label, m in (("rules alone", "none"), ("model without gazetteer", plain), ("full model", None)):
            print(f"== {label}")
            score("IDNer news dev", os.path.join(NER, DEV[0]), m)
            score("NERGrit valid", os.path.join(NER, DEV[1]), m)
    elif "--train" in sys.argv:
        score("IDNer news train", os.path.join(NER, TRAIN[0]), model)
        score("NERGrit train", os.path.join(NER, TRAIN[1]), model)
    else:
        score("IDNer news dev", os.path.join(NER, DEV[0]), model)
        score("NERGrit valid", os.path.join(NER, DEV[1]), model)
    if "--cv" in sys.argv:
        for label, extra in (("model without gazetteer", ["--no-gazetteer", "--no-rules"]), ("full model", [])):
            out = subprocess.run(train_args("--cross-validate", "5", *extra), check=True, capture_output=True, text=True).stdout
            print(f"== 5-fold cross-validation, {label}")
            print(out.strip())
