import type { Config } from '../config';
import type { Database } from '../db/client';
import type { Mailer } from './mail';

/** What every module gets: the database, the configuration and the mailer. */
export interface AppContext {
  database: Database;
  config: Config;
  mailer: Mailer;
}
