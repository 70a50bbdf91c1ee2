import { type ZodType, z } from 'zod';

/** Where an id field sits in a request: "body" or "query", and its path ("scope.orgIds[]", "entries[].personId"). */
export interface IdField {
  where: 'body' | 'query';
  path: string;
}

type Json = {
  type?: string | string[];
  format?: string;
  properties?: Record<string, Json>;
  items?: Json | Json[];
  prefixItems?: Json[];
  additionalProperties?: Json | boolean;
  anyOf?: Json[];
  oneOf?: Json[];
  allOf?: Json[];
  $ref?: string;
  $defs?: Record<string, Json>;
};

/** A key that names an id: "id", "…Id", "…Ids" (hostOrgId, personIds, entryIds). */
const ID_NAME = /(^id$|Id$|Ids$)/;

function isString(s: Json): boolean {
  return s.type === 'string' || (Array.isArray(s.type) && s.type.includes('string'));
}

/**
 * The id fields of a zod request schema, nested objects and arrays included: `z.uuid()` strings, arrays of them, and
 * strings whose key names an id. Read from the schema's JSON Schema (the same one the OpenAPI document shows).
 */
export function idFieldsOf(schema: ZodType | undefined, where: 'body' | 'query'): IdField[] {
  if (!schema) return [];
  const root = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  const out = new Set<string>();
  const seen = new Set<Json>();
  const walk = (s: Json | undefined, path: string, key: string) => {
    if (!s || typeof s !== 'object' || seen.has(s)) return;
    if (s.$ref) {
      const name = s.$ref.split('/').pop() as string;
      walk(root.$defs?.[name] ?? (s.$ref === '#' ? root : undefined), path, key);
      return;
    }
    seen.add(s);
    if (isString(s) && (s.format === 'uuid' || ID_NAME.test(key))) out.add(path);
    for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) walk(alt, path, key);
    for (const [k, v] of Object.entries(s.properties ?? {})) walk(v, path ? `${path}.${k}` : k, k);
    if (s.additionalProperties && typeof s.additionalProperties === 'object') walk(s.additionalProperties, `${path}.*`, key);
    const items = Array.isArray(s.items) ? s.items : s.items ? [s.items] : [];
    for (const it of [...items, ...(s.prefixItems ?? [])]) walk(it, `${path}[]`, key);
    seen.delete(s);
  };
  walk(root, '', '');
  return [...out].map((path) => ({ where, path }));
}
