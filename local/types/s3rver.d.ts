// s3rver 3.7 ships no types; this declares the part the local twin uses.
declare module 's3rver' {
  import type { AddressInfo } from 'node:net';
  import type { Server } from 'node:http';

  interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    directory?: string;
    resetOnClose?: boolean;
    allowMismatchedSignatures?: boolean;
    vhostBuckets?: boolean;
    configureBuckets?: { name: string; configs: (string | Buffer)[] }[];
  }

  export default class S3rver {
    constructor(options?: S3rverOptions);
    httpServer?: Server;
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
    /** S3 event notifications (a Koa app's EventEmitter): `{ Records: [...] }` per PUT, POST, copy or delete. */
    on(event: 'event', listener: (event: unknown) => void): this;
  }
}
