#!/usr/bin/env python3
"""Regenerates Lexicons/speech-verbs.tsv from the compiled reporting-verb list.

Usage: Scripts/build-speech-verbs.py [SHARED_DIR]   (default: ../shared beside the repository)

Reads lexicon-sources/speech_verbs/reporting_verbs_compiled.tsv and writes one row per form:
form, lemma, form (bare | nya | men | di | dinya | preposition), tier (core | extended) and
ambiguous (yes when the bare form is also an adjective or an ordinary word: such forms count
as cues only in a reporting construction, next to a quote or a speaker). Rows with a malformed
tier are dropped; the extended tier keeps only the verbs listed in EXTENDED (opinion, denial
and request verbs that report speech); forms written for this project are in EXTRA.
"""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(ROOT), "shared")
SOURCE = os.path.join(SHARED, "lexicon-sources", "speech_verbs", "reporting_verbs_compiled.tsv")
OUT = os.path.join(ROOT, "Lexicons", "speech-verbs.tsv")

# Extended roots that report what someone said (the rest of the tier, such as duga, kira,
# lansir, umum or yakin, reports beliefs, estimates or sources, not a speaker's words).
EXTENDED = {"bantah", "tepis", "tampik", "sangkal", "desak", "minta", "tanya", "sahut", "keluh", "kritik",
            "sindir", "singgung", "tuding", "tuduh", "bisik", "teriak", "janji", "usul", "sarankan", "puji",
            "sesal", "komentar", "tanggap", "simpul", "ulang", "kenang", "ajak", "tegur", "ancam", "catat"}
# Bare roots that are also adjectives or ordinary words ("jelas" = clear, "tambah" = add).
AMBIGUOUS = {"jelas", "terang", "tegas", "tambah", "lanjut", "harap", "ingat", "nilai", "tulis", "tutup",
             "cerita", "pesan", "sampai", "nyata", "tekan", "jawab", "seru", "kisah", "sebut", "aku", "klaim",
             "urai", "sambung", "minta", "pinta", "tanya", "janji", "usul", "saran", "puji", "sesal",
             "komentar", "catat", "ulang", "ajak", "ancam", "kritik", "keluh", "yakin", "pasti", "bicara",
             "utara", "kemuka", "cerita", "imbau", "desak", "tuduh", "tuding", "kenang", "simpul", "tegur",
             "sahut", "tepis", "bantah", "tampik", "sangkal", "sindir", "singgung", "bisik", "teriak",
             "tanggap", "beber", "papar", "ungkap", "tandas", "pungkas", "timpal", "sambut"}
KINDS = {"bare": "bare", "bare+nya": "nya", "bare+pronoun": "nya", "meN/ber-": "men", "di-": "di",
         "di+nya": "dinya", "preposition": "preposition"}
# (form, lemma, kind) written for this project: common news forms the compiled list lacks.
EXTRA = [("mengungkapkan", "ungkap", "men"), ("menyatakan", "nyata", "men"), ("menerangkan", "terang", "men"),
         ("menandaskan", "tandas", "men"), ("menyampaikan", "sampai", "men"), ("disampaikan", "sampai", "di"),
         ("menuturkan", "tutur", "men"), ("paparnya", "papar", "nya"), ("tuturnya", "tutur", "nya"),
         ("kata", "kata", "bare"), ("ucapnya", "ucap", "nya"), ("tambahnya", "tambah", "nya"),
         ("lanjutnya", "lanjut", "nya"), ("tegasnya", "tegas", "nya"), ("ungkapnya", "ungkap", "nya"),
         ("sebutnya", "sebut", "nya"), ("pungkasnya", "pungkas", "nya"), ("tandasnya", "tandas", "nya"),
         ("katanya", "kata", "nya"), ("ujarnya", "ujar", "nya"), ("imbuhnya", "imbuh", "nya"),
         ("terangnya", "terang", "nya"), ("jelasnya", "jelas", "nya"), ("menurutnya", "menurut", "nya"),
         ("berpendapat", "pendapat", "men"), ("berkata", "kata", "men"), ("berujar", "ujar", "men"),
         ("bertutur", "tutur", "men"), ("berpesan", "pesan", "men"), ("berkomentar", "komentar", "men")]


def main():
    rows = {}
    with open(SOURCE, encoding="utf-8") as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4:
                continue
            root, tier, form, kind = cols[0].split(",")[0].strip(), cols[1], cols[2].strip().lower(), cols[3]
            if tier not in ("core", "extended") or kind not in KINDS or not form:
                continue
            if tier == "extended" and root not in EXTENDED:
                continue
            rows.setdefault(form, (root, KINDS[kind], tier))
    for form, root, kind in EXTRA:
        rows.setdefault(form, (root, kind, "core"))
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("form\tlemma\tkind\ttier\tambiguous\n")
        for form in sorted(rows):
            root, kind, tier = rows[form]
            ambiguous = "yes" if kind == "bare" and (root in AMBIGUOUS or tier == "extended") else "no"
            out.write(f"{form}\t{root}\t{kind}\t{tier}\t{ambiguous}\n")
    print(f"wrote {os.path.relpath(OUT, ROOT)}: {len(rows)} forms")


if __name__ == "__main__":
    main()
