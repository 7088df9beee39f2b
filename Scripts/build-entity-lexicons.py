#!/usr/bin/env python3
"""Regenerates the entity lexicons in Lexicons/ from their raw sources.

Usage: Scripts/build-entity-lexicons.py [SHARED_DIR]   (default: ../shared beside the repository)

Writes Lexicons/places.tsv, villages.tsv (a compact format, see villages()),
organizations.tsv, person-cues.tsv, given-names.tsv and wiki-names.tsv (name and type only, see
wiki_names()). Columns of the others: name, type,
subtype, case (any | capitalized | upper | cued: how a text occurrence must be written to
match; cued = capitalised and right after a place word such as Desa, Kelurahan, di, ke,
daerah), id (Kemendagri code, ticker or acronym), parent (Kemendagri code of the parent).
Entries written for this project are listed in this script, so a review is a diff.
Sources and licences: Lexicons/SOURCES.md.
"""
import collections
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(ROOT), "shared")
SRC = os.path.join(SHARED, "lexicon-sources")
LEX = os.path.join(ROOT, "Lexicons")
HEADER = "name\ttype\tsubtype\tcase\tid\tparent\n"


def common_words():
    """Lower-case Indonesian words (Lexicons/lemmas.tsv): names that are also words need a cue."""
    words = set()
    with open(os.path.join(LEX, "lemmas.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            form, lemma = line.rstrip("\n").split("\t")
            words.add(form)
            words.add(lemma)
    return words


def rows(path):
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if not l.startswith("#")]
    return [l.split("\t") for l in lines[1:] if l.strip()]


def write(name, entries):
    """Writes the entries sorted, one per name and type; districts that share a name (291 names,
    six Karanganyar) keep a row per code, which Warta compiles as one ambiguous name resolved
    by the places a document names."""
    seen = set()
    with open(os.path.join(LEX, name), "w", encoding="utf-8") as f:
        f.write(HEADER)
        for e in sorted(entries, key=lambda e: (e[0].lower(), e[1], e[2])):
            key = (e[0].lower(), e[1], e[4] if e[2] == "district" else "")
            if key in seen:
                continue
            seen.add(key)
            f.write("\t".join(e) + "\n")
    return len(seen)


# Words that are region names somewhere but never a place on their own in running text.
NOT_ALONE = {"barat", "timur", "utara", "selatan", "tengah", "pusat", "raya", "agung", "baru", "lama", "kota",
             "negara", "merdeka", "harian", "sumber", "tugu", "jaya", "makmur", "sentosa", "indah", "mulia"}

# Continents and regions (written for this project).
REGIONS = "Asia;Eropa;Afrika;Amerika;Amerika Latin;Amerika Utara;Amerika Selatan;Timur Tengah;Asia Tenggara;Asia Timur;Oseania;Antartika;Afrika Barat;Afrika Utara;Eropa Timur;Eropa Barat;Semenanjung Korea;Jalur Gaza;Tepi Barat;Xinjiang;Tibet;Hawaii;Kashmir;Darfur;Krimea;Senayan;Cikini;Menteng;Kuningan;Sudirman;Thamrin;Monas;Bundaran HI;Kemayoran;Tanjung Priok;Cengkareng;Soekarno-Hatta;Halim Perdanakusuma"

# Short and old names (written for this project).
PLACE_ALIASES = {
    "31": ["DKI Jakarta", "DKI", "Jakarta", "Ibu Kota Jakarta"], "32": ["Jabar"], "33": ["Jateng"],
    "34": ["DIY", "Yogyakarta", "Jogja", "Yogya", "Jogjakarta", "Daerah Istimewa Yogyakarta"], "35": ["Jatim"],
    "12": ["Sumut"], "13": ["Sumbar"], "16": ["Sumsel"], "36": ["Banten"], "51": ["Bali"], "52": ["NTB"],
    "53": ["NTT"], "61": ["Kalbar"], "62": ["Kalteng"], "63": ["Kalsel"], "64": ["Kaltim"], "65": ["Kaltara"],
    "71": ["Sulut"], "72": ["Sulteng"], "73": ["Sulsel"], "74": ["Sultra"], "76": ["Sulbar"], "14": ["Riau"],
    "15": ["Jambi"], "17": ["Bengkulu"], "18": ["Lampung"], "19": ["Babel", "Bangka Belitung"], "21": ["Kepri"],
    "75": ["Gorontalo"], "81": ["Maluku"], "82": ["Malut"], "91": ["Papua Barat"], "94": ["Papua"],
}
CITY_ALIASES = {"Batavia": "31", "Betawi": "31", "Bandung": "32.73", "Surabaya": "35.78", "Semarang": "33.74",
                "Medan": "12.71", "Makassar": "73.71", "Solo": "33.72", "Surakarta": "33.72"}
COUNTRIES = (
    "Indonesia;Malaysia;Singapura;Thailand;Filipina;Vietnam;Myanmar;Kamboja;Laos;Brunei;Brunei Darussalam;"
    "Timor Leste;Australia;Selandia Baru;Papua Nugini;Amerika Serikat;AS;Kanada;Meksiko;Brasil;Argentina;"
    "Chile;Inggris;Britania Raya;Prancis;Perancis;Jerman;Italia;Spanyol;Portugal;Belanda;Belgia;Swiss;Austria;"
    "Swedia;Norwegia;Denmark;Finlandia;Polandia;Rusia;Ukraina;Turki;Yunani;Mesir;Arab Saudi;Uni Emirat Arab;"
    "Qatar;Kuwait;Iran;Irak;Suriah;Yordania;Palestina;Israel;Lebanon;Yaman;Oman;India;Pakistan;Bangladesh;"
    "Sri Lanka;Nepal;Afghanistan;China;Tiongkok;Cina;Jepang;Korea Selatan;Korea Utara;Taiwan;Hong Kong;"
    "Mongolia;Afrika Selatan;Nigeria;Kenya;Ethiopia;Maroko;Aljazair;Tunisia;Libya;Sudan;Venezuela;Kolombia;Peru;Kuba"
)
# Other names of countries in Indonesian news, with their ISO 3166 code (written for this project).
COUNTRY_ALIASES = {
    "AS": "US", "China": "CN", "Cina": "CN", "Inggris": "GB", "Britania Raya": "GB", "Perancis": "FR",
    "Brunei Darussalam": "BN", "Chile": "CL", "Ethiopia": "ET", "Palestina": "PS", "Myanmar": "MM",
    "Korsel": "KR", "Korut": "KP", "Pantai Gading": "CI", "Republik Demokratik Kongo": "CD",
    "Republik Kongo": "CG", "Hong Kong": "HK", "Makau": "MO", "Eswatini": "SZ", "Kepulauan Cocos": "CC", "Afghanistan": "AF", "UEA": "AE",
    # Countries that are no more, with their ISO 3166-3 codes.
    "Uni Soviet": "SU", "Yugoslavia": "YU", "Cekoslowakia": "CS",
}
# CLDR names left out: a word news uses otherwise (`Jersey`, a team's shirt; the end of `New Jersey`).
CLDR_LEFT_OUT = {"Jersey"}
WORLD_CITIES = (
    "Kuala Lumpur;Bangkok;Manila;Hanoi;Tokyo;Beijing;Shanghai;Seoul;New Delhi;Mumbai;Dubai;Riyadh;Mekkah;Makkah;"
    "Madinah;Kairo;Istanbul;Ankara;Moskow;London;Paris;Berlin;Roma;Madrid;Amsterdam;Brussel;Jenewa;Wina;"
    "Washington;New York;Los Angeles;San Francisco;Chicago;Sydney;Melbourne;Canberra;Perth;Darwin;Wellington;"
    "Toronto;Ottawa;Vancouver;Canberra;Den Haag;Doha;Teheran;Baghdad;Damaskus;Yerusalem;Gaza;Karachi;Islamabad"
)


def cldr_countries():
    """The Indonesian names of the countries and territories of ISO 3166, by code, from CLDR as
    the ICU library on this machine has them (libicuuc, Unicode License V3; another ICU version
    may spell a few differently). A name's bracketed or dashed qualifier (Myanmar (Burma), Kongo - Kinshasa, Hong
    Kong DAK Tiongkok) is written in COUNTRY_ALIASES instead."""
    import ctypes
    import ctypes.util
    path = ctypes.util.find_library("icuuc")
    if not path:
        sys.exit("ICU (libicuuc) not found: install libicu-dev")
    lib = ctypes.CDLL(path)
    # ICU suffixes its C functions with its major version (uloc_getISOCountries_72).
    version = re.search(r"\.so\.(\d+)", path).group(1)
    codes_of = getattr(lib, "uloc_getISOCountries_" + version)
    codes_of.restype = ctypes.POINTER(ctypes.c_char_p)
    display = getattr(lib, "uloc_getDisplayCountry_" + version)
    display.restype = ctypes.c_int32
    names, codes = {}, codes_of()
    for k in range(400):
        if not codes[k]:
            break
        code = codes[k].decode()
        buf, status = (ctypes.c_uint16 * 256)(), ctypes.c_int(0)
        n = display(f"und_{code}".encode(), b"id", buf, 256, ctypes.byref(status))
        name = bytes(buf)[:2 * n].decode("utf-16-le")
        if status.value > 0 or name in CLDR_LEFT_OUT or not name[:1].isupper() or re.search(r"[()&]| - |\bDAK\b|\.", name):
            continue
        names[name] = code
    return names


def places():
    out = []
    for r in rows(os.path.join(SRC, "regions", "wilayah_kepmendagri_2025.tsv")):
        code, name, level, kind = r[0], r[1], int(r[2]), r[3]
        parent = r[4] if len(r) > 4 else ""
        if level > 3:
            continue
        subtype = {"provinsi": "province", "kabupaten": "regency", "kota": "city", "kecamatan": "district"}.get(kind, kind)
        out.append((name, "LOC", subtype, "capitalized", code, parent))
        bare = re.sub(r"^(Kabupaten Administrasi|Kota Administrasi|Kabupaten|Kota|Provinsi)\s+", "", name)
        if bare != name:
            out.append((bare, "LOC", subtype, "capitalized", code, parent))
        if level == 3 and name.lower() in COMMON or bare.lower() in NOT_ALONE:
            out.pop()  # a district named like a word (Tugu, Barat, Pusat) is found through its cue only
        if level == 1:
            out.append(("Provinsi " + name, "LOC", "province", "capitalized", code, ""))
            for alias in PLACE_ALIASES.get(code, []):
                case = "upper" if alias.isupper() and len(alias) <= 4 else "capitalized"
                out.append((alias, "LOC", "province", case, code, ""))
    for alias, code in CITY_ALIASES.items():
        out.append((alias, "LOC", "city", "capitalized", code, ""))
    cldr = cldr_countries()
    listed = set(COUNTRIES.split(";")) | set(COUNTRY_ALIASES)
    countries = {**{c: code for c, code in cldr.items() if c in listed or c.lower() not in COMMON}, **COUNTRY_ALIASES}
    for c in listed:
        countries.setdefault(c, "")
    for c, code in countries.items():
        out.append((c, "LOC", "country", "upper" if c.isupper() else "capitalized", code, ""))
    for c in WORLD_CITIES.split(";"):
        out.append((c, "LOC", "city", "capitalized", "", ""))
    for c in REGIONS.split(";"):
        out.append((c, "LOC", "area", "capitalized", "", ""))
    return write("places.tsv", out)


def villages():
    """Every village (desa, kelurahan: Kemendagri level 4), one line per district: the district's
    code, then each village as its four-digit code suffix, a space and its name, tab-separated.
    (The entity format would repeat LOC/village/cued and the parent on 83,762 rows: 4.2 MB
    instead of 1.5.) Warta reads each village as a LOC, subtype village, case `cued` (village
    names repeat, 98 Sidomulyo, and are often words or people's names, so they match only after
    a place word), id the full code, parent the district; a name listed under several codes is
    ambiguous."""
    districts = collections.defaultdict(list)
    for r in rows(os.path.join(SRC, "regions", "wilayah_kepmendagri_2025.tsv")):
        code, name, level = r[0], r[1], int(r[2])
        if level != 4:
            continue
        district, suffix = code.rsplit(".", 1)
        assert len(suffix) == 4 and suffix.isdigit() and (len(r) < 5 or r[4] == district), code
        assert "\t" not in name and name == name.strip(), code
        districts[district].append((suffix, name))
    with open(os.path.join(LEX, "villages.tsv"), "w", encoding="utf-8") as f:
        f.write("district\tvillages\n")
        f.write("# One line per Kemendagri district: its code, then each village as code suffix, space, name.\n")
        for district in sorted(districts, key=lambda c: [int(x) for x in c.split(".")]):
            f.write(district + "\t" + "\t".join(f"{s} {n}" for s, n in sorted(districts[district])) + "\n")
    return sum(len(v) for v in districts.values())


# National institutions, parties and state enterprises (written for this project; names are facts).
ORGANIZATIONS = """
DPR|Dewan Perwakilan Rakyat|legislature;MPR|Majelis Permusyawaratan Rakyat|legislature;DPD|Dewan Perwakilan Daerah|legislature;
DPRD||legislature;KPK|Komisi Pemberantasan Korupsi|agency;BI|Bank Indonesia|agency;OJK|Otoritas Jasa Keuangan|agency;
Polri|Kepolisian Negara Republik Indonesia|police;TNI|Tentara Nasional Indonesia|military;BPK|Badan Pemeriksa Keuangan|agency;
MA|Mahkamah Agung|judiciary;MK|Mahkamah Konstitusi|judiciary;KPU|Komisi Pemilihan Umum|agency;Bawaslu|Badan Pengawas Pemilihan Umum|agency;
BNN|Badan Narkotika Nasional|agency;BNPB|Badan Nasional Penanggulangan Bencana|agency;Basarnas|Badan SAR Nasional|agency;
BMKG|Badan Meteorologi, Klimatologi, dan Geofisika|agency;BPS|Badan Pusat Statistik|agency;BPOM|Badan Pengawas Obat dan Makanan|agency;
BKPM|Badan Koordinasi Penanaman Modal|agency;Bappenas|Badan Perencanaan Pembangunan Nasional|agency;BIN|Badan Intelijen Negara|agency;
LPSK|Lembaga Perlindungan Saksi dan Korban|agency;Komnas HAM|Komisi Nasional Hak Asasi Manusia|agency;KY|Komisi Yudisial|judiciary;
Kejagung|Kejaksaan Agung|judiciary;Bareskrim|Badan Reserse Kriminal|police;Kemenkeu|Kementerian Keuangan|ministry;
Kemendagri|Kementerian Dalam Negeri|ministry;Kemenlu|Kementerian Luar Negeri|ministry;Kemenhan|Kementerian Pertahanan|ministry;
Kemenkes|Kementerian Kesehatan|ministry;Kemendikbud|Kementerian Pendidikan dan Kebudayaan|ministry;Kemenag|Kementerian Agama|ministry;
Kemenhub|Kementerian Perhubungan|ministry;Kemendag|Kementerian Perdagangan|ministry;Kemenperin|Kementerian Perindustrian|ministry;
Kementan|Kementerian Pertanian|ministry;Kemenaker|Kementerian Ketenagakerjaan|ministry;Kemensos|Kementerian Sosial|ministry;
Kemenkumham|Kementerian Hukum dan Hak Asasi Manusia|ministry;KemenPUPR|Kementerian Pekerjaan Umum dan Perumahan Rakyat|ministry;
Kementerian PUPR||ministry;Kemenparekraf|Kementerian Pariwisata dan Ekonomi Kreatif|ministry;Kemenkominfo|Kementerian Komunikasi dan Informatika|ministry;
Kominfo||ministry;KemenBUMN|Kementerian Badan Usaha Milik Negara|ministry;Kementerian BUMN||ministry;ESDM|Kementerian Energi dan Sumber Daya Mineral|ministry;
Kementerian ESDM||ministry;KLHK|Kementerian Lingkungan Hidup dan Kehutanan|ministry;KKP|Kementerian Kelautan dan Perikanan|ministry;
Kemenpora|Kementerian Pemuda dan Olahraga|ministry;Setneg|Sekretariat Negara|ministry;KSP|Kantor Staf Presiden|agency;
Kemendes PDTT|Kementerian Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi|ministry;
Kemendikbudristek|Kementerian Pendidikan, Kebudayaan, Riset, dan Teknologi|ministry;
Kemenko Polhukam|Kementerian Koordinator Bidang Politik, Hukum, dan Keamanan|ministry;
Kemenko Marves|Kementerian Koordinator Bidang Kemaritiman dan Investasi|ministry;
Kemenko Perekonomian|Kementerian Koordinator Bidang Perekonomian|ministry;
Kemenko PMK|Kementerian Koordinator Bidang Pembangunan Manusia dan Kebudayaan|ministry;
Kemenko Polkam|Kementerian Koordinator Bidang Politik dan Keamanan|ministry;
Kemenko Kumham Imipas|Kementerian Koordinator Bidang Hukum, Hak Asasi Manusia, Imigrasi, dan Pemasyarakatan|ministry;
Kemenko Pangan|Kementerian Koordinator Bidang Pangan|ministry;
Kemenko IPK|Kementerian Koordinator Bidang Infrastruktur dan Pembangunan Kewilayahan|ministry;
Kemenko PM|Kementerian Koordinator Bidang Pemberdayaan Masyarakat|ministry;
Kemendikdasmen|Kementerian Pendidikan Dasar dan Menengah|ministry;
Kemendiktisaintek|Kementerian Pendidikan Tinggi, Sains, dan Teknologi|ministry;
Kemenbud|Kementerian Kebudayaan|ministry;Kemenkum|Kementerian Hukum|ministry;KemenHAM|Kementerian Hak Asasi Manusia|ministry;
Kemenimipas|Kementerian Imigrasi dan Pemasyarakatan|ministry;Kemendes PDT|Kementerian Desa dan Pembangunan Daerah Tertinggal|ministry;
Kementrans|Kementerian Transmigrasi|ministry;Kementerian PU|Kementerian Pekerjaan Umum|ministry;
Kementerian PKP|Kementerian Perumahan dan Kawasan Permukiman|ministry;KLH|Kementerian Lingkungan Hidup|ministry;
Kemenhut|Kementerian Kehutanan|ministry;Komdigi|Kementerian Komunikasi dan Digital|ministry;Kemenpar|Kementerian Pariwisata|ministry;
Kemenekraf|Kementerian Ekonomi Kreatif|ministry;KP2MI|Kementerian Pelindungan Pekerja Migran Indonesia|ministry;
Kementerian UMKM|Kementerian Usaha Mikro, Kecil, dan Menengah|ministry;Kemenkop|Kementerian Koperasi|ministry;
KemenKopUKM|Kementerian Koperasi dan Usaha Kecil dan Menengah|ministry;
KemenPPPA|Kementerian Pemberdayaan Perempuan dan Perlindungan Anak|ministry;
KemenPAN-RB|Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi|ministry;
Kementerian ATR|Kementerian Agraria dan Tata Ruang|ministry;Kemensetneg|Kementerian Sekretariat Negara|ministry;
Kemenristek|Kementerian Riset dan Teknologi|ministry;Kemen PPN|Kementerian Perencanaan Pembangunan Nasional|ministry;
Kementerian Investasi|Kementerian Investasi dan Hilirisasi|ministry;BGN|Badan Gizi Nasional|agency;
BP Danantara|Badan Pengelola Investasi Daya Anagata Nusantara|agency;Danantara||agency;
PPATK|Pusat Pelaporan dan Analisis Transaksi Keuangan|agency;KPPU|Komisi Pengawas Persaingan Usaha|agency;KPI|Komisi Penyiaran Indonesia|agency;
Ombudsman||agency;BPH Migas||agency;SKK Migas||agency;LIPI|Lembaga Ilmu Pengetahuan Indonesia|agency;BRIN|Badan Riset dan Inovasi Nasional|agency;
NASA||international;NATO||international;UNESCO||international;UNICEF||international;OPEC||international;Interpol||international;
Hamas||international;Hizbullah||international;Taliban||international;ISIS||international;Al-Qaeda||international;Uni Afrika||international;
PDIP|Partai Demokrasi Indonesia Perjuangan|party;PDI-P||party;PDI Perjuangan||party;Golkar|Partai Golongan Karya|party;Partai Golkar||party;
Gerindra|Partai Gerakan Indonesia Raya|party;Partai Gerindra||party;PKB|Partai Kebangkitan Bangsa|party;PKS|Partai Keadilan Sejahtera|party;
Demokrat|Partai Demokrat|party;NasDem|Partai NasDem|party;Partai NasDem||party;PAN|Partai Amanat Nasional|party;PPP|Partai Persatuan Pembangunan|party;
Hanura|Partai Hati Nurani Rakyat|party;Perindo|Partai Persatuan Indonesia|party;PSI|Partai Solidaritas Indonesia|party;PBB|Partai Bulan Bintang|party;
Pertamina|PT Pertamina (Persero)|company;PLN|PT Perusahaan Listrik Negara (Persero)|company;Telkom|PT Telkom Indonesia (Persero) Tbk|company;
Garuda Indonesia|PT Garuda Indonesia (Persero) Tbk|company;BRI|Bank Rakyat Indonesia|company;BNI|Bank Negara Indonesia|company;
Bank Mandiri||company;BTN|Bank Tabungan Negara|company;BCA|Bank Central Asia|company;BEI|Bursa Efek Indonesia|company;
KAI|PT Kereta Api Indonesia (Persero)|company;Pelindo||company;Bulog|Perum Bulog|company;BPJS Kesehatan||agency;BPJS Ketenagakerjaan||agency;
PBB|Perserikatan Bangsa-Bangsa|international;WHO|Organisasi Kesehatan Dunia|international;ASEAN||international;IMF|Dana Moneter Internasional|international;
Bank Dunia||international;Uni Eropa||international;FIFA||international;PSSI|Persatuan Sepak Bola Seluruh Indonesia|sport;
NU|Nahdlatul Ulama|religious;PBNU|Pengurus Besar Nahdlatul Ulama|religious;Muhammadiyah||religious;MUI|Majelis Ulama Indonesia|religious;
UI|Universitas Indonesia|university;UGM|Universitas Gadjah Mada|university;ITB|Institut Teknologi Bandung|university;IPB|Institut Pertanian Bogor|university;
Undip|Universitas Diponegoro|university;Unair|Universitas Airlangga|university;ITS|Institut Teknologi Sepuluh Nopember|university;
Unpad|Universitas Padjadjaran|university;UNS|Universitas Sebelas Maret|university;Unhas|Universitas Hasanuddin|university;
Kompas||media;Tempo||media;Antara||media;Detik||media;Reuters||media;AFP||media;AP||media;BBC||media;CNN||media;
Harian Kompas||media;Kompas TV||media;KompasTV||media;Koran Tempo||media;Majalah Tempo||media;Antaranews||media;
LKBN Antara||media;Kantor Berita Antara||media;CNN Indonesia||media;CNBC Indonesia||media;CNBC||media;Liputan6||media;
Tribunnews||media;Okezone||media;Sindonews||media;Koran Sindo||media;Republika||media;Kumparan||media;
Katadata||media;IDN Times||media;Bisnis Indonesia||media;Media Indonesia||media;Jawa Pos||media;Pikiran Rakyat||media;
Kedaulatan Rakyat||media;Suara Merdeka||media;Solopos||media;Bali Post||media;Serambi Indonesia||media;Warta Kota||media;
BeritaSatu||media;Berita Satu||media;The Jakarta Post||media;Jakarta Post||media;Jakarta Globe||media;RCTI||media;
SCTV||media;ANTV||media;TVRI||media;RRI|Radio Republik Indonesia|media;MNCTV||media;MNC TV||media;GTV||media;
Trans TV||media;Trans7||media;Metro TV||media;Indosiar||media;TV One||media;Elshinta||media;BBC Indonesia||media;
VOA Indonesia||media;DW Indonesia||media;ABC Australia||media;Associated Press||media;Al Jazeera||media;Bloomberg||media;
Xinhua||media;Kyodo||media;Yonhap||media;NHK||media;Fox News||media;NBC||media;CBS||media;ABC News||media;Sky News||media;
Sky Sports||media;ESPN||media;VOA||media;Voice of America||media;Deutsche Welle||media;France 24||media;Sputnik||media;
TASS||media;Anadolu||media;The New York Times||media;New York Times||media;The Washington Post||media;
Washington Post||media;The Wall Street Journal||media;Wall Street Journal||media;Financial Times||media;The Guardian||media;
Daily Mail||media;The Straits Times||media;Straits Times||media;South China Morning Post||media;Nikkei||media;
Nikkei Asia||media;The Economist||media;Forbes||media;Politico||media;Le Monde||media;Der Spiegel||media;
Rolling Stone||media;Billboard||media;
BSSN|Badan Siber dan Sandi Negara|agency;Bakamla|Badan Keamanan Laut|agency;BPIP|Badan Pembinaan Ideologi Pancasila|agency;
BP2MI|Badan Pelindungan Pekerja Migran Indonesia|agency;DKPP|Dewan Kehormatan Penyelenggara Pemilu|agency;BPJS||agency;
Otorita IKN|Otorita Ibu Kota Nusantara|agency;DJP|Direktorat Jenderal Pajak|agency;Ditjen Pajak||agency;
DJBC|Direktorat Jenderal Bea dan Cukai|agency;Bea Cukai||agency;Ditjen Bea Cukai||agency;Ditjen Imigrasi|Direktorat Jenderal Imigrasi|agency;
Dukcapil|Direktorat Jenderal Kependudukan dan Pencatatan Sipil|agency;Ditjen Dukcapil||agency;Setpres|Sekretariat Presiden|agency;
Seskab||agency;Kemnaker||ministry|Kemenaker;Kemlu||ministry|Kemenlu;Kemhan||ministry|Kemenhan;
TNI AD|Tentara Nasional Indonesia Angkatan Darat|military;TNI AL|Tentara Nasional Indonesia Angkatan Laut|military;
TNI AU|Tentara Nasional Indonesia Angkatan Udara|military;Kostrad|Komando Cadangan Strategis Angkatan Darat|military;
Kopassus|Komando Pasukan Khusus|military;Paspampres|Pasukan Pengamanan Presiden|military;Korps Marinir||military;
BAIS|Badan Intelijen Strategis|military;Densus 88|Detasemen Khusus 88 Antiteror|police;Densus 88 Antiteror||police;
Brimob|Korps Brigade Mobil|police;Korlantas|Korps Lalu Lintas|police;Divisi Propam||police;Propam||police;
Pegadaian|PT Pegadaian|company;PNM|Permodalan Nasional Madani|company;BSI|Bank Syariah Indonesia|company;
Pupuk Indonesia|PT Pupuk Indonesia|company;Perumnas||company;ID Food||company;KCIC|Kereta Cepat Indonesia China|company;
MRT Jakarta|PT MRT Jakarta|company;Transjakarta|PT Transportasi Jakarta|company;TransJakarta||company;KAI Commuter||company;
Jakpro|PT Jakarta Propertindo|company;Pertamina Patra Niaga||company;
Tokopedia||company;Bukalapak||company;Shopee||company;Lazada||company;Blibli||company;Traveloka||company;Gojek||company;
GoTo||company;Grab||company;OVO||company;LinkAja||company;Telkomsel||company;Indosat||company;Indosat Ooredoo Hutchison||company;
XL Axiata||company;Smartfren||company;Nvidia||company;Netflix||company;Alibaba||company;Huawei||company;Xiaomi||company;
Apple||company;Google||company;Microsoft||company;Samsung||company;Meta||company;Tesla||company;OpenAI||company;
TikTok||platform;ByteDance||company;Tencent||company;Oppo||company;Vivo||company;SpaceX||company;
Facebook||platform;Twitter||platform;Instagram||platform;YouTube||platform;Youtube||platform;WhatsApp||platform;LinkedIn||platform;
Spotify||platform;Snapchat||platform;Pinterest||platform;Sony||company;Gucci||company;Louis Vuitton||company;Chanel||company;
Prada||company;Dior||company;Adidas||company;Nike||company;Uniqlo||company;IKEA||company;Starbucks||company;
McDonald's||company;Coca-Cola||company;Harley-Davidson||company;Harley Davidson||company;BMW||company;Mercedes-Benz||company;
Mitsubishi||company;Nissan||company;Daihatsu||company;Wuling||company;Chery||company;BYD||company;
Lenovo||company;Asus||company;Acer||company;Qualcomm||company;Nintendo||company;Boeing||company;Airbus||company;
Toyota||company;Honda||company;Hyundai||company;Unilever||company;Indofood||company;Danone||company;Nestle||company;
Freeport||company;PT Freeport Indonesia||company;Antam||company;Inalum||company;MIND ID||company;Pelni||company;
Angkasa Pura||company;Jasa Marga||company;Waskita Karya||company;Wijaya Karya||company;Adhi Karya||company;Hutama Karya||company;
Bio Farma||company;Kimia Farma||company;Sritex||company;Lion Air||company;Citilink||company;Batik Air||company;AirAsia||company;
Sriwijaya Air||company;Astra||company;Djarum||company;Gudang Garam||company;Sampoerna||company;Sinar Mas||company;
Persib||sport;Persija||sport;Persebaya||sport;Arema||sport;Arema FC||sport;PSM Makassar||sport;PSS Sleman||sport;
Bali United||sport;Borneo FC||sport;Dewa United||sport;Madura United||sport;Persis Solo||sport;Persita||sport;
PSIS Semarang||sport;Persik Kediri||sport;Barito Putera||sport;Malut United||sport;Semen Padang||sport;PSBS Biak||sport;
Manchester United||sport;Manchester City||sport;Arsenal||sport;Chelsea||sport;Real Madrid||sport;Atletico Madrid||sport;
Juventus||sport;Inter Milan||sport;AC Milan||sport;Bayern Munich||sport;Bayern Muenchen||sport;Paris Saint-Germain||sport;
PSG||sport;Tottenham Hotspur||sport;Borussia Dortmund||sport;Bayern Munchen||sport|Bayern Munich;FC Barcelona||sport;
Newcastle United||sport;Aston Villa||sport;West Ham United||sport;Inter Miami||sport;Al Nassr||sport;Al Hilal||sport;
Persipura||sport;PSIM Yogyakarta||sport;Persela||sport;Sriwijaya FC||sport;PSMS Medan||sport;Persiraja||sport;
ICW|Indonesia Corruption Watch|ngo;KontraS|Komisi untuk Orang Hilang dan Korban Tindak Kekerasan|ngo;
YLBHI|Yayasan Lembaga Bantuan Hukum Indonesia|ngo;LBH Jakarta|Lembaga Bantuan Hukum Jakarta|ngo;
Walhi|Wahana Lingkungan Hidup Indonesia|ngo;Perludem|Perkumpulan untuk Pemilu dan Demokrasi|ngo;
Elsam|Lembaga Studi dan Advokasi Masyarakat|ngo;Setara Institute||ngo;Imparsial||ngo;Amnesty International Indonesia||ngo;
Amnesty International||international;Greenpeace Indonesia||ngo;Greenpeace||international;
Formappi|Forum Masyarakat Peduli Parlemen Indonesia|ngo;YLKI|Yayasan Lembaga Konsumen Indonesia|ngo;
Jatam|Jaringan Advokasi Tambang|ngo;Kode Inisiatif||ngo;MAKI|Masyarakat Antikorupsi Indonesia|ngo;
Pukat UGM|Pusat Kajian Antikorupsi Universitas Gadjah Mada|research;Komnas Perempuan|Komisi Nasional Anti Kekerasan terhadap Perempuan|agency;
KPAI|Komisi Perlindungan Anak Indonesia|agency;Komnas PA|Komisi Nasional Perlindungan Anak|ngo;
Indef|Institute for Development of Economics and Finance|research;INDEF||research|Indef;
CORE Indonesia|Center of Reform on Economics|research;CELIOS|Center of Economic and Law Studies|research;Celios||research|CELIOS;
CSIS|Centre for Strategic and International Studies|research;LPEM FEB UI||research;LPEM UI||research|LPEM FEB UI;
IESR|Institute for Essential Services Reform|research;ReforMiner Institute||research;CIPS|Center for Indonesian Policy Studies|research;
SMERU||research;Indikator Politik Indonesia||research;LSI|Lembaga Survei Indonesia|research;
LSI Denny JA|Lingkaran Survei Indonesia|research;Populi Center||research;SMRC|Saiful Mujani Research and Consulting|research;
Litbang Kompas||research;Poltracking Indonesia||research;Poltracking||research|Poltracking Indonesia;Charta Politika||research;
Indo Barometer||research;Parameter Politik Indonesia||research;
Kadin|Kamar Dagang dan Industri Indonesia|association;Apindo|Asosiasi Pengusaha Indonesia|association;
HIPMI|Himpunan Pengusaha Muda Indonesia|association;Gapki|Gabungan Pengusaha Kelapa Sawit Indonesia|association;
IDI|Ikatan Dokter Indonesia|association;PGRI|Persatuan Guru Republik Indonesia|association;PWI|Persatuan Wartawan Indonesia|association;
AJI|Aliansi Jurnalis Independen|association;Peradi|Perhimpunan Advokat Indonesia|association;
Gaikindo|Gabungan Industri Kendaraan Bermotor Indonesia|association;Aprindo|Asosiasi Pengusaha Ritel Indonesia|association;
KSPI|Konfederasi Serikat Pekerja Indonesia|union;KSPSI|Konfederasi Serikat Pekerja Seluruh Indonesia|union;Partai Buruh||party;
KNPI|Komite Nasional Pemuda Indonesia|association;HMI|Himpunan Mahasiswa Islam|association;
PMII|Pergerakan Mahasiswa Islam Indonesia|association;GMNI|Gerakan Mahasiswa Nasional Indonesia|association
"""


def organizations():
    out = []
    # Name -> id of the curated entries: a listed company they name keeps their id, with or
    # without `PT` (one identity for `Bank Central Asia` and `PT Bank Central Asia`).
    curated = {}
    for item in ORGANIZATIONS.replace("\n", "").split(";"):
        if not item.strip():
            continue
        # short|full|kind, and the id of another short name when this one is its alias.
        short, full, kind, ident = (item.split("|") + ["", "", ""])[:4]
        ident = ident or short
        # An acronym of up to four letters matches in capitals only (`BIN`, not `bin`); news
        # writes a longer one as a word too (`Celios`, `Unesco`, `Hipmi`).
        case = "upper" if short.isupper() and len(short) <= 4 else "capitalized"
        out.append((short, "ORG", kind, case, ident, ""))
        curated[short.lower()] = ident
        if full:
            out.append((full, "ORG", kind, "capitalized", ident, ""))
            curated[full.lower()] = ident
    for r in rows(os.path.join(SRC, "organizations", "idx_listed_companies.tsv")):
        ticker, name = r[0], r[1]
        name = re.sub(r"\s*(Tbk\.?\s*)+$", "", name).strip()
        name = re.sub(r"^PT\.?\s+", "", name)
        if len(name) >= 29 or len(name.split()) < 2:  # truncated at 30 characters upstream, or one ambiguous word
            continue
        ident = curated.get(name.lower(), ticker)
        out.append((name, "ORG", "company", "capitalized", ident, ""))
        out.append(("PT " + name, "ORG", "company", "capitalized", ident, ""))
    for r in rows(os.path.join(SRC, "organizations", "universities_ID_hipo.tsv")):
        out.append((r[0].strip(), "ORG", "university", "capitalized", "", ""))
    return write("organizations.tsv", out)


# Roles and honorifics that introduce a person (written for this project).
ROLES = (
    "Presiden;Wakil Presiden;Wapres;Menteri;Wakil Menteri;Wamen;Menko;Gubernur;Wakil Gubernur;Wagub;Wali Kota;Walikota;"
    "Wakil Wali Kota;Wawali;Bupati;Wakil Bupati;Wabup;Camat;Lurah;Kepala Desa;Kades;Kepala;Ketua;Wakil Ketua;Sekretaris;"
    "Sekjen;Sekda;Direktur;Direktur Utama;Dirut;Direktur Jenderal;Dirjen;Komisaris;Kapolri;Wakapolri;Kapolda;Kapolres;"
    "Kapolrestabes;Kapolresta;Kapolsek;Kasat Reskrim;Kabid Humas;Panglima TNI;Pangdam;Danrem;Dandim;Danramil;KSAD;KSAL;KSAU;"
    "Jaksa Agung;Kajati;Kajari;Hakim;Ketua Umum;Ketum;Anggota;Juru Bicara;Jubir;Kabag;Kasubag;Kadis;Kepala Dinas;Kepala Badan;"
    "Rektor;Dekan;Guru Besar;Dosen;Peneliti;Pengamat;Ekonom;Analis;Pelatih;Kapten;Manajer;CEO;Pendiri;Founder;Staf Khusus;"
    "Mendagri;Menlu;Menhan;Menkumham;Menkeu;Menkes;Mendikbud;Mendikbudristek;Menag;Menaker;Mensos;Menhub;Mentan;Menperin;Mendag;"
    "Menkominfo;Menparekraf;Menpar;Menpora;Menristek;Mendes;Mensesneg;Seskab;Menkopolhukam;Menko Polhukam;Menko Perekonomian;"
    "Menko PMK;Menko Marves;Menko Maritim;Menkomarves;Perdana Menteri;Wakil Perdana Menteri;"
    # The coordinating ministers of the 2024 cabinet (Kabinet Merah Putih).
    "Menko Polkam;Menkopolkam;Menko Kumham Imipas;Menko Pangan;Menko Infrastruktur;Menko PM;"
    "Plt;Pj;Penjabat;Ketua Komisi;Ketua Komite;Ketua DPR;Ketua DPRD;Ketua MPR;Pimpinan;Koordinator;Kasatpol PP;"
    "Pelaksana Tugas;Pelaksana Harian;Plh;Panglima;Komandan;Kepala Staf;Pangkostrad;Pangkoarmada;Kasdam;Danlanud;Danyon;"
    "Danlantamal;Kabareskrim;Dirreskrimum;Dirreskrimsus;Dirlantas;Kasubdit;Kanit;Kasat;Kabid;Kasubbid;Kakanwil;"
    "Wakil Kepala;Wakil Direktur;Wakil Rektor;Wakil Dekan;Sekretaris Jenderal;Deputi;Direktur Eksekutif;Ketua Harian;"
    "Bendahara;Bendahara Umum;Presiden Direktur;Presdir;Komisaris Utama;Kepala Sekolah;Kepsek;Duta Besar;Dubes;"
    "Konsul Jenderal;Jaksa;Jaksa Penuntut Umum;Kuasa Hukum;Pengacara;Advokat;Imam Besar;Co-Founder;"
    "Chief Executive Officer;Chief Operating Officer;Chief Financial Officer;Managing Director;General Manager;"
    # English titles of business news (`Chief Corporate Affairs Gojek Nila Marita`, `Head of …`).
    "Chief;Head of;Vice President;Country Manager;Country Director;Executive Director;President Director;"
    # Corporate offices that speak for a company (`Corporate Secretary PT Pertamina Patra Niaga,
    # Heppy Wulansari`). Not `VP`: in apposition (`Andre Utama, VP Sales & Marketing …`) the
    # department after it would be read as a person.
    "Corporate Secretary;Corporate Communication;Corporate Communications;Senior Vice President;"
    "Executive Vice President;Senior Manager;Chief Technology Officer;Chief Marketing Officer;"
    # Abbreviated titles of news copy: deputies (Wa-), unit heads (Ka-, Kasat-), new ministries.
    "Walkot;Wawalkot;Wakil Ketua Umum;Waketum;Wasekjen;Wamenko;Wakapolda;Wakapolres;Wakapolresta;Wakapolsek;"
    "Kasatreskrim;Kasatlantas;Kasatnarkoba;Kasatintelkam;Kasatsamapta;Kasatbinmas;Kasatpolairud;Kasi;Kasie;Kasi Humas;"
    "Kasi Intel;Kasi Intelijen;Kasi Pidum;Kasi Pidsus;Kasi Datun;Kasi Pemerintahan;Kasi Trantib;Kasipidum;Kasipidsus;Kasubbag;Kasubbag Humas;Kaur;Kadus;Sekcam;Pjs;Komut;Wadir;Wadirut;"
    "Mendikdasmen;Mendiktisaintek;Menbud;Menpan-RB;Menpan RB;"
    # Who speaks for a party (`Politikus PAN itu berharap`, `Kader PDIP Budi Santoso`).
    "Politikus;Politisi;Kader;"
    # Scholars news quotes by their field, senators, investigators (not `Komisioner`: `Ketua Dewan
    # Komisioner LPS` is an organization's board).
    "Epidemiolog;Psikolog;Kriminolog;Sosiolog;Senator;Penyidik;"
    # A regional secretary's assistants (`Asisten II Setdaprov Riau, Helmi D`).
    "Asisten;"
    # Occupations news writes right before a name, the people with no office: athletes
    # (`Petenis Aldila Sutjiadi`), artists (`Komedian Mpok Nori`), scholars, clergy, candidates,
    # the accused (`Terdakwa Nasiro`). Not the words that also stand inside organizations'
    # names (`Ikatan Dokter Anak Indonesia`, `Persatuan Wartawan Indonesia`, `Himpunan
    # Pengusaha`), before a club or body rather than a name (`Striker Bayern Munchen, …`,
    # `Aktivis Indonesia Corruption Watch`), before initials (`Tersangka APN`), or that name
    # things (`Model`, `Pilot`).
    "Pebulu tangkis;Pebulutangkis;Pesepak bola;Pesepakbola;Petenis;Pebalap;Pegolf;Perenang;Pelari;Pesilat;Petinju;"
    "Pegulat;Pebasket;Pevoli;Lifter;Karateka;Judoka;Pecatur;Pesenam;Pemanah;Pendayung;Pesepeda;Petarung;"
    "Penyanyi;Aktor;Aktris;Artis;Musisi;Komedian;Pelawak;Sutradara;Produser;Penulis;Novelis;Sastrawan;Penyair;"
    "Pelukis;Presenter;Selebgram;Youtuber;YouTuber;Rapper;Vokalis;Gitaris;Drummer;Pianis;Desainer;Fotografer;"
    "Penari;Dalang;Komposer;Sejarawan;Arkeolog;Antropolog;Ilmuwan;Cendekiawan;Filsuf;Astronom;Budayawan;Pakar;"
    "Pendeta;Pastor;Biksu;Ustazah;Legislator;Capres;Cawapres;Cagub;Cawagub;Cabup;Cawabup;Cawalkot;Terdakwa;Terpidana;"
    # Football positions before a player, usually with the club or squad between them
    # (`Penyerang Liverpool Mohamed Salah`, `Kiper Timnas Indonesia Maarten Paes`).
    "Penyerang;Gelandang;Bek;Kiper;Striker;Winger;Penjaga gawang;Bek kiri;Bek kanan;Bek tengah;"
    "Gelandang serang;Gelandang bertahan"
)
HONORIFICS = "Bapak;Ibu;Pak;Bu;Sdr.;Sdri.;Saudara;Saudari;H.;Hj.;KH.;K.H.;Prof.;Prof;Prof Dr;Prof Dr Ir;Prof Ir;Dr.;Drs.;Drs;Dra.;Ir.;Ir;dr.;Ustaz;Ustadz;Kiai;Habib;Mbak;Mas;Bang;Tuan;Nyonya"
RANKS = (
    "AKBP;AKP;Kombes;Kombes Pol;Irjen;Irjen Pol;Brigjen;Brigjen Pol;Komjen;Komjen Pol;Jenderal;Letjen;Mayjen;Kolonel;Letkol;Mayor;Kapten;Iptu;Ipda;Aiptu;Bripka;Brigadir;Kompol;Laksamana;Marsekal;"
    "Laksda;Laksdya;Laksma;Marsda;Marsdya;Marsma;Letnan;Letda;Lettu;Sersan;Serda;Sertu;Serka;Serma;Pelda;Peltu;Kopral;"
    "Kopda;Koptu;Praka;Pratu;Prada;Bharada;Bharatu;Bharaka;Briptu;Bripda;Brigpol;Aipda;Letnan Kolonel;Letnan Jenderal;"
    "Mayor Jenderal;Brigadir Jenderal;Laksamana Muda;Laksamana Madya;Laksamana Pertama;Marsekal Muda;Marsekal Madya;"
    "Marsekal Pertama;Komisaris Besar;Ajun Komisaris Besar;Ajun Komisaris;Inspektur Jenderal;Komisaris Jenderal;"
    "Inspektur Satu;Inspektur Dua"
)
# The ranks of the armed forces are written with the officer's corps after them (`Letkol Inf`,
# `Kolonel Kav`, `Kapten Czi`, `Mayjen TNI`, `Kolonel Pnb`): rank and corps are one title.
FORCES_RANKS = ("Jenderal;Letjen;Mayjen;Brigjen;Kolonel;Letkol;Mayor;Kapten;Lettu;Letda;Peltu;Pelda;Serma;Serka;Sertu;"
                "Serda;Kopka;Koptu;Kopda;Praka;Pratu;Prada;Laksamana;Laksdya;Laksda;Laksma;Marsekal;Marsdya;Marsda;Marsma")
CORPS = ("TNI;Inf;Kav;Arm;Arh;Czi;Cpl;Cke;Chb;Cba;Ckm;Cku;Caj;Chk;Cpn;Ctp;Cpm;Pnb;Psk;Tek;Kal;Nav;Lek;Adm;Kes;Sus;"
         "Pas;Mar")


def person_cues():
    out = []
    for r in ROLES.split(";"):
        # A title of several words in sentence case (`Juru bicara`, `Kuasa hukum`) is still one.
        out.append((r, "ROLE", "role", "sentence" if " " in r else "capitalized", "", ""))
    for h in HONORIFICS.split(";"):
        out.append((h, "ROLE", "honorific", "any" if h.endswith(".") else "capitalized", "", ""))
    for k in RANKS.split(";"):
        out.append((k, "ROLE", "rank", "capitalized", "", ""))
    for k in FORCES_RANKS.split(";"):
        for c in CORPS.split(";"):
            out.append((f"{k} {c}", "ROLE", "rank", "capitalized", "", ""))
    return write("person-cues.tsv", out)


# Day and month names are dates, whatever a name list says.
CALENDAR = {"senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "ahad", "januari", "februari", "maret",
            "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november", "desember"}


def given_names():
    """First tokens of person names in IDNer news train (MIT): given names seen in news."""
    counts = collections.Counter()
    path = os.path.join(SHARED, "data", "ner", "idner-news-2k", "train.txt")
    tokens = [l.split() for l in open(path, encoding="utf-8")]
    for t in tokens:
        if len(t) >= 3 and t[-1] == "B-PER" and t[0][:1].isupper() and t[0].isalpha() and len(t[0]) >= 3:
            counts[t[0]] += 1
    cues = {r.lower() for r in (ROLES + ";" + HONORIFICS + ";" + RANKS).split(";")} | CALENDAR
    # An organization's name is no given name, even where an annotator tagged it as a person
    # ("partai NasDem" in IDNer train): it would override the organization's entry.
    with open(os.path.join(ROOT, "Lexicons", "organizations.tsv"), encoding="utf-8") as f:
        cues |= {line.split("\t")[0].lower() for line in f}
    # A name that is also a word ("Bambang", "Budi", "Firman") counts only when news named
    # people with it more than once; its entry matches only when capitalised.
    out = [(n, "PER", "given_name", "capitalized", "", "") for n, c in counts.items()
           if (n.lower() not in COMMON or c >= 2) and n.lower() not in cues and not n.isupper()]
    return write("given-names.tsv", out)


WIKI = [("PER", "persons/dbpedia-id_mdee_gazetteer_person.txt", 5),
        ("ORG", "organizations/dbpedia-id_mdee_gazetteer_organization.txt", 6),
        ("LOC", "regions/dbpedia-id_mdee_gazetteer_place.txt", 3)]


def wiki_names():
    """People, organizations and places of Indonesian Wikipedia (about 2016), from the DBpedia
    gazetteers of ialfina/ner-dataset-modified-dee (CC BY-SA 3.0, attribution in SOURCES.md).
    They are noisy, so a name is kept only when it starts with a capital letter, has at most
    five words (six for organizations; three for places, whose list is mostly "Village District
    Regency" strings), and, when it is one word, has three letters or more, no digit, and is
    not a common word, a role, a day or a month. Names the curated lists (places, villages,
    organizations, cues, given names) already have are left out, and so are place entries that
    are a village followed by its district. An entry has no subtype or id: it marks a name as
    known."""
    cues = {r.lower() for r in (ROLES + ";" + HONORIFICS + ";" + RANKS).split(";")} | CALENDAR
    listed, places = curated_names()
    out = []
    for kind, path, most in WIKI:
        with open(os.path.join(SRC, path), encoding="utf-8") as f:
            for line in f:
                name = " ".join(line.split())
                words = name.split(" ")
                if not name or not name[0].isupper() or len(words) > most or "\t" in name:
                    continue
                if len(words) == 1 and (len(name) < 3 or any(c.isdigit() for c in name)
                                        or name.lower() in COMMON or name.lower() in cues):
                    continue
                # A name the curated lists have already (their entry overrides it), or a place
                # list entry that is a village followed by its district ("Cihideung
                # Parongpong"): never written so in running text.
                if name.lower() in listed or kind == "LOC" and len(words) >= 2 and name.lower() not in places and (
                        words[-1].lower() in places or " ".join(words[-2:]).lower() in places):
                    continue
                out.append((name, kind))
    # A compact format: name and type only (case capitalized, no subtype or id).
    out = sorted(set(out), key=lambda e: (e[0].lower(), e[1], e[0]))
    with open(os.path.join(LEX, "wiki-names.tsv"), "w", encoding="utf-8") as f:
        f.write("name\ttype\n")
        f.writelines(f"{n}\t{t}\n" for n, t in out)
    return len(out)


def curated_names():
    """The lower-case names of the curated lexicons just written, and those of their places."""
    listed, places = set(), set()
    for f in ("places.tsv", "organizations.tsv", "person-cues.tsv", "given-names.tsv"):
        for r in rows(os.path.join(LEX, f)):
            listed.add(r[0].lower())
            if f == "places.tsv" and r[1] == "LOC":
                places.add(r[0].lower())
    with open(os.path.join(LEX, "villages.tsv"), encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            for field in line.rstrip("\n").split("\t")[1:]:
                if len(field) > 5:
                    listed.add(field[5:].lower())
    return listed, places


COMMON = common_words()

if __name__ == "__main__":
    print("places", places())
    print("villages", villages())
    print("organizations", organizations())
    print("person-cues", person_cues())
    print("given-names", given_names())
    print("wiki-names", wiki_names())
