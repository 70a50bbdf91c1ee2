import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Client } from 'minio';
import type { S3Config } from '../../config';
import { type ByteRange, checkKey, type FileStore, missingFile } from './store';

const MISSING = new Set(['NotFound', 'NoSuchKey']);

/** Rethrows "no such object" as ENOENT (the app's 404), anything else as it came. */
function mapMissing(key: string) {
  return (error: { code?: string }): never => {
    throw MISSING.has(error.code ?? '') ? missingFile(key) : error;
  };
}

/**
 * Objects in a bucket of any S3-compatible store (MinIO, Ceph, AWS S3, a provider's object storage), through the
 * minio client. Object names are the store keys; several app processes share the bucket.
 */
export class S3FileStore implements FileStore {
  readonly kind = 's3';
  readonly spoolDir = path.join(tmpdir(), 'lien-truong-spool');
  readonly bucket: string;
  private readonly client: Client;

  constructor(config: S3Config) {
    const url = new URL(config.endpoint);
    this.bucket = config.bucket;
    this.client = new Client({
      endPoint: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      useSSL: url.protocol === 'https:',
      accessKey: config.accessKey,
      secretKey: config.secretKey,
      region: config.region,
      pathStyle: true,
    });
  }

  async init(): Promise<void> {
    if (!(await this.client.bucketExists(this.bucket))) await this.client.makeBucket(this.bucket);
  }

  async putFile(key: string, file: string, size: number): Promise<boolean> {
    if ((await this.stat(key))?.size === size) return false;
    // With the size known, objects up to the client's part size go in one PUT; larger ones in parts.
    await this.client.putObject(this.bucket, checkKey(key), createReadStream(file), size);
    return true;
  }

  async putBytes(key: string, data: Buffer): Promise<void> {
    await this.client.putObject(this.bucket, checkKey(key), data, data.length);
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    const name = checkKey(key);
    const request = range
      ? this.client.getPartialObject(this.bucket, name, range.start, range.end - range.start + 1)
      : this.client.getObject(this.bucket, name);
    return request.catch(mapMissing(key));
  }

  async stat(key: string): Promise<{ size: number } | null> {
    return this.client.statObject(this.bucket, checkKey(key)).then(
      (s) => ({ size: s.size }),
      (error: { code?: string }) => {
        if (MISSING.has(error.code ?? '')) return null;
        throw error;
      },
    );
  }

  async delete(key: string): Promise<void> {
    await this.client.removeObject(this.bucket, checkKey(key));
  }

  async *list(prefix: string): AsyncIterable<{ key: string; size: number }> {
    for await (const o of this.client.listObjectsV2(this.bucket, prefix, true)) {
      const item = o as { name?: string; size?: number };
      if (item.name) yield { key: item.name, size: item.size ?? 0 };
    }
  }
}
