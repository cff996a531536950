#!/usr/bin/env bash
# Runs each libFuzzer target for a bounded time, with ASan and UBSan.
#
#   fuzz/run-fuzzers.sh [SECONDS_PER_TARGET] [TARGET...]
#     SECONDS_PER_TARGET  default 60
#     TARGET              config_fuzzer content_fuzzer vote_body_fuzzer (default: all three)
#
# Builds in build-fuzz/ (clang, -DKIOSK_FUZZ=ON; override with KIOSK_FUZZ_BUILD=DIR), seeds
# each corpus from the tests' own data (fuzz/seeds/, the demo content the tests load, the
# importer's sample), keeps the grown corpus in build-fuzz/corpus/ between runs, and exits
# non-zero when a target finds a crash (the input is left in build-fuzz/artifacts/TARGET/).
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(config_fuzzer content_fuzzer vote_body_fuzzer)
build=${KIOSK_FUZZ_BUILD:-$source_dir/build-fuzz}

command -v clang++ >/dev/null || { echo "run-fuzzers: clang++ is missing (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
cmake -S "$source_dir" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang \
      -DCMAKE_CXX_COMPILER=clang++ -DKIOSK_FUZZ=ON "${launcher[@]}" >/dev/null
cmake --build "$build" --target "${targets[@]}"

seed() {  # seed TARGET: fills build/corpus/TARGET from the tests' data (never overwrites what grew)
    local corpus=$build/corpus/$1
    mkdir -p "$corpus"
    case $1 in
        config_fuzzer) cp -n "$source_dir"/fuzz/seeds/config/* "$corpus"/ ;;
        vote_body_fuzzer) cp -n "$source_dir"/fuzz/seeds/vote_body/* "$corpus"/ ;;
        content_fuzzer)
            cp -n "$source_dir"/content/*.json "$corpus"/
            # One procedure per seed: the fuzzer mutates lines, as procedures.jsonl holds them.
            head -n 40 "$source_dir/content/procedures.jsonl" | split -l 1 - "$corpus/procedure-"
            [ -d "$source_dir/fuzz/seeds/content" ] && cp -n "$source_dir"/fuzz/seeds/content/* "$corpus"/ 2>/dev/null || true ;;
    esac
}

status=0
for target in "${targets[@]}"; do
    seed "$target"
    mkdir -p "$build/artifacts/$target"
    echo "== $target: $seconds s"
    if ! "$build/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
            -artifact_prefix="$build/artifacts/$target/" -print_final_stats=1 "$build/corpus/$target" \
            2> "$build/artifacts/$target/log.txt"; then
        echo "!! $target found a problem: see $build/artifacts/$target/ (log.txt and the crash-* input)" >&2
        status=1
    fi
    grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb)|^#[0-9]+ +DONE" "$build/artifacts/$target/log.txt" || true
done
exit $status
