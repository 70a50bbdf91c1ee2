import enBase from './en.json';
import viBase from './vi.json';

/*
 * The UI dictionaries. The base files hold the foundation's and the meetings' strings; each later feature keeps its
 * own pair `features/<feature>.vi.json` and `features/<feature>.en.json`, spread in below, so features can be added
 * without editing one shared file. Keys are prefixed with the feature's name.
 */

/** Vietnamese strings (the default language); their keys are the typed message keys. */
export const vi = { ...viBase };

/** English strings: the compiler checks that every Vietnamese key has one. */
export const en: Record<keyof typeof vi, string> = { ...enBase };
