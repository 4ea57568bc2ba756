#!/usr/bin/env bash
# The bash completion offers every command and subcommand `keyward-server --help` documents, skips
# option values when finding the command, and completes options from --help.
# Usage: completion.sh KEYWARD_SERVER_BINARY
set -uo pipefail
binary=$(realpath "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck disable=SC1091
source /usr/share/bash-completion/bash_completion
# shellcheck disable=SC1091
source "$root/installer/completion/keyward-server.bash"
bindir=$(mktemp -d)
trap 'rm -rf "$bindir"' EXIT
ln -s "$binary" "$bindir/keyward-server"
PATH="$bindir:$PATH"

failures=0
commands=0
# complete WORDS...: the completions of the last word, one per line, sorted.
complete_line() {
    COMP_WORDS=("$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE="${COMP_WORDS[*]}"
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    _keyward_server keyward-server "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    printf '%s\n' "${COMPREPLY[@]}" | sort
}
expect() { # expect WORD "completions of" WORDS...
    local want=$1
    shift
    if ! complete_line "$@" | grep -qx -- "$want"; then
        echo "FAIL: '$*' does not complete to '$want' (got: $(complete_line "$@" | tr '\n' ' '))"
        failures=$((failures + 1))
    fi
}

help=$("$binary" --help)
# Every command the help lists ("  word ..." under Commands: and Administration) is offered.
while read -r first second _; do
    commands=$((commands + 1))
    expect "$first" keyward-server ""
    case "$first" in
    admin | audit | keys | user | role | apikey | session | client)
        [[ "$second" =~ ^[a-z-]+$ ]] && expect "$second" keyward-server "$first" "" ;;
    esac
done < <(sed -n '/^Commands:/,/^Options:/p' <<<"$help" | grep -E '^  [a-z]' | grep -vE '^  +-')

if [[ $commands -lt 20 ]]; then
    echo "FAIL: only $commands commands found in --help"
    failures=$((failures + 1))
fi
expect list keyward-server --data-dir /var/lib/keyward user ""
expect reset-password keyward-server --data-dir /srv/kw user re
expect --json keyward-server user list --js
expect --password-stdin keyward-server user create --password-s
expect disabled keyward-server user list --status ""
if [[ -n "$(complete_line keyward-server --listen "")" ]]; then
    echo "FAIL: a --listen value is completed as a command"
    failures=$((failures + 1))
fi

if [[ $failures -gt 0 ]]; then
    echo "$failures completion check(s) failed"
    exit 1
fi
echo "bash completion: every documented command and subcommand completes"
