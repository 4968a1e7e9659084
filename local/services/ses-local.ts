import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { LOOPBACK } from '../free-port';

export interface SesLocal {
  readonly endpoint: string;
  readonly port: number;
  /** JSON of every email sent so far (aws-ses-v2-local keeps them in memory only). */
  readonly storeUrl: string;
  stop(): Promise<void>;
}

type StartSesServer = (config: { host: string; port: number }) => Promise<Server>;

/** aws-ses-v2-local in this process; its web page lists sent mail, `/store` gives JSON. */
export async function startSesLocal(options: { port: number }): Promise<SesLocal> {
  const module = createRequire(import.meta.url)('aws-ses-v2-local') as { default: StartSesServer };
  // It does not report listen errors, so the caller passes a port it checked is free.
  const server = await module.default({ host: LOOPBACK, port: options.port });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const endpoint = `http://${LOOPBACK}:${port}`;
  return {
    endpoint,
    port,
    storeUrl: `${endpoint}/store`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
