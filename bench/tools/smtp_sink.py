#!/usr/bin/env python3
"""A real SMTP server for the cluster and end-to-end tests: accepts every message on 127.0.0.1 and counts what each
recipient received, so a test can check that every recipient got exactly one e-mail.

Usage: smtp_sink.py PORT COUNTS_JSON [MESSAGES_DIR]
Every second it rewrites COUNTS_JSON as {"messages": N, "per_recipient": {"a@b": 1, ...}}. With MESSAGES_DIR each
message is also stored there as <n>.eml. Stops on SIGTERM/SIGINT.
"""
import asyncio
import json
import os
import signal
import sys

counts = {}
total = 0


async def session(reader, writer):
    global total
    writer.write(b"220 tidewatch-test-sink ESMTP\r\n")
    recipients = []
    try:
        while True:
            line = await reader.readline()
            if not line:
                break
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                writer.write(b"250-tidewatch-test-sink\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE 52428800\r\n")
            elif verb == b"MAIL":
                recipients = []
                writer.write(b"250 OK\r\n")
            elif verb == b"RCPT":
                address = line.decode("utf-8", "replace").split(":", 1)[1].strip().strip("<>").split(">")[0]
                recipients.append(address.lower())
                writer.write(b"250 OK\r\n")
            elif verb == b"DATA":
                writer.write(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                await writer.drain()
                body = []
                while True:
                    data = await reader.readline()
                    if not data or data in (b".\r\n", b".\n"):
                        break
                    body.append(data)
                total += 1
                for r in recipients:
                    counts[r] = counts.get(r, 0) + 1
                if MESSAGES_DIR:
                    with open(os.path.join(MESSAGES_DIR, "%d.eml" % total), "wb") as out:
                        out.write(b"".join(body))
                writer.write(b"250 OK queued\r\n")
            elif verb == b"RSET":
                recipients = []
                writer.write(b"250 OK\r\n")
            elif verb == b"NOOP":
                writer.write(b"250 OK\r\n")
            elif verb == b"QUIT":
                writer.write(b"221 Bye\r\n")
                await writer.drain()
                break
            else:
                writer.write(b"502 Command not implemented\r\n")
            await writer.drain()
    except (ConnectionResetError, BrokenPipeError):
        pass
    finally:
        writer.close()


def dump():
    tmp = COUNTS + ".tmp"
    with open(tmp, "w") as out:
        json.dump({"messages": total, "per_recipient": counts}, out)
    os.replace(tmp, COUNTS)


async def main(port):
    server = await asyncio.start_server(session, "127.0.0.1", port, limit=1 << 20)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with server:
        while not stop.is_set():
            dump()
            try:
                await asyncio.wait_for(stop.wait(), 1)
            except asyncio.TimeoutError:
                pass
    dump()


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    COUNTS = sys.argv[2]
    MESSAGES_DIR = sys.argv[3] if len(sys.argv) > 3 else None
    if MESSAGES_DIR:
        os.makedirs(MESSAGES_DIR, exist_ok=True)
    asyncio.run(main(int(sys.argv[1])))
