#!/bin/sh
# Keep `alternance --kiosk` running on this terminal: restart it within about
# a second whenever it stops (a crash, a kill, an out-of-memory kill), except
# when staff left it with the exit code (Ctrl+Q, then the code: exit status 0).
# Any other arguments are passed on (e.g. --lang en --idle-seconds 120).
# The exit code comes from the environment (ALTERNANCE_KIOSK_PIN), never the
# command line, which every user of the machine can read with ps.
ALTERNANCE=${ALTERNANCE:-alternance}
while :; do
    "$ALTERNANCE" --kiosk "$@"
    status=$?
    if [ "$status" -eq 0 ]; then
        exit 0  # staff exit
    fi
    stty sane 2>/dev/null  # a killed app leaves the terminal in raw mode
    sleep 0.3
done
