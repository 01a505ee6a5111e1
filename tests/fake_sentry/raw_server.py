"""A server that answers every connection with the same raw bytes: the replies no
Sentry sends, for the client's transport error texts.

  raw_server.py --port-file FILE --reply not-http      a banner instead of HTTP (SSH)
  raw_server.py --port-file FILE --reply huge-header   HTTP with a 200 KiB header line
  raw_server.py --port-file FILE --reply many-headers  HTTP with 400 headers of 1 KB
  raw_server.py --port-file FILE --reply json-list --cert C --key K [--issues-body F]
                                                       HTTPS answering "[]", or file F's
                                                       text for an issue list (the TLS
                                                       handshake is what tests look at)
  raw_server.py --port-file FILE --reply silent        accept, then never send a byte (an
                                                       https:// URL's handshake never ends)
  raw_server.py --port-file FILE --reply unaccepted    never accept: the listen queue is
                                                       full, so the kernel drops further
                                                       SYNs and connect() waits, as behind
                                                       a firewall that drops packets
It listens on 127.0.0.1 on an ephemeral port, written to --port-file once bound, and
serves until killed. The fake Sentry server (server.py) cannot send these: its HTTP
layer always speaks well-formed HTTP.
"""

import argparse
import os
import socket
import ssl
import threading
import time

HUGE_HEADER_BYTES = 200 * 1024


# Replies that are no bytes at all: the connection itself is the fault.
NO_REPLY_KINDS = ("silent", "unaccepted")


def reply_bytes(kind):
    if kind in NO_REPLY_KINDS:
        return None
    if kind == "not-http":
        # What a client meets when SENTRY_URL names the wrong port (here: sshd's).
        return b"SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n"
    if kind == "huge-header":
        big = b"X-Debug-Trace: " + b"a" * HUGE_HEADER_BYTES + b"\r\n"
        return (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + big +
                b"Content-Length: 2\r\nConnection: close\r\n\r\n[]")
    if kind == "many-headers":
        many = b"".join(b"X-Debug-%d: %s\r\n" % (i, b"b" * 1000) for i in range(400))
        return (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + many +
                b"Content-Length: 2\r\nConnection: close\r\n\r\n[]")
    if kind == "json-list":
        return json_reply(b"[]")
    raise SystemExit(f"unknown reply kind {kind!r}")


def json_reply(body):
    return (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            b"Content-Length: %d\r\nConnection: close\r\n\r\n" % len(body)) + body


def serve_one(conn, reply, issues_body=None):
    try:
        conn.settimeout(10)
        request = b""
        while b"\r\n\r\n" not in request and len(request) < 65536:
            chunk = conn.recv(4096)
            if not chunk:
                break
            request += chunk
        path = request.split(b" ", 2)[1] if request.count(b" ") >= 2 else b""
        if issues_body is not None and b"/issues/" in path:
            reply = json_reply(issues_body)
        conn.sendall(reply)
    except (OSError, ssl.SSLError):
        pass  # the client gave up on a reply it could not use: that is the point
    finally:
        try:
            conn.close()
        except OSError:
            pass


def fill_listen_queue(listener):
    """Linux queues backlog + 1 connections; past that a SYN is dropped. Connect to
    ourselves, without blocking, until the queue is full and the last tries wait."""
    held = []
    for _ in range(4):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setblocking(False)
        s.connect_ex(listener.getsockname())
        held.append(s)
    time.sleep(0.2)
    return held


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--reply", required=True)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--issues-body")
    args = parser.parse_args()
    reply = reply_bytes(args.reply)
    issues_body = None
    if args.issues_body:
        with open(args.issues_body, "rb") as f:
            issues_body = f.read()
    context = None
    if args.cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.cert, args.key)

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    held = []  # connections kept open without a reply (silent, unaccepted)
    if args.reply == "unaccepted":
        listener.listen(0)
        held = fill_listen_queue(listener)
    else:
        listener.listen(16)
    with open(args.port_file + ".tmp", "w") as f:
        f.write(str(listener.getsockname()[1]))
    os.replace(args.port_file + ".tmp", args.port_file)
    if args.reply == "unaccepted":
        threading.Event().wait()
    while True:
        conn, _ = listener.accept()
        if args.reply == "silent":
            held.append(conn)
            continue
        if context is not None:
            try:
                conn.settimeout(10)
                conn = context.wrap_socket(conn, server_side=True)
            except (OSError, ssl.SSLError):
                conn.close()  # the client refused our certificate
                continue
        threading.Thread(target=serve_one, args=(conn, reply, issues_body), daemon=True).start()


if __name__ == "__main__":
    main()
