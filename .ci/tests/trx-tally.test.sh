#!/usr/bin/env bash
# Checks .ci/trx-tally on TRX files written by `dotnet test --logger trx` (xunit v3: two passed tests, one failed,
# one skipped with Assert.Skip and a two-line reason, one skipped by [Fact(Skip=...)]); error-timeout.trx is
# skipped.trx with two outcomes edited to Error and Timeout, which xunit cannot produce on purpose.
# Every one of these files has Counters notExecuted="0": the old tally, which summed Counters, printed
# "2 passed, 1 failed" for mixed.trx and lost both skipped tests.
set -uo pipefail
cd "$(dirname "$0")"
tally=../trx-tally
failures=0

expect() { # expect NAME EXPECTED_EXIT EXPECTED_OUTPUT FILE...
  local name=$1 want_rc=$2 want=$3; shift 3
  local got rc
  got=$(bash "$tally" "$@" 2>&1); rc=$?
  if [ "$got" != "$want" ] || [ "$rc" -ne "$want_rc" ]; then
    printf 'FAIL %s\n--- expected (exit %s)\n%s\n--- got (exit %s)\n%s\n' "$name" "$want_rc" "$want" "$rc" "$got"
    failures=$((failures + 1))
  else
    echo "ok   $name"
  fi
}

expect "all passed: no skipped part" 0 "2 passed, 0 failed" trx/passed.trx

expect "skipped tests counted and listed with their reason's first line" 0 \
"skipped: TrxDemo.Demo.Dynamic_Skip_IsNotExecuted: setpriv (util-linux) is not installed
skipped: TrxDemo.Demo.Static_Skip_IsNotExecuted: real ACLs exist on Windows only
2 passed, 0 failed, 2 skipped" trx/skipped.trx

expect "a failure fails the tally" 1 \
"skipped: TrxDemo.Demo.Dynamic_Skip_IsNotExecuted: setpriv (util-linux) is not installed
skipped: TrxDemo.Demo.Static_Skip_IsNotExecuted: real ACLs exist on Windows only
failed: TrxDemo.Demo.Deliberate_Failure_Fails (Failed)
2 passed, 1 failed, 2 skipped" trx/mixed.trx

expect "Error and Timeout outcomes are failures" 1 \
"skipped: TrxDemo.Demo.Static_Skip_IsNotExecuted: real ACLs exist on Windows only
failed: TrxDemo.Demo.Dynamic_Skip_IsNotExecuted (Timeout)
failed: TrxDemo.Demo.Adds_TwoNumbers_Passes (Error)
1 passed, 2 failed, 1 skipped" trx/error-timeout.trx

expect "several files add up" 0 \
"skipped: TrxDemo.Demo.Dynamic_Skip_IsNotExecuted: setpriv (util-linux) is not installed
skipped: TrxDemo.Demo.Static_Skip_IsNotExecuted: real ACLs exist on Windows only
4 passed, 0 failed, 2 skipped" trx/passed.trx trx/skipped.trx

expect "a missing file is a usage error" 2 "../trx-tally: cannot read trx/none.trx" trx/none.trx

[ "$failures" -eq 0 ] && echo "trx-tally: all checks passed" || { echo "trx-tally: $failures check(s) failed"; exit 1; }
