#!/bin/sh
# Builds the libFuzzer targets (debug, -sanitize=fuzzer,address, their own scratch path, so the
# normal build is untouched) and runs each for SECONDS (default 60) on a copy of its seed corpus.
# Usage: Fuzz/run.sh [SECONDS] [TARGET...]   (no TARGET: all of them)
# Findings are written to .build/fuzz/artifacts/; new corpus inputs to .build/fuzz/corpus/TARGET.
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-"fuzz-ecs fuzz-zeek-tsv fuzz-zeek-json fuzz-suricata fuzz-panos fuzz-sysmon fuzz-ingest fuzz-kql fuzz-rule-file fuzz-kibana-import"}
mkdir -p .build/fuzz/artifacts
for target in $targets; do
    SMBTRIAGE_FUZZ=1 swift build --scratch-path .build/fuzz -c debug -Xswiftc -sanitize=fuzzer,address \
        --product "$target" 2>&1 | grep -v "Cannot export local symbol" | tail -1
    mkdir -p ".build/fuzz/corpus/$target"
    ".build/fuzz/debug/$target" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        -artifact_prefix=".build/fuzz/artifacts/$target-" ".build/fuzz/corpus/$target" "Fuzz/Corpus/$target"
done
