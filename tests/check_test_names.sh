#!/bin/sh
# ctest cuts a test's name at ";" (a CMake list separator), asks doctest for the cut name,
# which matches no test case, and reports the run that ran nothing as passed. No test
# name may hold one: this fails, naming them, when one does.
#   tests/check_test_names.sh TEST_BINARY...
status=0
for binary in "$@"; do
    names=$("$binary" --list-test-cases --no-version 2>/dev/null | grep ';')
    if [ -n "$names" ]; then
        echo "$binary: test names with ';' (ctest would run none of them):"
        echo "$names"
        status=1
    fi
done
exit $status
