#!/usr/bin/env python3
"""A loopback SMTP server for the benchmark: accepts every message and counts it, so the service sends its mail for
real (connection, EHLO, DATA) instead of through the mock mailer. Plain sockets and threads only, so it runs on any
Python 3 (the smtpd module is gone from 3.12 on).

Usage: smtp-sink.py PORT COUNT_FILE. Writes the number of accepted messages to COUNT_FILE after every message.
Binds 127.0.0.1 only."""
import socketserver
import sys
import threading

port = int(sys.argv[1])
count_file = sys.argv[2]
lock = threading.Lock()
accepted = 0


def record():
    global accepted
    with lock:
        accepted += 1
        with open(count_file, "w") as out:
            out.write(f"{accepted}\n")


class Session(socketserver.StreamRequestHandler):
    def say(self, line):
        self.wfile.write(line.encode("ascii") + b"\r\n")

    def handle(self):
        self.say("220 bench-sink ESMTP")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            verb = line.strip().split(b" ", 1)[0].upper()
            if verb == b"EHLO":
                self.wfile.write(b"250-bench-sink\r\n250-8BITMIME\r\n250 SIZE 52428800\r\n")
            elif verb in (b"HELO", b"MAIL", b"RCPT", b"RSET", b"NOOP"):
                self.say("250 OK")
            elif verb == b"DATA":
                self.say("354 End data with <CR><LF>.<CR><LF>")
                while True:
                    data = self.rfile.readline()
                    if not data or data in (b".\r\n", b".\n"):
                        break
                record()
                self.say("250 OK queued")
            elif verb == b"QUIT":
                self.say("221 Bye")
                return
            else:
                self.say("502 Command not implemented")


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


if __name__ == "__main__":
    with open(count_file, "w") as out:
        out.write("0\n")
    with Server(("127.0.0.1", port), Session) as server:
        server.serve_forever()
