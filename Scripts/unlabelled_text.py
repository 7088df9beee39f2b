"""The unlabelled text the lexicon builders learn from, read in place from ../shared/data.

- `nlp_id_documents()`: the kumparan news sentences of the nlp-id package (MIT), the part of
  corpus/corpus-all.txt after corpus-raw.txt, one document at a time.
- `ner_train_sentences()`: the tokens of the two NER train splits (their labels are not read).
"""
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared", "data")


def nlp_id_documents():
    """The nlp-id documents, as text."""
    with open(os.path.join(SHARED, "corpus", "corpus-all.txt"), "rb") as f:
        whole = f.read()
    with open(os.path.join(SHARED, "corpus", "corpus-raw.txt"), "rb") as f:
        raw = f.read()
    assert whole.startswith(raw), "corpus-all.txt no longer starts with corpus-raw.txt"
    yield from whole[len(raw):].decode("utf-8").split("\n\n")


def ner_train_sentences():
    """The sentences of IDNer news 2k train and NERGrit train, as lists of tokens (cased)."""
    for path, sep in (("ner/idner-news-2k/train.txt", " "), ("ner/nergrit/train_preprocess.txt", "\t")):
        sentence = []
        with open(os.path.join(SHARED, path), encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line.strip():
                    if sentence:
                        yield sentence
                    sentence = []
                else:
                    sentence.append(line.split(sep)[0])
        if sentence:
            yield sentence
