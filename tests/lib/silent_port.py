"""A port that never gets as far as HTTP, for the connect phase's own time limit.

    silent_port.py MODE PORT_FILE

MODE accept: connections are accepted and then held without a byte (an https:// URL
never finishes its TLS handshake). MODE full: the listening socket's queue is filled and
nothing is ever accepted, so the kernel drops further SYNs and a connect() waits (the
way a firewall that drops packets looks). Runs until killed; writes its port to
PORT_FILE once ready.
"""
import os
import socket
import sys
import time

mode, port_file = sys.argv[1], sys.argv[2]
listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.bind(("127.0.0.1", 0))
held = []
if mode == "full":
    listener.listen(0)
    # Linux keeps backlog + 1 connections waiting; past that a SYN is dropped. Fill the
    # queue with connections of our own, non-blocking: the last ones wait unanswered.
    for _ in range(4):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setblocking(False)
        s.connect_ex(listener.getsockname())
        held.append(s)
    time.sleep(0.2)
else:
    listener.listen(16)
with open(port_file + ".tmp", "w") as f:
    f.write(str(listener.getsockname()[1]))
os.rename(port_file + ".tmp", port_file)
while True:
    if mode == "accept":
        conn, _ = listener.accept()
        held.append(conn)
    else:
        time.sleep(3600)
