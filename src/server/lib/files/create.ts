import type { Config } from '../../config';
import { LocalFileStore } from './local';
import { S3FileStore } from './s3';
import type { FileStore } from './store';

/** The configured store: the S3-compatible bucket when S3_ENDPOINT is set, else the folders under DATA_DIR. */
export function createFileStore(config: Pick<Config, 'dataDir' | 's3'>): FileStore {
  return config.s3 ? new S3FileStore(config.s3) : new LocalFileStore(config.dataDir);
}

const made = new WeakMap<object, FileStore>();

/** The context's file store: the one given, else the configured one (made once per configuration object). */
export function fileStoreOf(ctx: { config: Pick<Config, 'dataDir' | 's3'>; files?: FileStore }): FileStore {
  if (ctx.files) return ctx.files;
  let store = made.get(ctx.config);
  if (!store) {
    store = createFileStore(ctx.config);
    made.set(ctx.config, store);
  }
  return store;
}
