import { S3FileStore, createS3Client } from '../adapters/s3/s3-file-store';
import { declared, type AdapterFactory } from './adapter-factory';

/** The school's files bucket. */
export const filePorts: AdapterFactory<'s3'> = {
  service: 's3',
  build: (config) => ({
    files: new S3FileStore(createS3Client({ region: declared(config.region, 'AWS_REGION'), endpoints: config.endpoints }), declared(config.filesBucket, 'FILES_BUCKET')),
  }),
};
