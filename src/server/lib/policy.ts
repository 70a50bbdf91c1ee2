import type { Actor } from './actor';
import { AppError } from './errors';

/**
 * The shared shape of every module's policy: one table of rules keyed by action, each a predicate over the actor and
 * that action's facts (what the service has read about the resource: org chains, status, owner…). A module exports
 * `authorize = authorizer({ … })` once, and every service operation starts with `authorize(actor, 'action', facts)`.
 */
// `never` facts: any rule, whatever its facts' type, fits the table (parameters are checked contravariantly).
export type Rule = (actor: Actor, facts: never) => boolean;

/** The facts an action's rule needs: none when the rule reads the actor alone. */
type FactsOf<R> = R extends (actor: Actor) => boolean ? [] : R extends (actor: Actor, facts: infer F) => boolean ? [facts: F] : never;

/** The refusal every policy throws: 403 with the catalogue's Vietnamese message. */
export function forbidden(): AppError {
  return new AppError('FORBIDDEN');
}

/** Throws the refusal unless `ok`; for rules that are a single boolean the policy has already computed. */
export function authorizeWith(ok: boolean): void {
  if (!ok) throw forbidden();
}

/** Builds a module's single `authorize(actor, action, facts)` entry from its action-keyed rules. */
export function authorizer<R extends Record<string, Rule>>(rules: R) {
  return function authorize<A extends keyof R & string>(actor: Actor, action: A, ...facts: FactsOf<R[A]>): void {
    // The table was checked where it was written; here each rule gets the facts its own action declared.
    const rule = rules[action] as unknown as (actor: Actor, facts: unknown) => boolean;
    authorizeWith(rule(actor, facts[0]));
  };
}
