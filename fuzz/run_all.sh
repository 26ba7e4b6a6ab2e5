#!/bin/sh
# Fuzz every available importer and the query parser, SECONDS each (default 600).
# Crashes land in fuzz/artifacts/<target>/; the corpora grow in fuzz/corpus/<target>/.
set -u
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
SECONDS_EACH=${1:-600}
for target in text json jsonl csv html warc feed markdown query; do
    mkdir -p "fuzz/artifacts/$target" "fuzz/corpus/$target"
    if [ "$target" = query ]; then
        set -- fuzz/fuzz_query.py
    else
        set -- fuzz/fuzz_extract.py "$target"
    fi
    echo "== $target ($SECONDS_EACH s)"
    "$PY" "$@" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=3072 \
        -artifact_prefix="fuzz/artifacts/$target/" "fuzz/corpus/$target" "fuzz/seeds/$target" 2>&1 | tail -n 3
done
