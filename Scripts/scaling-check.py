#!/usr/bin/env python3
"""Checks that `warta process` takes time linear in the size of one document, on documents
built to stress each pass: thousands of quotes, people with roles, organizations with
acronyms, places, title-case lines, unpaired quote marks, one endless sentence, and HTML pages
of many paragraphs, links, tables and "Baca juga" blocks.

Usage: Scripts/scaling-check.py [N] [--binary PATH]

Each shape is timed whole-process at N and 4N repetitions (N = 4000 by default, about 0.2 to
1.5 MB for the larger); a ratio above 6 (4 for linear, plus noise and caches) marks the shape
SUPERLINEAR and the script exits 1. Timings, not a test: run it on a quiet machine, under
`flock /tmp/warta-cpu.lock` on a shared one. Every run must also end with status 0 and an `ok`
record.
"""
import os
import random
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NAMES = ["Budi", "Andi", "Cici", "Dedi", "Eko", "Fajar", "Gita", "Hadi", "Indra", "Joko", "Kiki", "Lala"]


def name(rng):
    return rng.choice(NAMES)


def letters(i):
    """`i` written in lower-case letters (`b`, `ba`, …): a word of its own in each line, where
    a number would make no name."""
    out = ""
    while True:
        out = chr(97 + i % 26) + out
        i //= 26
        if i == 0:
            return out


TEXT = {
    "quotes": lambda i, r: f'Kepala Dinas {name(r)} Kota {name(r)}{i} {name(r)} {name(r)} mengatakan, "Kami siap," ujarnya.',
    "people with roles": lambda i, r: f"Menurut Kepala Dinas Pendidikan, {name(r)} {name(r)}{i}, sekolah dibuka pekan depan.",
    "organizations": lambda i, r: f"Dinas Perhubungan Kota {name(r)}{i} (DPK{i}) dan Kementerian {name(r)}{i} bertemu Menteri {name(r)} {name(r)}{i}.",
    "acronyms": lambda i, r: f"Lembaga {name(r)} Raya {name(r)}{i} (L{i}R) hadir. L{i}R setuju.",
    "places": lambda i, r: f"Warga di Sukamaju dan desa {name(r)}{i} mengungsi ke Kota Bandung.",
    "title case": lambda i, r: f"{name(r)} {name(r)}{i} Hadiri Rapat Kota {name(r)}\n\nIa datang pagi hari.",
    "unpaired marks": lambda i, r: f'"Kata {name(r)} hari ini {i} kata {name(r)}.',
    "mixed quotes": lambda i, r: f'Menurut {name(r)} {name(r)}{i}, "ini {i} penting," katanya. Ia mengatakan hal itu benar.',
    "relational titles": lambda i, r: f"Kuasa hukum {name(r)} {name(r)}{i}, {name(r)} {name(r)}, mengatakan kliennya {name(r)} alias {name(r)}{i} siap.",
    "names given in full later": lambda i, r: (f"Menurut Santo{letters(i)}, harga naik, kata Jok{letters(i)}wi. Kata {name(r)} Santo{letters(i)} "
                                               f"dan Jok{letters(i)} Widodo, harga naik."),
    "events and organizations named short": lambda i, r: (f"Tim {name(r)}{letters(i)} Indonesia juara SEA Games 2019. Persib{letters(i)} menang. "
                                                          f"DPR{letters(i)} dan DPR{letters(i)} RI rapat di Kota {name(r)} City."),
    "initials and given names": lambda i, r: (f"Bupati Luwu Utara Indah {name(r)} Andriani{i} hadir. Sebelumnya, Indah menyampaikan, "
                                              f'AHY dan A{chr(65 + i % 26)}Y hadir. "Siap," ujar {name(r)}. CEO Tesla itu datang.'),
}
# Shapes of one endless sentence (no period until the end).
SENTENCES = {
    "one sentence": lambda i, r: f"Kepala Dinas {name(r)} {name(r)}{i} {name(r)}",
    "one sentence of listed names": lambda i, r: f"Kepala Badan Meteorologi, Klimatologi, dan Geofisika {name(r)} {name(r)}{i}",
    "one sentence of people in the capacity of roles": lambda i, r: f"{name(r)} {name(r)}{i} selaku Ketua RT datang,",
}
HTML = {
    "html paragraphs": lambda i, r: f"<p>Menurut {name(r)} Santoso, harga naik {i} persen di Jakarta.</p>",
    "html links": lambda i, r: f'<a href="/b/{i}">Berita {i}</a> ',
    "html table": lambda i, r: f"<tr><td>{i}</td><td>{name(r)}</td></tr>",
    "html baca juga": lambda i, r: f"<p>Baca juga: Berita {i}</p><p>Paragraf {i} tentang {name(r)} di Bandung.</p>",
}


def document(shape, n):
    r = random.Random(7)
    if shape in TEXT:
        return "\n".join(TEXT[shape](i, r) for i in range(n)), ".txt"
    if shape in SENTENCES:
        return " ".join(SENTENCES[shape](i, r) for i in range(n)) + ".", ".txt"
    body = "".join(HTML[shape](i, r) for i in range(n))
    if shape == "html table":
        body = "<table>" + body + "</table>"
    return f"<html><head><title>Judul</title></head><body><article>{body}<p>Isi berita di Jakarta.</p></article></body></html>", ".html"


def run(binary, path, out):
    start = time.time()
    done = subprocess.run([binary, "process", "--jobs", "1", "--output", out, path], capture_output=True)
    seconds = time.time() - start
    ok = done.returncode == 0 and '"status":"ok"' in open(out, encoding="utf-8").read(400)
    return seconds, ok


def main():
    args = sys.argv[1:]
    binary = args[args.index("--binary") + 1] if "--binary" in args else os.path.join(ROOT, ".build", "release", "warta")
    numbers = [a for k, a in enumerate(args) if a.isdigit() and (k == 0 or args[k - 1] != "--binary")]
    n = int(numbers[0]) if numbers else 4000
    failed = False
    with tempfile.TemporaryDirectory() as work:
        out = os.path.join(work, "out.jsonl")
        print(f"{'shape':16} {'MB':>6} {'s':>6} {'4x MB':>7} {'4x s':>6} {'ratio':>6}")
        for shape in list(TEXT) + list(SENTENCES) + list(HTML):
            rows = []
            for size in (n, 4 * n):
                text, ext = document(shape, size)
                path = os.path.join(work, "doc" + ext)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                seconds, ok = run(binary, path, out)
                rows.append((len(text.encode()) / 1e6, seconds, ok))
            (b1, t1, ok1), (b2, t2, ok2) = rows
            ratio = t2 / max(t1, 1e-3)
            verdict = "" if ratio <= 6 and ok1 and ok2 else ("  SUPERLINEAR" if ratio > 6 else "  NOT OK")
            failed |= bool(verdict)
            print(f"{shape:16} {b1:6.2f} {t1:6.2f} {b2:7.2f} {t2:6.2f} {ratio:6.1f}{verdict}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
