#!/usr/bin/env bash
# The GitHub Action's check step (action.yml): turns the inputs into a `mendix-email check`
# command line, runs the pinned npm release with npx, and hands the exit code to the last
# step through $GITHUB_OUTPUT, so the SARIF upload still runs when there are findings.
set -uo pipefail

version="${MENDIX_EMAIL_VERSION:?MENDIX_EMAIL_VERSION is not set}"
format="${INPUT_FORMAT:-github}"

# one path per line when there are several lines (a path may hold spaces), else split on spaces
paths=()
if [[ "${INPUT_PATHS:-}" == *$'\n'* ]]; then
  while IFS= read -r line; do
    line="${line#"${line%%[![:space:]]*}"}"
    line="${line%"${line##*[![:space:]]}"}"
    [[ -n "$line" ]] && paths+=("$line")
  done <<< "$INPUT_PATHS"
else
  read -r -a paths <<< "${INPUT_PATHS:-.}"
fi
[[ ${#paths[@]} -eq 0 ]] && paths=(.)

options=()
case "${INPUT_OFFLINE:-false}" in
  true) options+=(--offline) ;;
  false | '') ;;
  *) echo "::error title=mendix-email::offline must be true or false (got \"$INPUT_OFFLINE\")"; echo "exit-code=2" >> "$GITHUB_OUTPUT"; exit 0 ;;
esac
max="${INPUT_MAX_WARNINGS:--1}"
[[ -n "$max" && "$max" != "-1" ]] && options+=(--max-warnings "$max")

cli=(npx --yes "mendix-email@$version")

if [[ "${INPUT_SARIF_UPLOAD:-false}" == "true" ]]; then
  sarif="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/mendix-email.sarif"
  "${cli[@]}" check "${paths[@]}" ${options[@]+"${options[@]}"} --format sarif --output "$sarif"
  sarif_code=$?
  # the report is uploaded even with findings; only a run that wrote nothing is not
  [[ -s "$sarif" ]] && echo "sarif-file=$sarif" >> "$GITHUB_OUTPUT"
  if [[ "$format" == "sarif" ]]; then
    echo "exit-code=$sarif_code" >> "$GITHUB_OUTPUT"
    echo "SARIF report: $sarif"
    exit 0
  fi
fi

"${cli[@]}" check "${paths[@]}" ${options[@]+"${options[@]}"} --format "$format"
echo "exit-code=$?" >> "$GITHUB_OUTPUT"
exit 0
