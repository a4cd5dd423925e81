"""Throughput peer for bench/network: pymidi2's client (independent implementation, outside this
repository) sends COUNT MIDI 1.0 note-on UMPs to a MIDI Scope host in batches of 100 per
datagram, then says Bye.   python3 pymidi2_flood.py PORT COUNT"""

import sys

from pymidi2.transport import UDPTransport
from pymidi2.ump import UMP

port, count = int(sys.argv[1]), int(sys.argv[2])
transport = UDPTransport(peer_ip="127.0.0.1", peer_port=port)
transport.connect()
batch = [UMP.parse([0x20903C64]) for _ in range(100)]
for _ in range(count // 100):
    transport.sendmany(batch)
transport.disconnect()
