import { createRequire } from 'node:module';
import type S3rverType from 's3rver';
import { LOOPBACK } from '../free-port';

export interface S3Local {
  readonly endpoint: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** s3rver in this process, keeping buckets as folders under `directory`. */
export async function startS3Local(options: { directory: string; port: number }): Promise<S3Local> {
  const S3rver = createRequire(import.meta.url)('s3rver') as typeof S3rverType;
  const server = new S3rver({
    address: LOOPBACK,
    port: options.port,
    directory: options.directory,
    silent: true,
    // Path-style only: virtual-host buckets would need DNS for *.127.0.0.1.
    vhostBuckets: false,
  });
  const address = await server.run();
  return {
    endpoint: `http://${LOOPBACK}:${address.port}`,
    port: address.port,
    stop: async () => {
      server.httpServer?.closeAllConnections();
      await server.close();
    },
  };
}
