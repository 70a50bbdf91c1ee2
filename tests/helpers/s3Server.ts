import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import type { S3Config } from '../../src/server/config';

/** An S3-compatible server (s3rver) on a loopback port of its own, its objects in a temp folder; stop() removes both. */
export interface TestS3 {
  config(bucket: string): S3Config;
  /** The S3_* variables of a child process (scripts) for the bucket. */
  env(bucket: string): Record<string, string>;
  stop(): Promise<void>;
}

/** Starts s3rver on 127.0.0.1, port 0 (the system picks a free one), with the given buckets created. */
export async function startS3(buckets: string[]): Promise<TestS3> {
  const directory = mkdtempSync(path.join(tmpdir(), 'lt-s3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: buckets.map((name) => ({ name })),
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  // s3rver accepts these fixed credentials (and signs with them).
  const config = (bucket: string): S3Config => ({ endpoint, bucket, accessKey: 'S3RVER', secretKey: 'S3RVER', region: 'us-east-1' });
  return {
    config,
    env: (bucket) => ({ S3_ENDPOINT: endpoint, S3_BUCKET: bucket, S3_ACCESS_KEY: 'S3RVER', S3_SECRET_KEY: 'S3RVER' }),
    stop: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
