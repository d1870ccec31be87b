#!/bin/sh
# Keep `alternance --kiosk` running on this terminal: start it again within
# about a second whenever it stops (a crash, a kill by any signal, an
# out-of-memory kill, a failed start), except when staff left it with the exit
# code (Ctrl+Q, then the code: exit status 0, which only the code gives).
# Any other arguments are passed on (e.g. --lang en --idle-seconds 120).
# The exit code comes from the environment (ALTERNANCE_KIOSK_PIN), never the
# command line, which every user of the machine can read with ps.
# Run it with exec (`exec sh alternance-kiosk-loop.sh`), so that when it ends
# there is no shell behind it: the login session ends with it.
ALTERNANCE=${ALTERNANCE:-alternance}
# Ctrl+C, Ctrl+\ and Ctrl+Z typed between two runs, or those signals sent to
# the loop, must not end it (the app takes SIGINT for itself: it is restarted).
trap '' INT QUIT TSTP
while :; do
    # A killed app leaves the terminal in raw mode: put it back, but with
    # Ctrl+C, Ctrl+\ and Ctrl+Z as plain keys while the next one starts.
    stty sane -isig 2>/dev/null
    "$ALTERNANCE" --kiosk "$@"
    status=$?
    if [ "$status" -eq 0 ]; then
        stty sane 2>/dev/null
        exit 0  # staff exit
    fi
    sleep 0.3
done
