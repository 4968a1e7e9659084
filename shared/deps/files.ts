import { S3FileStore, createS3Client } from '../adapters/s3/s3-file-store';
import { declared, type AdapterFactory } from './adapter-factory';
import type { Deps } from '../domain/deps';

/** The school's files bucket: `files` reads and adds objects; `quarantine` also moves one out of reach. */
export const filePorts: AdapterFactory<'s3'> = {
  service: 's3',
  build: (config, uses) => {
    const store = new S3FileStore(createS3Client({ region: declared(config.region, 'AWS_REGION'), endpoints: config.endpoints }), declared(config.filesBucket, 'FILES_BUCKET'));
    const ports: { -readonly [K in keyof Deps]?: Deps[K] } = {};
    if (uses.has('files')) ports.files = store;
    if (uses.has('quarantine')) ports.quarantine = store;
    return ports;
  },
};
