# The shell completions do what a user types Tab for: subcommands, the options of each
# subcommand, the values the tables know (sorts, periods, list formats, bell), and the
# profile names of the config file the command line would read (--config, else
# SENTRY_TUI_CONFIG, else the XDG path), read at completion time.
. "$(dirname "$0")/../lib/screen.sh"
mkdir -p "$XDG_CONFIG_HOME/sentry-tui"
cat >"$XDG_CONFIG_HOME/sentry-tui/config.yml" <<'YAML'
profile: work
profiles:
  work:
    url: https://sentry.example.com/
    org: acme
  "on-call":   # quoted, with a comment
    org: acme
    projects:
      - backend
query: is:unresolved
YAML
cat >"$TEST_DIR/other.yml" <<'YAML'
profiles:
    staging: {org: acme}
YAML

# expect SHELL WHAT GOT WANT: the candidates (one a line, sorted) are exactly WANT.
expect() {
	local got want
	got=$(printf '%s\n' "$3" | sed '/^$/d' | sort -u | tr '\n' ' ')
	want=$(printf '%s\n' $4 | sed '/^$/d' | sort -u | tr '\n' ' ')
	[ "$got" = "$want" ] || fail "$1: '$2' offers [$got], expected [$want]"
}

# --- bash: source the file, fill COMP_WORDS as readline would, call the function.
bash_complete() { # words... (the last one is the word being completed, may be empty)
	bash -c '
		. "$1"; shift
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		_sentry_tui
		printf "%s\n" "${COMPREPLY[@]}"
	' _ "$ROOT/completions/sentry-tui.bash" sentry-tui "$@"
}
bash -c ". '$ROOT/completions/sentry-tui.bash'; complete -p sentry-tui" | grep -q -- '-F _sentry_tui sentry-tui' ||
	fail "bash: the file does not register _sentry_tui for sentry-tui"
expect bash "sentry-tui ''" "$(bash_complete '')" "open list status profiles"
expect bash "sentry-tui l" "$(bash_complete l)" "list"
expect bash "sentry-tui --sort ''" "$(bash_complete --sort '')" "date new freq user trends inbox recommended"
expect bash "sentry-tui --period 1" "$(bash_complete --period 1)" "1h 14d"
expect bash "sentry-tui --bell e" "$(bash_complete --bell e)" "escalating"
expect bash "sentry-tui list --format ''" "$(bash_complete list --format '')" "plain tsv json"
expect bash "sentry-tui status --format ''" "$(bash_complete status --format '')" ""
expect bash "sentry-tui list --l" "$(bash_complete list --l)" "--limit"
expect bash "sentry-tui status --t" "$(bash_complete status --t)" "--tmux --ttl"
expect bash "sentry-tui profiles --p" "$(bash_complete profiles --p)" "--period --probe --profile --project"
expect bash "sentry-tui --watch 30 list --a" "$(bash_complete --watch 30 list --a)" "--all --allow-triage"
expect bash "sentry-tui --query list status --a" "$(bash_complete --query list status --a)" "--ascii --allow-triage"
expect bash "sentry-tui --profile ''" "$(bash_complete --profile '')" "work on-call"
expect bash "sentry-tui --config other.yml --profile ''" \
	"$(cd "$TEST_DIR" && bash_complete --config other.yml --profile '')" "staging"
expect bash "SENTRY_TUI_CONFIG=other.yml sentry-tui --profile ''" \
	"$(cd "$TEST_DIR" && SENTRY_TUI_CONFIG=other.yml bash_complete --profile '')" "staging"
expect bash "sentry-tui --profile '' (no config file)" "$(HOME=/nonexistent XDG_CONFIG_HOME=/nonexistent bash_complete --profile '')" ""

# --- zsh: compadd and _describe stand in for the completion system and print what they
# are given; words and CURRENT are set as zsh sets them.
if command -v zsh >/dev/null; then
	zsh -n "$ROOT/completions/_sentry-tui" || fail "zsh: syntax error"
	head -1 "$ROOT/completions/_sentry-tui" | grep -qx '#compdef sentry-tui' || fail "zsh: no #compdef line"
	zsh_complete() {
		zsh -fc '
			compadd() { [[ $1 == -- ]] && shift; print -l -- "$@" }
			_describe() { local -a specs=("${(@P)${@[-1]}}"); print -l -- "${specs[@]%%:*}" }
			_files() { print -- "(files)" }
			_message() { print -- "(message $1)" }
			file=$1; shift
			words=(sentry-tui "$@"); CURRENT=${#words}
			cur=${words[CURRENT]}
			source "$file" | while read -r w; do [[ $w == "$cur"* ]] && print -- "$w"; done
		' _ "$ROOT/completions/_sentry-tui" "$@"
	}
	expect zsh "sentry-tui ''" "$(zsh_complete '')" "open list status profiles"
	expect zsh "sentry-tui --sort ''" "$(zsh_complete --sort '')" "date new freq user trends inbox recommended"
	expect zsh "sentry-tui list --format ''" "$(zsh_complete list --format '')" "plain tsv json"
	expect zsh "sentry-tui status --format ''" "$(zsh_complete status --format '')" "(message FIELDS)"
	expect zsh "sentry-tui status --t" "$(zsh_complete status --t)" "--tmux --ttl"
	expect zsh "sentry-tui --config ''" "$(zsh_complete --config '')" "(files)"
	expect zsh "sentry-tui --profile ''" "$(zsh_complete --profile '')" "work on-call"
	expect zsh "sentry-tui --config other.yml --profile ''" \
		"$(cd "$TEST_DIR" && zsh_complete --config other.yml --profile '')" "staging"
else
	fail "zsh is not installed (scripts/install-deps.sh)"
fi

# --- fish: its own completion engine, complete -C.
if command -v fish >/dev/null; then
	fish -n "$ROOT/completions/sentry-tui.fish" || fail "fish: syntax error"
	fish_complete() { # command line
		fish --no-config -c "source '$ROOT/completions/sentry-tui.fish'; complete -C '$1'" | cut -f1
	}
	expect fish "sentry-tui " "$(fish_complete 'sentry-tui ')" "open list status profiles"
	expect fish "sentry-tui --sort " "$(fish_complete 'sentry-tui --sort ')" "date new freq user trends inbox recommended"
	expect fish "sentry-tui list --format " "$(fish_complete 'sentry-tui list --format ')" "plain tsv json"
	expect fish "sentry-tui status --t" "$(fish_complete 'sentry-tui status --t')" "--tmux --ttl"
	expect fish "sentry-tui list --t" "$(fish_complete 'sentry-tui list --t')" ""
	expect fish "sentry-tui --profile " "$(fish_complete 'sentry-tui --profile ')" "work on-call"
	expect fish "sentry-tui --config other.yml --profile " \
		"$(cd "$TEST_DIR" && fish_complete 'sentry-tui --config other.yml --profile ')" "staging"
else
	fail "fish is not installed (scripts/install-deps.sh)"
fi
finish
