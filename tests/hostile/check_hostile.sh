#!/usr/bin/env bash
# The program against the hostile files of issue 20 (make_hostile.py), as a user's machine would
# meet them: `valuescope inspect FILE` (or `run PROJECT`) under `ulimit -v 4000000`. Each must end
# cleanly, with the exit code and message below, within 30 s and a peak of 2 GB (GNU time's
# maximum resident size, the reader process of an .xls included). Prints each file's time and
# peak. Usage: check_hostile.sh VALUESCOPE_BINARY DIR   (DIR: where make_hostile.py made them)
set -uo pipefail
bin=$(realpath "$1")
cd "$2" || exit 1
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

failures=0
# file | exit code | what stderr says (a part of it) [| address-space limit in KB]
check() {
  local file=$1 code=$2 says=$3 limit=${4:-4000000} cmd=inspect
  [[ $file == *.json ]] && cmd=run
  (ulimit -v "$limit"; /usr/bin/time -o "$scratch/time.txt" -f "TIME %e %M %x" "$bin" $cmd "$file" >/dev/null 2>"$scratch/err.txt")
  local rc secs peak
  read -r secs peak rc <<<"$(sed -n 's/^TIME //p' "$scratch/time.txt")"
  grep -q "terminated by signal" "$scratch/time.txt" && rc="$(grep -o 'signal [0-9]*' "$scratch/time.txt")"
  local msg=$(head -1 "$scratch/err.txt")
  local ok=1
  [[ $rc == "$code" ]] || ok=0
  [[ -z $says || $msg == *"$says"* ]] || ok=0
  [[ -n $secs ]] && awk "BEGIN{exit !($secs < 30)}" || ok=0
  [[ -n $peak && $peak -lt 2000000 ]] || ok=0
  printf '%-40s exit %s  %6ss  %5d MB  %s\n' "$file" "$rc" "$secs" "$((peak / 1024))" "${msg:0:110}"
  if (( !ok )); then
    echo "  FAILED: wanted exit $code and '$says', within 30 s and 2 GB" >&2
    failures=$((failures + 1))
  fi
}

# item 3: XLS (freexl in the reader process)
check second_dimensions.xls 2 "this .xls file is damaged"
check repeated_dimensions.xls 2 "needs more than 1024 MiB of memory"
check directory_names.xls 2 "workbook is damaged"
check format_strings.xls 0 ""
check rows_no_columns.xls 2 "damaged"
# item 4: a dimension claiming a million rows of long text
check dimension_claims_a_million_rows.xlsx 0 ""
# item 5: ODS repeats
check repeats_multiplied.ods 2 "far more than any table needs"
check spaces_in_the_sample.ods 2 "far more than any table needs"
check rows_repeated_1e9.ods 2 "far more than any table needs"
check spaces_in_one_cell.ods 2 "a cell holds more than 32 MiB of text"
check rows_repeated_int64_max.ods 0 ""
check repeats_kept.ods 0 ""
# item 6: a project nesting 100,000 lists next to its baseline
check deep_nesting.valuescope.json 2 "nests lists or objects more than 64 deep"
# item 7: a 200 MB attribute (and a 20 MB one, which reads)
check attribute_200mb.xlsx 2 "longer than 32 MiB"
check attribute_20mb.xlsx 0 ""
check attribute_100mb.ods 2 "longer than 32 MiB"
check attribute_20mb.ods 0 ""
# item 8: text that is not UTF-8
check latin1_shared_string.xlsx 2 "not valid UTF-8"
check latin1_inline_string.xlsx 2 "not valid UTF-8"
check surrogate_reference.xlsx 2 "refers to a character that does not exist (&#xD800;)"
# item 9: numbers at the edge
check row_number_int64_max.xlsx 0 ""
check date_serial_1e300.xlsx 0 ""
# the budget
check shared_string_everywhere.xlsx 2 "far more than any table needs"
check wide_header_short_rows.csv 2 "far more than any table needs"
check spaces_everywhere.xlsx 0 ""
check blank_cells_repeated.ods 0 ""
check line_of_fields.csv 0 ""
# an ordinary 40 MB file given 200 MB of address space (the program and its libraries take ~120 MB)
check too_large_for_memory.csv 2 "the data do not fit in this computer's memory" 200000

if (( failures )); then
  echo "check_hostile: $failures file(s) not handled as they must be" >&2
  exit 1
fi
echo "check_hostile: every hostile file ended cleanly"
