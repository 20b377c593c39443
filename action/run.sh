#!/usr/bin/env bash
# The step of action.yml that runs newslint (tested by tests/test_action.py).
#
# Inputs (environment): INPUT_ARGS (paths and options, split on white space, never glob-expanded),
# INPUT_SARIF ("true" or "false"), INPUT_SARIF_FILE; GITHUB_OUTPUT (the runner's file for step outputs).
# It prints the findings as GitHub annotations (--format github), writes the SARIF report when asked, and
# records exit-code and sarif-file as step outputs. It exits 0 itself, so that the SARIF upload still runs;
# the action's last step fails the job with newslint's exit code.
set -u
set -f  # INPUT_ARGS is split on white space, never expanded as a glob

# Split on spaces, tabs and line breaks (a YAML block may spread the options over lines).
read -r -d '' -a args <<< "${INPUT_ARGS:-.}" || true
sarif_file=""
if [ "${INPUT_SARIF:-true}" = "true" ]; then
    sarif_file="${INPUT_SARIF_FILE:-newslint.sarif}"
    mkdir -p "$(dirname "$sarif_file")"
    newslint check "${args[@]}" --format sarif --output-file "$sarif_file" --quiet
    sarif_code=$?
    if [ ! -s "$sarif_file" ]; then
        echo "newslint: no SARIF report was written (exit code $sarif_code)" >&2
        sarif_file=""
    fi
fi
# The annotations: the second run finds its results in .newslint_cache/.
newslint check "${args[@]}" --format github
code=$?
{
    echo "exit-code=$code"
    echo "sarif-file=$sarif_file"
} >> "${GITHUB_OUTPUT:-/dev/null}"
exit 0
