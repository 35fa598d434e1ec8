#!/usr/bin/env bash
# End-to-end test of the real console: loads demo-data/ into a scratch store with `smbtriage demo`,
# drives the console in a detached tmux session (120×40) with send-keys, reads it with capture-pane,
# then checks with the CLI that the triage done in the console reached the store.
# Exits non-zero, printing the captured pane, when any step fails. Needs tmux.
set -euo pipefail
cd "$(dirname "$0")/../.."

wait_seconds=${E2E_WAIT_SECONDS:-30}
socket="smbtriage-e2e-$$"
work=$(mktemp -d)
db="$work/e2e.db"

cleanup() {
    tmux -L "$socket" kill-server 2>/dev/null || true
    rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$socket"
    rm -rf "$work"
}
trap cleanup EXIT

pane() { tmux -L "$socket" capture-pane -p -t e2e 2>/dev/null || true; }

fail() {
    echo "console-e2e: FAILED: $*" >&2
    echo "----- captured pane -----" >&2
    pane >&2
    echo "----- pane state ---------" >&2
    tmux -L "$socket" list-panes -a -F 'size #{pane_width}x#{pane_height} dead=#{pane_dead} status=#{pane_dead_status}' >&2 \
        || echo "the tmux server is gone" >&2
    echo "-------------------------" >&2
    exit 1
}

# Polls the pane until it shows the fixed string $1 (no fixed sleeps).
wait_for() {
    local deadline=$((SECONDS + wait_seconds))
    while ((SECONDS < deadline)); do
        pane >"$work/last-pane"
        grep -qF -- "$1" "$work/last-pane" && return 0
        sleep 0.2
    done
    fail "the console never showed \"$1\""
}

# Polls the pane until it no longer shows the fixed string $1.
wait_for_absent() {
    local deadline=$((SECONDS + wait_seconds))
    while ((SECONDS < deadline)); do
        pane >"$work/last-pane"
        grep -qF -- "$1" "$work/last-pane" || return 0
        sleep 0.2
    done
    fail "the console still shows \"$1\""
}

# Polls until the console process has ended and the pane shows the shell's marker line.
wait_for_exit() {
    wait_for "console exited with status"
    grep -qF "console exited with status 0" "$work/last-pane" || fail "the console did not exit cleanly"
}

keys() { tmux -L "$socket" send-keys -t e2e "$@"; }
type_text() { tmux -L "$socket" send-keys -t e2e -l "$1"; }

# What a terminal sends for a click of the first button at column 10 of screen row $1 (from 0): an
# X10 mouse report of the press, then one of the release (a coordinate is sent as 33 + its value).
click() {
    local row
    row=$(printf '%x' $((33 + $1)))
    keys -H 1b 5b 4d 20 2a "$row" 1b 5b 4d 23 2a "$row"
}
double_click() { click "$1"; click "$1"; }

# The selected row of the lowest list on screen (the host screen's alerts pane), without its marker.
selected_row() { pane | grep -E '^ ›' | tail -1 | cut -c3-; }
# Its first column (an alert's ID).
selected_id() { selected_row | awk '{print $1}'; }

cli() { "$bin" "$@" --db "$db"; }

echo "console-e2e: swift build"
swift build
bin="$(swift build --show-bin-path)/smbtriage"

echo "console-e2e: smbtriage demo --db $db in tmux (120x40)"
tmux -L "$socket" -f /dev/null new-session -d -s e2e -x 120 -y 40 \
    "env SMBTRIAGE_ANALYST=e2e '$bin' demo --db '$db'; echo \"console exited with status \$?\"; sleep 600"

# The hosts screen (the hosts that need attention), in colour, with the hostile record's escape sequences
# shown as text, never obeyed.
wait_for "smbtriage › hosts"
wait_for "needs attention"
tmux -L "$socket" capture-pane -p -e -t e2e | grep -qF $'\e[38;5;' || fail "the console draws no colours"
wait_for "10.20.5.20"
wait_for 'KIOSK-066\x1b]0;pwned\x07'
title=$(tmux -L "$socket" display -p -t e2e '#{pane_title}')
[[ "$title" != *pwned* ]] || fail "a log record set the terminal's title to \"$title\""

# A resize re-lays the screen out.
tmux -L "$socket" resize-window -t e2e -x 100 -y 30
wait_for "sort: attention"
[[ $(pane | head -1 | wc -L) -le 100 ]] || fail "the first row is wider than the resized terminal"
tmux -L "$socket" resize-window -t e2e -x 120 -y 40

