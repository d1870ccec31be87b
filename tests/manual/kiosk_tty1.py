"""A stand-in for tty1 where there is none (tests/manual/kiosk_systemd.sh): a
pseudo-terminal at 80x24 whose slave is /dev/tty1; everything shown is
appended to /root/tty1.log, whatever is written to the FIFO /root/tty1.keys is typed.
Runs inside the Debian root (its own Python 3.11)."""

import fcntl
import os
import pty
import select
import struct
import termios
import time
from pathlib import Path

TTY1, KEYS, LOG = Path("/dev/tty1"), Path("/root/tty1.keys"), Path("/root/tty1.log")


def main() -> None:
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    name = os.ttyname(slave)
    os.close(slave)
    TTY1.unlink(missing_ok=True)
    TTY1.symlink_to(name)
    if not KEYS.exists():
        os.mkfifo(KEYS)
    keys = os.open(KEYS, os.O_RDWR | os.O_NONBLOCK)
    with LOG.open("ab", buffering=0) as log:
        while True:
            ready = select.select([master, keys], [], [], 0.5)[0]
            if master in ready:
                try:
                    log.write(os.read(master, 65536))
                except OSError:  # nothing has tty1 open just now (a restart)
                    time.sleep(0.05)
            if keys in ready:
                os.write(master, os.read(keys, 4096))


if __name__ == "__main__":
    main()
