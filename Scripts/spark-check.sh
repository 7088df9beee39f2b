#!/usr/bin/env bash
# Proves that the warta binary works as a Spark RDD.pipe() mapper: a local Spark job pipes a
# JSON Lines file through the release binary and the records must equal a direct run.
#
# Needs Java 17 and pyspark (from PyPI). Python is taken from $WARTA_SPARK_PYTHON, else
# .venv-spark/bin/python, else python3. To set it up once:
#   python3 -m venv .venv-spark && .venv-spark/bin/pip install pyspark
# When Java or pyspark is missing, the script says so and exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."

python="${WARTA_SPARK_PYTHON:-}"
if [ -z "$python" ]; then
  if [ -x .venv-spark/bin/python ]; then python=.venv-spark/bin/python; else python=python3; fi
fi
if ! command -v java >/dev/null 2>&1; then
  echo "spark-check: skipped: no java on PATH (install openjdk-17-jre-headless)"; exit 0
fi
if ! "$python" -c "import pyspark" >/dev/null 2>&1; then
  echo "spark-check: skipped: $python has no pyspark (python3 -m venv .venv-spark && .venv-spark/bin/pip install pyspark)"; exit 0
fi

swift build -c release --static-swift-stdlib --experimental-lto-mode=full --product warta >/dev/null
binary="$(pwd)/.build/release/warta"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Input: the seed, hand-written pages and a malformed line (which must give an error record).
"$python" - "$work/input.jsonl" <<'PY'
import json, sys
seed = open("seeds/000_43943d992f4a7b6d.txt", encoding="utf-8").read()
lines = []
for i in range(40):
    if i % 10 == 7:
        lines.append("{not json")
    elif i % 2:
        lines.append(json.dumps({"id": f"t{i}", "text": seed[: 400 + 50 * i], "crawl": "cc-2022"}))
    else:
        body = "".join(f"<p>{seed[j:j + 300]}</p>" for j in range(0, 300 * (2 + i % 5), 300))
        lines.append(json.dumps({"id": f"h{i}", "url": f"https://contoh.com/{i}", "html": f"<html><body><article>{body}</article></body></html>"}))
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
PY

"$binary" process --quiet --input-format jsonl - < "$work/input.jsonl" > "$work/direct.jsonl" || true

"$python" - "$binary" "$work/input.jsonl" "$work/spark.jsonl" "$work/parquet" <<'PY'
import os, sys
from pyspark import SparkFiles
from pyspark.sql import SparkSession
binary, source, out, parquet = sys.argv[1:5]
spark = SparkSession.builder.master("local[2]").appName("warta-spark-check").getOrCreate()
sc = spark.sparkContext
sc.setLogLevel("ERROR")
sc.addFile(binary)
env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}
records = sc.textFile(source, minPartitions=3).pipe(
    f"{SparkFiles.get('warta')} process --quiet --jobs 1 --input-format jsonl -", env=env, checkCode=False)
lines = records.collect()
open(out, "w").write("".join(l + "\n" for l in lines))
spark.read.json(records).write.mode("overwrite").parquet(parquet)
spark.stop()
PY

# checkCode=False above: exit status 1 (some documents failed) is expected for the malformed line.
# Line numbers in ids and sources count from the start of each Spark partition's input, so they
# are blanked before comparing; every other byte of every record must match.
normalize() { sed -E -e 's/"-:[0-9]+"/"-:N"/' -e 's/"line":[0-9]+/"line":N/' -e 's/line [0-9]+ /line N /' "$1" | sort; }
inputs=$(wc -l < "$work/input.jsonl")
records=$(wc -l < "$work/spark.jsonl")
if [ "$inputs" != "$records" ]; then
  echo "spark-check: FAILED: $inputs input lines but $records records from Spark"; exit 1
fi
if diff <(normalize "$work/direct.jsonl") <(normalize "$work/spark.jsonl") >/dev/null; then
  echo "spark-check: ok: $records records from Spark (3 partitions) equal a direct run; Parquet written"
else
  echo "spark-check: FAILED: Spark's records differ from a direct run"
  diff <(normalize "$work/direct.jsonl") <(normalize "$work/spark.jsonl") | head -5
  exit 1
fi
