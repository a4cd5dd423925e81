// A bound UDP socket with the one thing the roles need: datagrams in with their sender, datagrams
// out to an address. Send errors are logged, never thrown into the send path.
import dgram from 'node:dgram';
import { isIPv6 } from 'node:net';
import type { NetworkLog } from './session/networkLog';

export interface BoundAddress {
  readonly address: string;
  readonly port: number;
}

export class UdpSocket {
  private constructor(
    private readonly socket: dgram.Socket,
    private readonly log: NetworkLog,
  ) {}

  static bind(
    address: string,
    port: number,
    log: NetworkLog,
    onDatagram: (bytes: Buffer, from: BoundAddress) => void,
  ): Promise<UdpSocket> {
    const socket = dgram.createSocket({ type: isIPv6(address) ? 'udp6' : 'udp4', reuseAddr: false });
    return new Promise((resolve, reject) => {
      const failed = (error: Error): void => reject(error);
      socket.once('error', failed);
      socket.bind({ address, port, exclusive: true }, () => {
        socket.off('error', failed);
        socket.on('error', (error) => log.error(`UDP socket on ${address}: ${error.message}`));
        socket.on('message', (bytes, info) => onDatagram(bytes, { address: info.address, port: info.port }));
        for (const size of [4 << 20, 1 << 20]) {
          try {
            socket.setRecvBufferSize(size);
            socket.setSendBufferSize(size);
            break;
          } catch {
            // The kernel's limit is lower; try a smaller buffer, or keep its default.
          }
        }
        resolve(new UdpSocket(socket, log));
      });
    });
  }

  get local(): BoundAddress {
    const { address, port } = this.socket.address();
    return { address, port };
  }

  send(datagram: Buffer, to: BoundAddress): void {
    this.socket.send(datagram, to.port, to.address, (error) => {
      if (error) this.log.warn(`UDP send to ${to.address}:${to.port} failed: ${error.message}`);
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      try {
        this.socket.close(() => resolve());
      } catch {
        resolve();
      }
    });
  }
}
