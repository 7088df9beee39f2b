#!/usr/bin/env python3
"""Builds Lexicons/word-clusters.tsv: distributional word classes for the entity model.

Usage: Scripts/build-word-clusters.py

Unlabelled text only: the kumparan news sentences of the nlp-id package (MIT; the part of
../shared/data/corpus/corpus-all.txt after corpus-raw.txt) and the words of the two NER train
splits (their labels are not read). Each word seen three times or more is described by the
words around it (two on each side, among the 5,000 most frequent tokens), weighted by positive
pointwise mutual information, reduced to 200 dimensions (truncated SVD) and grouped by
spherical k-means three times: 64, 256 and 1,024 classes. Words used alike (place names,
given names, months, organisation heads) share a class, so the model can generalise from a
name it was trained on to one it never saw. Deterministic (fixed seeds, one BLAS thread) for
one numpy and scipy version (built with numpy 2.4.6 and scipy 1.17.1).

Output: word<TAB>c64<TAB>c256<TAB>c1024, lower-cased words, sorted.
"""
import collections
import os
import re

# One thread for the linear algebra: sums in another order can flip a near tie in k-means.
for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

import numpy as np  # noqa: E402
import scipy.sparse as sp  # noqa: E402
from scipy.sparse.linalg import svds  # noqa: E402

from unlabelled_text import ROOT, ner_train_sentences, nlp_id_documents  # noqa: E402

TOKEN = re.compile(r"[^\W_]+(?:[-'.][^\W_]+)*|[^\w\s]", re.UNICODE)
MIN_COUNT, CONTEXTS, DIMS, SIZES, OFFSETS = 3, 5000, 200, (64, 256, 1024), (-2, -1, 1, 2)


def sequences():
    """Lower-cased token sequences: the nlp-id documents, then the NER train sentences."""
    for doc in nlp_id_documents():
        tokens = TOKEN.findall(doc.lower())
        if tokens:
            yield tokens
    for sentence in ner_train_sentences():
        yield [t.lower() for t in sentence]


def main():
    seqs = list(sequences())
    counts = collections.Counter(t for s in seqs for t in s)
    words = sorted((w for w, c in counts.items() if c >= MIN_COUNT and any(ch.isalpha() for ch in w)),
                   key=lambda w: (-counts[w], w))
    contexts = sorted(counts, key=lambda w: (-counts[w], w))[:CONTEXTS]
    row = {w: i for i, w in enumerate(words)}
    col = {w: i for i, w in enumerate(contexts)}
    rows, cols = [], []
    for s in seqs:
        padded = ["<s>", "<s>"] + s + ["</s>", "</s>"]
        for k in range(2, len(padded) - 2):
            r = row.get(padded[k])
            if r is None:
                continue
            for slot, d in enumerate(OFFSETS):
                c = col.get(padded[k + d])
                if c is not None:
                    rows.append(r)
                    cols.append(slot * CONTEXTS + c)
    m = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(words), len(OFFSETS) * CONTEXTS))
    m.sum_duplicates()
    total = m.sum()
    word_p = np.asarray(m.sum(axis=1)).ravel() / total
    ctx = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    ctx_p = ctx / ctx.sum()
    m = m.tocoo()
    pmi = np.log(m.data / total / (word_p[m.row] * ctx_p[m.col]))
    keep = pmi > 0
    ppmi = sp.csr_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape)
    rng = np.random.default_rng(13)
    u, s, _ = svds(ppmi, k=DIMS, v0=rng.standard_normal(min(ppmi.shape)))
    order = np.argsort(-s)
    vectors = u[:, order] * np.sqrt(s[order])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    labels = [kmeans(vectors, k, np.random.default_rng(17 + k)) for k in SIZES]
    out = os.path.join(ROOT, "Lexicons", "word-clusters.tsv")
    with open(out, "w", encoding="utf-8") as f:
        f.write("# word\tc64\tc256\tc1024: distributional classes (Scripts/build-word-clusters.py)\n")
        for i in sorted(range(len(words)), key=lambda i: words[i]):
            f.write(f"{words[i]}\t" + "\t".join(str(int(l[i])) for l in labels) + "\n")
    print(f"{len(words)} words from {sum(map(len, seqs))} tokens -> {out}")


def kmeans(x, k, rng, iterations=25):
    """Spherical k-means (cosine), centres seeded from k distinct words."""
    centres = x[rng.choice(len(x), k, replace=False)].copy()
    labels = np.zeros(len(x), dtype=np.int64)
    for _ in range(iterations):
        labels = np.argmax(x @ centres.T, axis=1)
        for c in range(k):
            members = x[labels == c]
            if len(members):
                v = members.sum(axis=0)
                centres[c] = v / (np.linalg.norm(v) + 1e-9)
    return labels


if __name__ == "__main__":
    main()
