#!/usr/bin/env bash
# The command-line contract: help, version, usage errors, exit codes, stdin,
# atomic -o, size limit, and nothing half-written on failure.
set -euo pipefail
tp=$1 src=$2
. "$(dirname "$0")/lib.sh"
sample=$(ls "$src"/samples/*.xml | head -n 1)

expect_exit 0 -- "$tp" --version;            expect_stdout "tenderpack "
expect_exit 0 -- "$tp" --help;               expect_stdout "Commands:"
expect_exit 0 -- "$tp" help tender;          expect_stdout "Usage: tenderpack tender"
for c in validate tender; do
  expect_exit 0 -- "$tp" $c --help;          expect_stdout "Usage: tenderpack $c"
  expect_exit 2 -- "$tp" $c;                 expect_stderr "no profile given"
  expect_exit 2 -- "$tp" $c --bogus x.xml;   expect_stderr "unknown option '--bogus'"
done
expect_exit 2 -- "$tp";                      expect_stderr "Usage:"
expect_exit 2 -- "$tp" frobnicate;           expect_stderr "unknown command 'frobnicate'"
expect_exit 2 -- "$tp" tender -o;            expect_stderr "needs a value"
expect_exit 3 -- "$tp" validate /nonexistent/p.xml
expect_stderr "/nonexistent/p.xml: error: cannot open"

# -o writes atomically and leaves nothing on failure.
expect_exit 0 -- "$tp" tender -o "$tmpdir/t.xml" "$sample"
expect_no_stdout
[ -s "$tmpdir/t.xml" ] || fail "-o wrote nothing"
echo "<profile" > "$tmpdir/bad.xml"
expect_exit 1 -- "$tp" tender -o "$tmpdir/t2.xml" "$tmpdir/bad.xml"
[ ! -e "$tmpdir/t2.xml" ] || fail "a failed run left an output file"
[ -z "$(ls "$tmpdir" | grep '\.tmp\.')" ] || fail "a temporary file was left behind"
expect_exit 3 -- "$tp" tender -o /nonexistent-dir/t.xml "$sample"

# stdin, and the size limit (16 MiB) on it.
expect_exit 0 -- "$tp" validate - <"$sample"; expect_stdout "<stdin>: valid"
head -c 17000000 /dev/zero | tr '\0' ' ' >"$tmpdir/huge.xml"
expect_exit 1 -- "$tp" validate "$tmpdir/huge.xml"; expect_stderr "limit"

# Several files: all reported, worst exit code.
expect_exit 1 -- "$tp" validate "$sample" "$tmpdir/bad.xml"
expect_stdout "valid ("; expect_stderr "bad.xml"

# --templates: a PO's own folder overrides built-in files; a broken one is exit 4.
mkdir -p "$tmpdir/tpl"
echo "<rules" >"$tmpdir/tpl/thresholds.xml"
expect_exit 4 -- "$tp" tender --templates "$tmpdir/tpl" "$sample"
expect_stderr "thresholds.xml"
expect_exit 0 -- env TENDERPACK_TEMPLATES="$tmpdir/empty-dir" "$tp" validate -q "$sample"
echo "ok cli"
