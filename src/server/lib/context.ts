import type { Config } from '../config';
import type { Database } from '../db/client';
import type { FileStore } from './files/store';
import type { Mailer } from './mail';

/** What every module gets: the database, the configuration, the mailer and (optionally given) the file store. */
export interface AppContext {
  database: Database;
  config: Config;
  mailer: Mailer;
  /** Where uploaded files live (lib/files/store.ts); when not given, the one the configuration names (fileStoreOf). */
  files?: FileStore;
}
