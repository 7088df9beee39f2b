#!/usr/bin/env python3
"""Builds Lexicons/lowercase-words.tsv: words news text writes in lower case.

Usage: Scripts/build-lowercase-words.py

Unlabelled text only, the same as Scripts/build-word-clusters.py reads: the kumparan news
sentences of the nlp-id package (MIT; the part of ../shared/data/corpus/corpus-all.txt after
corpus-raw.txt) and the words of the two NER train splits (their labels are not read). Inside a
sentence (not its first word, nor the first after an opening quote or bracket), a word written
in lower case at least MIN_LOWER times and capitalised in at most MAX_CAPITAL_SHARE of its
uses is a common word: `inflasi`, `banggakan`, `bicara`, but not `budi` or `indah`, which news
writes as names more often. The entity tagger reads such a word, capitalised in a title-case
headline or at a sentence's start, as no evidence of a name.

Output: one lower-case word a line, sorted.
"""
import collections
import os
import re

from unlabelled_text import ROOT, ner_train_sentences, nlp_id_documents

TOKEN = re.compile(r"[^\W_]+(?:[-'.][^\W_]+)*|[^\w\s]", re.UNICODE)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
MIN_LOWER, MAX_CAPITAL_SHARE = 3, 0.1
OPENERS = set("\"“‘'([")


def sentences():
    """Token lists with their case: the nlp-id sentences, then the NER train sentences."""
    for doc in nlp_id_documents():
        for line in doc.split("\n"):
            for s in SENTENCE_END.split(line):
                tokens = TOKEN.findall(s)
                if tokens:
                    yield tokens
    yield from ner_train_sentences()


def main():
    lower, capital = collections.Counter(), collections.Counter()
    for tokens in sentences():
        for k, t in enumerate(tokens):
            if k == 0 or tokens[k - 1] in OPENERS or not t[0].isalpha():
                continue
            if t.islower():
                lower[t] += 1
            elif t[0].isupper() and not t.isupper():
                capital[t.lower()] += 1
    words = sorted(w for w, n in lower.items()
                   if n >= MIN_LOWER and capital[w] <= MAX_CAPITAL_SHARE * (n + capital[w]) and len(w) > 1)
    with open(os.path.join(ROOT, "Lexicons", "lowercase-words.tsv"), "w", encoding="utf-8") as out:
        out.write("# word: written in lower case inside sentences (Scripts/build-lowercase-words.py)\n")
        for w in words:
            out.write(w + "\n")
    print(f"{len(words)} words")


if __name__ == "__main__":
    main()
