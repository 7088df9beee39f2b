#!/usr/bin/env python3
"""Regenerates the tokenizer lexicons in Lexicons/ from their raw sources.

Usage: Scripts/build-lexicons.py [SHARED_DIR]   (default: ../shared next to the repository)

Writes Lexicons/abbreviations.tsv, Lexicons/clitic-exceptions.tsv and Lexicons/lemmas.tsv,
then run Scripts/embed-lexicons.py to compile them into the library. Sources and licences
are listed in Lexicons/SOURCES.md. Entries written for this project (not taken from a
source) are listed below in this script, so a review is a diff of this file.
"""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(ROOT), "shared")
SRC = os.path.join(SHARED, "lexicon-sources")
LEX = os.path.join(ROOT, "Lexicons")

# Classes: title (before a name; never ends a sentence), address (before a name or number;
# never ends a sentence), degree (after a name; may end a sentence), general (may end a
# sentence: dll., dsb.), prefix (before a number or date; never ends a sentence).
PROJECT_ABBREVIATIONS = {
    "title": "Prof. Dr. Dra. Drs. Ir. H. Hj. KH. K.H. Bpk. Bp. Sdr. Sdri. Ny. Nn. Tn. dr. drg. drh. "
             "Ust. Ustz. Pdt. Rm. St. Yth. Pjs. Plt. Pj. Kol. Jend. Letjen. Mayjen. Brigjen. "
             "Kapt. Lettu. Serka. Bripka. Ipda. Aiptu. Sy. Syekh. Mgr. Prof.Dr. Dr.Ir. Mr. Mrs. Ms. Rev. Tb. Ph. "
             "R. R.A. R.M. R.B. R.P. R.Ay. R.Ng. R.Ngt. Rr. G.K.R. K.G.P.H. B.R.A.",
    "address": "Jl. JL. Jln. JLN. Gg. No. NO. Kec. Kab. Kel. Kp. Kpg. Ds. Prov. Blk. Lt. Komp. Perum. "
               "RT. RW. Dk. Dsn. Kav. Tlp. Telp. telp. tlp. Tel. tel. Fax. fax. faks. Faks. Ext. ext. P.O.",
    "prefix": "Rp. USD. tgl. Tgl. hlm. Hlm. Ps. ps. ay. No.Pol. Jan. Feb. Mar. Apr. Jun. "
              "Jul. Agu. Agt. Ags. Sep. Sept. Okt. Nov. Nop. Des. a.n. A.n. u.p. U.p. d.a. a.l. s.d. S.d. "
              "b.d. d.l. u.b. u.m. n.b. N.B. p.p. vs. Vs. sbg. yg. dg. dgn. utk. krn. spt. bhw. "
              "ca. Ca. cq. Cq. Ref. Vol. vol. Ed. et.al. i.e. e.g. a.k.a.",
    "general": "dll. dsb. dst. dkk. Dll. Dsb. Dst. Dkk. etc. tsb. Tbk. Ltd. Inc. Corp. Bhd.",
}


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f]


def abbreviations():
    rows = {}
    for cls, words in PROJECT_ABBREVIATIONS.items():
        for w in words.split():
            rows.setdefault(w, (cls, "project"))
    for w in read_lines(os.path.join(SRC, "abbreviations", "spacy_id_abbrev_titles.txt")):
        w = w.strip()
        if not w or " " in w:
            continue  # "Dr. med" style entries are two tokens.
        if w.endswith(","):
            w = w[:-1] + "."  # upstream typo "M.Kes,"
        if w in rows:
            continue
        # Academic degrees are dotted letter groups starting with S., M., A., B., D.
        if w[0] in "SMABD" and len(w) > 2 and w[1] == ".":
            rows[w] = ("degree", "spacy")
        elif w[0].isupper():
            rows[w] = ("title", "spacy")
        else:
            rows[w] = ("prefix" if w not in ("dll.", "dsb.", "dst.", "dkk.") else "general", "spacy")
    with open(os.path.join(LEX, "abbreviations.tsv"), "w", encoding="utf-8") as f:
        f.write("abbreviation\tclass\tsource\n")
        for w in sorted(rows):
            f.write(f"{w}\t{rows[w][0]}\t{rows[w][1]}\n")
    return len(rows)


