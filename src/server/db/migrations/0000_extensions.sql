-- Vietnamese search without diacritics: unaccent + trigram, available on PGlite and PostgreSQL.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- unaccent() is only STABLE; this IMMUTABLE wrapper (fixed dictionary) can be used in expression indexes.
CREATE OR REPLACE FUNCTION lt_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