# Filter (F) to the backup host IT-WS-020, then open its newest alert.
keys F
type_text "10.20.5.20"
keys Enter
wait_for "host 1 of 1"
keys Enter
wait_for "smbtriage › hosts › 10.20.5.20"
wait_for "Alerts · "
keys Tab
wait_for "▸ Alerts · "

# A search (/) moves the cursor to a matching alert and hides none; n goes on, Esc clears it.
keys /
type_text "20.60"
keys Enter
wait_for "match 1 of"
wait_for "(n next"
keys n
wait_for "match "
keys Escape
wait_for_absent "(n next"

# The alerts filter by status (f), a range is marked with V … V, * marks the alerts in view.
keys f
wait_for "open only (f)"
keys f f f
wait_for_absent "only (f)"
keys V j V
wait_for "2 marked ·"
keys Escape
wait_for "sort: attention"
keys Enter
wait_for "▸ Alerts · "
keys Enter
wait_for "› alert "
wait_for "20.60.152.36:445"

# ATT&CK and the investigation guide.
keys Tab
wait_for "T1190 Exploit Public-Facing Application"
wait_for "T1048 Exfiltration Over Alternative Protocol"
keys Tab
wait_for "[Investigation guide"
wait_for "Response"
wait_for "False positives"

# An exception for the destination, closing the matching alerts.
keys e
wait_for "Add an exception from this alert"
wait_for "this destination: dst 20.60.152.36"
wait_for "Close matching open alerts [x]"
keys Tab
type_text "console e2e: Azure Files backup share"
keys Enter
wait_for "exception added;"
closed_in_console=$(grep -oE "exception added; [0-9]+ open alerts closed" "$work/last-pane" | grep -oE "[0-9]+" | head -1)
[[ -n "$closed_in_console" && "$closed_in_console" -gt 0 ]] || fail "the console closed no alerts"
wait_for "○ closed"

# :audit on the alert screen lists this alert's changes, as smbtriage audit does.
keys :
type_text "audit"
keys Enter
wait_for "Audit log · alert "
wait_for "alert.close"
keys Escape
wait_for_absent "Audit log"

# Quit: back from the alert, back from the host, quit on the hosts screen.
keys q
wait_for "Tab pane  Space mark"
keys q
wait_for "sort: attention"
keys q
wait_for_exit
echo "console-e2e: the console closed $closed_in_console alerts"

# Reopen the store with the default command, read-only and without colours, in a bare
# environment without a locale (characters must still arrive as UTF-8); Ctrl-L repaints what
# another program scribbled on the terminal; the mouse wheel moves the selection, a click selects a
# row, a double click opens it; rows another process ingests show as "▲ N new"; Ctrl-C (SIGINT)
# ends it and gives the terminal back.
# (The pane's shell traps SIGINT so that it outlives the console and reports how it ended.)
tmux -L "$socket" respawn-pane -k -t e2e \
    "env -u LANG -u LC_ALL -u LC_CTYPE bash -c 'trap : INT; \"\$0\" --db \"\$1\" --read-only --no-color --mouse; echo \"console exited with status \$?\"; sleep 600' '$bin' '$db'"
wait_for "smbtriage › hosts  [read-only]"
# Its alerts all closed, 10.20.5.20 no longer needs attention: a shows all hosts.
wait_for "needs attention"
wait_for "KIOSK-066"
wait_for_absent "10.20.5.20"
keys a
wait_for "all hosts"
wait_for "10.20.5.20"
if tmux -L "$socket" capture-pane -p -e -t e2e | grep -qE $'\e\\[([0-9]+;)*(3[0-7]|38;5;[0-9]+)(;[0-9]+)*m'; then
    fail "--no-color still draws colours"
fi
printf '\e[5;40HSCRIBBLED-OVER' >"$(tmux -L "$socket" display -p -t e2e '#{pane_tty}')"
wait_for "SCRIBBLED-OVER"
keys C-l
wait_for_absent "SCRIBBLED-OVER"
wait_for "sort: attention"
wait_for "host 1 of"
keys -H 1b 5b 4d 61 2a 2a  # X10 mouse report: wheel down at column 10, row 10
wait_for "host 4 of"
keys -H 1b 5b 4d 60 2a 2a  # wheel up
wait_for "host 1 of"

# Screen row 4 is the third host of the list (under the breadcrumbs and the column header).
third_host=$(pane | sed -n 5p | awk '{print $1}')
[[ "$third_host" =~ ^[0-9a-f.:]+$ ]] || fail "no host address on screen row 4: \"$third_host\""
click 4
wait_for "host 3 of"
double_click 4
wait_for "smbtriage › hosts › $third_host  [read-only]"
keys Escape
wait_for "sort: attention"

