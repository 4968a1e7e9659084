import { createServer } from 'node:net';

export const LOOPBACK = '127.0.0.1';

/** Asks the operating system for a port nobody is listening on. */
export function freePort(host: string = LOOPBACK): Promise<number> {
  return listenBriefly(0, host).then((port) => {
    if (port === undefined) throw new Error(`Could not find a free port on ${host}`);
    return port;
  });
}

/** True when nothing listens on the port yet. */
export async function isPortFree(port: number, host: string = LOOPBACK): Promise<boolean> {
  return (await listenBriefly(port, host)) !== undefined;
}

/**
 * The port a stand-in used last time when it is still free, so URLs (and the issuer in
 * tokens a browser kept) survive a restart; otherwise any free port.
 */
export async function preferredPort(previous: number | undefined, host: string = LOOPBACK): Promise<number> {
  if (previous !== undefined && previous > 0 && (await isPortFree(previous, host))) return previous;
  return freePort(host);
}

function listenBriefly(port: number, host: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(undefined));
    server.listen({ port, host, exclusive: true }, () => {
      const address = server.address();
      const chosen = typeof address === 'object' && address ? address.port : undefined;
      server.close(() => resolve(chosen));
    });
  });
}
