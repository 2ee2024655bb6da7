#!/usr/bin/env python3
"""A real SMTP server for the tests: accepts every message and stores it as a file.

    python3 tests/smtp-sink.py DIR [--port N]

Listens on 127.0.0.1 (port N, or a free one when N is 0 or absent), prints the port on the
first line of stdout, and writes each message received to DIR/<time>-<n>.eml: the message as
sent, preceded by X-Envelope-From and X-Envelope-To headers (so it still parses as a message).
Files appear whole (written aside, then renamed). Stops on SIGTERM or SIGINT.

Uses the standard library only: smtpd (Python <= 3.11), else a small asyncio implementation of
the same commands (HELO/EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT).
"""
import argparse
import itertools
import os
import signal
import sys
import time
import warnings

counter = itertools.count(1)


def store(directory, mailfrom, rcpttos, data):
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogateescape")
    envelope = "X-Envelope-From: <%s>\r\nX-Envelope-To: %s\r\n" % (
        mailfrom, ", ".join("<%s>" % r for r in rcpttos))
    name = "%d-%06d.eml" % (time.time_ns(), next(counter))
    partial = os.path.join(directory, "." + name + ".part")
    with open(partial, "wb") as f:
        f.write(envelope.encode("ascii", "replace"))
        f.write(data)
    os.replace(partial, os.path.join(directory, name))


def announce(port):
    print(port, flush=True)


def serve_smtpd(directory, port):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import asyncore  # noqa: F401  (smtpd runs on asyncore's loop)
        import smtpd

    class Sink(smtpd.SMTPServer):
        def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
            store(directory, mailfrom, rcpttos, data)
            return None  # 250 OK

    server = Sink(("127.0.0.1", port), None, decode_data=False)
    announce(server.socket.getsockname()[1])
    asyncore.loop(timeout=1)


def serve_asyncio(directory, port):
    import asyncio

    async def session(reader, writer):
        def reply(line):
            writer.write((line + "\r\n").encode("ascii"))

        mailfrom, rcpttos = None, []
        reply("220 localhost ECP test SMTP sink")
        await writer.drain()
        try:
            while True:
                raw = await reader.readline()
                if not raw:
                    break
                line = raw.decode("utf-8", "replace").rstrip("\r\n")
                verb = line[:4].upper()
                arg = line[5:].strip() if len(line) > 4 else ""
                if verb == "HELO":
                    reply("250 localhost")
                elif verb == "EHLO":
                    reply("250-localhost")
                    reply("250 8BITMIME")
                elif verb == "MAIL":
                    mailfrom = arg.split(":", 1)[1].strip().split(" ")[0].strip("<>") if ":" in arg else ""
                    rcpttos = []
                    reply("250 OK")
                elif verb == "RCPT":
                    if mailfrom is None:
                        reply("503 MAIL first")
                    else:
                        rcpttos.append(arg.split(":", 1)[1].strip().split(" ")[0].strip("<>") if ":" in arg else "")
                        reply("250 OK")
                elif verb == "DATA":
                    if not rcpttos:
                        reply("503 RCPT first")
                    else:
                        reply("354 End data with <CR><LF>.<CR><LF>")
                        await writer.drain()
                        lines = []
                        while True:
                            data_line = await reader.readline()
                            if not data_line or data_line in (b".\r\n", b".\n"):
                                break
                            if data_line.startswith(b"."):
                                data_line = data_line[1:]  # dot-unstuffing (RFC 5321 4.5.2)
                            lines.append(data_line)
                        store(directory, mailfrom, rcpttos, b"".join(lines))
                        mailfrom, rcpttos = None, []
                        reply("250 OK")
                elif verb == "RSET":
                    mailfrom, rcpttos = None, []
                    reply("250 OK")
                elif verb == "NOOP":
                    reply("250 OK")
                elif verb == "QUIT":
                    reply("221 Bye")
                    await writer.drain()
                    break
                else:
                    reply("502 Command not implemented")
                await writer.drain()
        finally:
            writer.close()

    async def main():
        server = await asyncio.start_server(session, "127.0.0.1", port)
        announce(server.sockets[0].getsockname()[1])
        async with server:
            await server.serve_forever()

    asyncio.run(main())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    os.makedirs(args.directory, exist_ok=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            import smtpd  # noqa: F401
        serve = serve_smtpd
    except ImportError:
        serve = serve_asyncio
    if os.environ.get("ECP_SMTP_SINK_ASYNCIO") == "1":
        serve = serve_asyncio
    try:
        serve(args.directory, args.port)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
