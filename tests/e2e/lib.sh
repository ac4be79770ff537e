# Shared helpers for the end-to-end scripts.
fail() { echo "FAIL: $*" >&2; exit 1; }
tmpdir=$(mktemp -d)
trap 'rm -rf "$tmpdir"' EXIT
# expect_exit CODE -- command...: runs it with stdout/stderr captured in $tmpdir/out, $tmpdir/err
expect_exit() {
  local want=$1; shift; [ "$1" = "--" ] && shift
  set +e; "$@" >"$tmpdir/out" 2>"$tmpdir/err"; local got=$?; set -e
  [ "$got" = "$want" ] || { cat "$tmpdir/err" >&2; fail "$* exited $got, expected $want"; }
}
expect_stderr() { grep -qF -- "$1" "$tmpdir/err" || { cat "$tmpdir/err" >&2; fail "stderr lacks: $1"; }; }
expect_stdout() { grep -qF -- "$1" "$tmpdir/out" || { cat "$tmpdir/out" >&2; fail "stdout lacks: $1"; }; }
expect_no_stdout() { [ ! -s "$tmpdir/out" ] || fail "stdout should be empty, has: $(head -c 200 "$tmpdir/out")"; }
