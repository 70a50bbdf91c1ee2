import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../lib/context';
import { accountRoutes } from './accounts/routes';
import { attendanceRoutes } from './attendance/routes';
import { auditRoutes } from './audit/routes';
import { authRoutes } from './auth/routes';
import { exportRoutes } from './exports/routes';
import { healthRoutes } from './health/routes';
import { homeRoutes } from './home/routes';
import { importRoutes } from './imports/routes';
import { meetingRoutes } from './meetings/routes';
import { minutesRoutes } from './minutes/routes';
import { networkRoutes } from './networks/routes';
import { notificationRoutes } from './notifications/routes';
import { orgRoutes } from './orgs/routes';
import { peopleRoutes } from './people/routes';
import { planRoutes } from './plans/routes';
import { schoolYearRoutes } from './schoolYears/routes';

/** Registers every feature's routes under /api. */
export function registerModules(api: FastifyInstance, ctx: AppContext): void {
  healthRoutes(api, ctx);
  authRoutes(api, ctx);
  homeRoutes(api, ctx);
  schoolYearRoutes(api, ctx);
  orgRoutes(api, ctx);
  peopleRoutes(api, ctx);
  networkRoutes(api, ctx);
  planRoutes(api, ctx);
  accountRoutes(api, ctx);
  auditRoutes(api, ctx);
  importRoutes(api, ctx);
  attendanceRoutes(api, ctx);
  minutesRoutes(api, ctx);
  exportRoutes(api, ctx);
  meetingRoutes(api, ctx);
  notificationRoutes(api, ctx);
}