# FIN-WS-047's alerts, the cursor on the fourth connection; another process ingests two newer alerts of the
# host, which land above it: the cursor stays on its alert and the status line counts them; g goes up.
keys :
type_text "host 10.20.3.47"
keys Enter
wait_for "smbtriage › hosts › 10.20.3.47"
keys Tab
wait_for "▸ Alerts · "
keys j j j
wait_for "connection 4 of 5"
alert_before_ingest=$(selected_id)
for minute in 51 52; do
    printf '{"@timestamp":"2026-11-30T23:%s:30.000Z","event":{"dataset":"flow","kind":"event","category":["network"],' "$minute"
    printf '"type":["connection","end"],"start":"2026-11-30T23:%s:00.000Z","end":"2026-11-30T23:%s:30.000Z"},' "$minute" "$minute"
    printf '"flow":{"id":"e2e-live-%s","final":true},"type":"flow","host":{"name":"pb-hq-core01"},' "$minute"
    printf '"source":{"ip":"10.20.3.47","port":510%s,"bytes":6852,"packets":11},' "$minute"
    printf '"destination":{"ip":"45.146.164.110","port":445,"bytes":9374,"packets":11},"network":{"transport":"tcp"}}\n'
done >"$work/later.ndjson"
cli ingest "$work/later.ndjson" >"$work/ingest.out" 2>&1 || { cat "$work/ingest.out" >&2; fail "the second ingest failed"; }
grep -qF "2 alerted" "$work/ingest.out" || { cat "$work/ingest.out" >&2; fail "the second ingest raised no 2 alerts"; }
wait_for "▲ 2 new (g) · connection 6 of 7"
[[ "$(selected_id)" == "$alert_before_ingest" ]] || fail "the refresh moved the cursor off alert $alert_before_ingest"
keys g
wait_for "connection 1 of 7"
wait_for_absent "new (g)"
selected_row | grep -qF "2026-11-30 23:52" || fail "g did not go up to the newest alert"

# :host by hostname opens IT-WS-020 on top; Esc comes back to FIN-WS-047 as it was left (its header, its
# selected alert); a host the store does not hold is refused where the console stands.
keys :
type_text "host it-ws-020"
keys Enter
wait_for "smbtriage › hosts › 10.20.3.47 › 10.20.5.20  [read-only]"
keys Escape
wait_for "smbtriage › hosts › 10.20.3.47  [read-only]"
wait_for "connection 1 of 7"
pane | sed -n 2p | grep -qF "10.20.3.47" || fail "Esc after :host shows another host's header"
selected_row | grep -qF "2026-11-30 23:52" || fail "Esc after :host lost FIN-WS-047's selected alert"
keys :
type_text "host 10.99.0.1"
keys Enter
wait_for "no host 10.99.0.1 in the store"
pane | head -1 | grep -qF "smbtriage › hosts › 10.20.3.47  [read-only]" || fail ":host of an unknown address left the host"
keys Escape
wait_for "sort: attention"
keys C-c
wait_for "console exited with status 130"
[[ $(tmux -L "$socket" display -p -t e2e '#{alternate_on}') == 0 ]] || fail "Ctrl-C left the terminal in the console's screen"

# CHECK WITH THE CLI (the integrator's `alerts` and `exceptions list` commands).
echo "console-e2e: checking the store with the CLI"
exceptions=$(cli exceptions list --json)
grep -F '"comment":"console e2e: Azure Files backup share"' <<<"$exceptions" \
    | grep -F '"conditions":"destination.ip is 20.60.152.36"' \
    | grep -qF '"created_by":"e2e"' || { echo "$exceptions" >&2; fail "exceptions list --json lacks the exception"; }

closed=$(cli alerts --status closed --json)
closed_count=$(grep -c . <<<"$closed" || true)
[[ "$closed_count" -eq "$closed_in_console" ]] \
    || fail "alerts --status closed lists $closed_count alerts, the console closed $closed_in_console"
[[ $(grep -cF '"destination.ip":"20.60.152.36"' <<<"$closed") -eq "$closed_count" ]] \
    || fail "an alert to another destination was closed"
if cli alerts --status open --json | grep -qF '"destination.ip":"20.60.152.36"'; then
    fail "alerts to 20.60.152.36 are still open"
fi

echo "console-e2e: passed"
