"""Drives pymidi2's Network MIDI 2.0 client (an independent implementation, installed outside
this repository) against a MIDI Scope host: invite (with the given credentials), send UMP, read
the host's echo, say Bye. Prints one line per step; exits non-zero when a step fails.

    python3 pymidi2_client.py PORT [secret | user:password]
"""

import sys

from pymidi2.transport import UDPTransport
from pymidi2.ump import UMP

port = int(sys.argv[1])
auth = None
if len(sys.argv) > 2:
    auth = tuple(sys.argv[2].split(":", 1)) if ":" in sys.argv[2] else sys.argv[2]

transport = UDPTransport(peer_ip="127.0.0.1", peer_port=port, auth=auth)
transport.connect()
print("pymidi2: session established", flush=True)

sent = [UMP.parse([0x20903C64]), UMP.parse([0x40903C00, 0xC0000000]), UMP.parse([0x20803C00])]
transport.sendmany(sent)
for expected in sent:
    got = transport.recv()
    if got.encode() != expected.encode():
        print(f"pymidi2: echo mismatch {got.encode()} != {expected.encode()}", flush=True)
        sys.exit(1)
    print("pymidi2: echo " + " ".join(f"{w:08X}" for w in got.encode()), flush=True)
transport.disconnect()
print("pymidi2: bye sent", flush=True)