# Words that end (or start) like a clitic but are single words in UD Indonesian.
PROJECT_NON_CLITICS = (
    # -nya adverbs and connectives (UD keeps them whole)
    "lainnya umumnya biasanya khususnya misalnya akhirnya sebelumnya selanjutnya sebenarnya "
    "seharusnya sedikitnya setidaknya sebaliknya sepenuhnya seluruhnya semestinya sesungguhnya "
    "sebetulnya sebaiknya selamanya seterusnya sekiranya sekurangnya sesudahnya setelahnya "
    "berikutnya makanya rupanya tampaknya agaknya kiranya hendaknya mestinya harusnya "
    "nantinya tadinya mulanya diantaranya "
    "hanya punya tanya nyanya bertanya ditanya menanya ditanyanya bertanya-tanya "
    # -lah / -kah / -pun words that are single lexical items
    "adalah ialah telah setelah salah masalah sekolah jumlah sejumlah berjumlah allah "
    "naskah langkah melangkah kalah menikah nikah malah sebelah belah terbelah olah "
    "mengolah pengolah sah istilah kisah berkisah sejarah sawah tanah rumah wilayah "
    "daerah lelah marah sudah susah mudah murah megah indah pindah tengah patah "
    "kuliah ibadah hadiah nasabah sedekah musibah berkah madrasah wadah celah "
    "paskah nafkah makalah mahkamah amanah sunah wakalah pisah lengah bawah "
    "maupun walaupun meskipun adapun sekalipun biarpun kendatipun sungguhpun "
    "kalaupun bagaimanapun kapanpun dimanapun "
        # -ku / -mu words
    "aku buku suku laku pelaku berlaku baku kaku paku saku kuku ruku tamu jamu ilmu "
    "kamu temu bertemu bertamu madu ragu rindu palu malu tahu waktu satu batu "
    "maluku kumu ibu bu "
    # ku- / kau- words
    "kuat kuasa kuda kuning kuno kurang kursi kunci kubu kubur kutip kuota kupon "
    "kuliner kulit kumpul kumuh kuman kuli kurir kuartal kue kuah kuil kukuh kulkas "
    "kaum kaus kaukus"
)


# nlp-id entries that UD Indonesian does split (antara+nya, awal+nya, semua+nya, hal+nya).
UD_SPLITS = {"antaranya", "awalnya", "semuanya", "halnya"}


def clitic_exceptions():
    words = {}
    for w in read_lines(os.path.join(SRC, "words", "nlp-id_non_clitics.txt")):
        w = w.strip().lower()
        if w and w not in UD_SPLITS:
            words.setdefault(w, "nlp-id")
    for w in PROJECT_NON_CLITICS.split():
        words.setdefault(w, "project")
    with open(os.path.join(LEX, "clitic-exceptions.tsv"), "w", encoding="utf-8") as f:
        f.write("word\tsource\n")
        for w in sorted(words):
            f.write(f"{w}\t{words[w]}\n")
    return len(words)


def lemmas():
    pairs = set()
    # Function words (spaCy's stop words) are known words too, except those that end like
    # a clitic: their analysis is the clitic analyser's job.
    for w in read_lines(os.path.join(SRC, "words", "spacy_id_stop_words.txt")):
        w = w.strip().lower()
        if w and w.isalpha() and not w.endswith(("nya", "lah", "kah", "pun", "ku", "mu")):
            pairs.add((w, w))
    rows = read_lines(os.path.join(SRC, "words", "spacy-lookups_id_lemma_lookup.tsv"))[1:]
    for row in rows:
        parts = row.split("\t")
        if len(parts) != 2:
            continue
        form, lemma = parts[0].strip().lower(), parts[1].strip().lower()
        if not form or not lemma or " " in form or " " in lemma:
            continue
        if not all(c.isalpha() or c == "-" for c in form + lemma):
            continue
        pairs.add((form, lemma))
    with open(os.path.join(LEX, "lemmas.tsv"), "w", encoding="utf-8") as f:
        f.write("form\tlemma\n")
        for form, lemma in sorted(pairs):
            f.write(f"{form}\t{lemma}\n")
    return len(pairs)


if __name__ == "__main__":
    print("abbreviations", abbreviations())
    print("clitic-exceptions", clitic_exceptions())
    print("lemmas", lemmas())
