import { sql } from 'drizzle-orm';
import { type AnyPgColumn, date, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { leadershipMode, networkKind, networkRole } from './enums';
import { orgs } from './orgs';
import { people } from './people';
import { schoolYears } from './schoolYears';

/** A network of schools for one school year: cluster, school group, district group or custom. */
export const networks = pgTable(
  'networks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: networkKind('kind').notNull(),
    name: text('name').notNull(),
    schoolYearId: uuid('school_year_id')
      .notNull()
      .references(() => schoolYears.id, { onDelete: 'restrict' }),
    supervisingOrgId: uuid('supervising_org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    parentNetworkId: uuid('parent_network_id').references((): AnyPgColumn => networks.id, { onDelete: 'set null' }),
    leadOrgId: uuid('lead_org_id').references(() => orgs.id, { onDelete: 'set null' }),
    leadershipMode: leadershipMode('leadership_mode').notNull().default('named'),
    decisionNumber: text('decision_number'),
    decisionDate: date('decision_date'),
    description: text('description'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('networks_year_supervisor_name_unique').on(t.schoolYearId, t.supervisingOrgId, t.name),
    index('networks_year_idx').on(t.schoolYearId),
    index('networks_supervisor_idx').on(t.supervisingOrgId),
    index('networks_name_trgm_idx').using('gin', sql`lt_unaccent(lower(${t.name})) gin_trgm_ops`),
  ],
);

/** The member orgs of a network, in the order of the founding decision. */
export const networkMembers = pgTable(
  'network_members',
  {
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.orgId] }), index('network_members_org_idx').on(t.orgId)],
);

/** The named leader and deputies of a network for its school year. */
export const networkLeaders = pgTable(
  'network_leaders',
  {
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    role: networkRole('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.personId] }), index('network_leaders_person_idx').on(t.personId)],
);
