import { createRequire } from 'node:module';
import type S3rverType from 's3rver';
import { LOOPBACK } from '../free-port';

export interface S3Local {
  readonly endpoint: string;
  readonly port: number;
  /** Called for every object written (PUT, POST or copy), as S3 event notifications would be. */
  onObjectCreated(listener: (object: { bucket: string; key: string }) => void): void;
  stop(): Promise<void>;
}

/** s3rver's event: the S3 event notification structure. */
interface S3rverEvent {
  readonly Records: readonly { readonly eventName: string; readonly s3: { readonly bucket: { readonly name: string }; readonly object: { readonly key: string } } }[];
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
    onObjectCreated: (listener) => {
      server.on('event', (raw) => {
        const event = raw as S3rverEvent;
        for (const record of event.Records) {
          if (record.eventName.startsWith('ObjectCreated:')) listener({ bucket: record.s3.bucket.name, key: record.s3.object.key });
        }
      });
    },
    stop: async () => {
      server.httpServer?.closeAllConnections();
      await server.close();
    },
  };
}
