#!/usr/bin/env python3
"""A throw-away SMTP server for the demo (docs/demo.md): accepts every message on 127.0.0.1:PORT and writes it to
DIR as <n>-<recipient>.eml, plus <n>-<recipient>.html with its HTML part, ready to open in a browser.

    python3 docs/demo-mailbox.py 2525 /tmp/tidewatch-demo/mail

No authentication, no TLS, no relaying: for trying Tidewatch on one machine only.
"""
import email
import email.policy
import os
import re
import socketserver
import sys
import threading

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 2525
DIR = sys.argv[2] if len(sys.argv) > 2 else "mail"
os.makedirs(DIR, exist_ok=True)
counter = [len(os.listdir(DIR))]
lock = threading.Lock()


def store(recipients, data):
    message = email.message_from_bytes(data, policy=email.policy.default)
    with lock:
        counter[0] += 1
        number = counter[0]
    name = "%03d-%s" % (number, re.sub(r"[^A-Za-z0-9@._-]", "_", recipients[0] if recipients else "unknown"))
    with open(os.path.join(DIR, name + ".eml"), "wb") as f:
        f.write(data)
    html = message.get_body(preferencelist=("html",))
    if html is not None:
        with open(os.path.join(DIR, name + ".html"), "w", encoding="utf-8") as f:
            f.write(html.get_content())
    print("%s  %s" % (name, message.get("Subject", "")), flush=True)


class Session(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write((line + "\r\n").encode("ascii"))

    def handle(self):
        self.reply("220 demo-mailbox ESMTP")
        recipients = []
        while True:
            line = self.rfile.readline()
            if not line:
                return
            command = line.decode("utf-8", "replace").strip()
            verb = command[:4].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250-demo-mailbox" if verb == "EHLO" else "250 demo-mailbox")
                if verb == "EHLO":
                    self.reply("250-8BITMIME")
                    self.reply("250 SMTPUTF8")
            elif verb == "MAIL":
                recipients = []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip().strip("<>").split(">")[0])
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                lines = []
                while True:
                    chunk = self.rfile.readline()
                    if not chunk or chunk in (b".\r\n", b".\n"):
                        break
                    lines.append(chunk[1:] if chunk.startswith(b"..") else chunk)
                store(recipients, b"".join(lines))
                self.reply("250 OK stored")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            elif verb in ("RSET", "NOOP"):
                recipients = [] if verb == "RSET" else recipients
                self.reply("250 OK")
            else:
                self.reply("502 Command not implemented")


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


if __name__ == "__main__":
    print("demo mailbox on 127.0.0.1:%d, writing to %s" % (PORT, DIR), flush=True)
    Server(("127.0.0.1", PORT), Session).serve_forever()
