#!/usr/bin/env python3
"""Scores Warta's entity tagger on the NER sets in ../shared/data/ner/ (read in place):
entity-level micro and per-type precision, recall and F1 with exact span and type (conlleval),
LOC covering LOC and FAC. NERGrit's PERSON, PLACE, ORGANISATION map to PER, LOC, ORG.

Usage: Scripts/evaluate-ner.py [NER_DIR] [--verbose] [--unlisted] [--train] [--model FILE|none] [--lexicon FILE] [--compare] [--cv] [--cv-merged]

--verbose  also counts the errors by kind (wrong type, wrong boundary, missed, spurious) with
           the most frequent examples of each.
--unlisted also gives the recall of the gold names the built-in lexicons list (a name of
           given-names, organizations, places or wiki-names, case aside) apart from those they do
           not: text from other outlets and years holds more of the second kind, so their recall
           is the better guess of the figures there.
--train    scores the train splits instead (for studying error patterns; the floors are on dev).
--model    tags with that model (`warta tag --model`); `none` is the rule tagger alone.
--lexicon  tags with that entity lexicon added (`warta tag --lexicon`); repeatable.
--compare  scores three taggers on both dev sets: the rules alone, the model trained without
           gazetteer (and rule) features (trained here with the built-in model's recipe), and
           the built-in model.
--cv       also prints 5-fold cross-validation on the union of the two train splits, for the
           model with and without gazetteer features (`warta train-ner --cross-validate 5`).
--cv-merged  5-fold cross-validation of the tagger Warta ships (the model merged with the
           rules) beside the model alone on the same folds: each fold's model is trained by
           `warta train-ner` on the other folds, then the fold is tagged by `warta tag --model`.
"""
import collections
import functools
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


@functools.cache
def listed_names():
    """The lower-cased names of PER, ORG and LOC entries of the built-in lexicons (read once)."""
    names = set()
    for f in ("given-names.tsv", "organizations.tsv", "places.tsv", "wiki-names.tsv"):
        for line in open(os.path.join(ROOT, "Lexicons", f), encoding="utf-8"):
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 2 and cols[1] in ("PER", "ORG", "LOC", "FAC"):
                names.add(cols[0].lower())
    return names


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
    listed = listed_names() if "--unlisted" in sys.argv else None
    for g, p in zip(gold, pred):
        gs, ps = spans([t for _, t in g]), spans(p)
        words = [w for w, _ in g]
        show = lambda sp: " ".join(words[sp[0]:sp[1]])
        if listed is not None:
            for sp in gs:
                kind = "listed" if show(sp).lower() in listed else "unlisted"
                counts[kind, "gold"] += 1
                counts[kind, "found"] += sp in ps
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
    if listed is not None:
        print("  recall of names the lexicons list: " + "; ".join(
            f"{kind} {counts[kind, 'found'] / max(1, counts[kind, 'gold']):.3f} ({counts[kind, 'found']}/{counts[kind, 'gold']})"
            for kind in ("listed", "unlisted")))
    if "--verbose" in sys.argv and "--compare" not in sys.argv:
        for kind, c in errors.items():
            print(f"  {kind}: {sum(c.values())}")
            for example, n in c.most_common(12):
                print(f"    {n:4d}  {example}")


def fold_scores(counts_of):
    """Micro F1 and per-type F1 from summed counts."""
    f = lambda tp, fp, fn: 2 * tp / max(1, 2 * tp + fp + fn)
    total = [sum(counts_of[k, x] for k in ("PER", "ORG", "LOC")) for x in ("tp", "fp", "fn")]
    return f(*total), {k: f(counts_of[k, "tp"], counts_of[k, "fp"], counts_of[k, "fn"]) for k in ("PER", "ORG", "LOC")}


def cross_validate_merged(k=5):
    """Cross-validation of the merged tagger and of the model alone on the same folds."""
    import random
    import re
    import tempfile
    mapped = {"PERSON": "PER", "PLACE": "LOC", "ORGANISATION": "ORG"}
    sentences = [[(w, t if t == "O" else t[:2] + mapped.get(t[2:], t[2:])) for w, t in s]
                 for path in TRAIN for s in read(os.path.join(NER, path))]
    order = list(range(len(sentences)))
    random.Random(13).shuffle(order)
    tmp = tempfile.mkdtemp()
    merged, alone = collections.Counter(), []
    for f in range(k):
        def write(name, keep):
            path = os.path.join(tmp, name)
            with open(path, "w", encoding="utf-8") as out:
                out.write("\n\n".join("\n".join(f"{w}\t{t}" for w, t in sentences[i]) for j, i in enumerate(order) if keep(j)) + "\n")
            return path
        train, held = write(f"train{f}.txt", lambda j: j % k != f), write(f"held{f}.txt", lambda j: j % k == f)
        model = os.path.join(tmp, f"fold{f}.model")
        out = subprocess.run([WARTA, "train-ner", "--train", train, "--dev", held, "--output", model],
                             check=True, capture_output=True, text=True).stdout
        alone.append([l for l in out.splitlines() if "micro" in l][-1].split(": ", 1)[1])
        gold = read(held)
        conll = "\n\n".join("\n".join(t for t, _ in s) for s in gold) + "\n"
        tagged = subprocess.run([WARTA, "tag", "--format", "conll", "--pretokenized", "--model", model],
                                input=conll, capture_output=True, text=True, check=True).stdout
        pred = [[l.split("\t")[1] for l in block.split("\n") if l] for block in tagged.strip("\n").split("\n\n")]
        for g, p in zip(gold, pred):
            gs, ps = spans([t for _, t in g]), spans(p)
            for kind in ("PER", "ORG", "LOC"):
                gk, pk = {x for x in gs if x[2] == kind}, {x for x in ps if x[2] == kind}
                merged[kind, "tp"] += len(gk & pk); merged[kind, "fp"] += len(pk - gk); merged[kind, "fn"] += len(gk - pk)
    micro = [float(re.search(r"F1 ([0-9.]+)", a).group(1)) for a in alone]
    print(f"== {k}-fold cross-validation, same folds (seed 13)")
    print(f"model alone: mean micro F1 {sum(micro) / k:.3f} (folds {', '.join(f'{x:.3f}' for x in micro)})")
    f1, per = fold_scores(merged)
    print(f"merged with the rules: micro F1 {f1:.3f}; " + "; ".join(f"{t} F1 {v:.3f}" for t, v in per.items()))


def train_args(*extra):
    args = [WARTA, "train-ner"]
    for t in TRAIN:
        args += ["--train", os.path.join(NER, t)]
    return args + list(extra)


if __name__ == "__main__":
    subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--experimental-lto-mode=full", "--product", "warta"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
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
    if "--cv-merged" in sys.argv:
        cross_validate_merged()
    if "--cv" in sys.argv:
        for label, extra in (("model without gazetteer", ["--no-gazetteer", "--no-rules"]), ("full model", [])):
            out = subprocess.run(train_args("--cross-validate", "5", *extra), check=True, capture_output=True, text=True).stdout
            print(f"== 5-fold cross-validation, {label}")
            print(out.strip())
