import { createRootRoute, createRoute, createRouter, lazyRouteComponent, Outlet } from '@tanstack/react-router';
import { meetingQuery, myMeetingPagesQuery } from './api/meetings';
import { queryClient } from './queryClient';
import { vnToday } from './routes/meetings/meetingFormat';
import { NotFoundPage } from './routes/NotFoundPage';

/** Reads an optional string search parameter. */
function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Reads an optional positive page number. */
function pageNum(value: unknown): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 1 ? n : undefined;
}

const rootRoute = createRootRoute({ component: Outlet, notFoundComponent: NotFoundPage });

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (s: Record<string, unknown>): { redirect?: string } => ({ redirect: str(s.redirect) }),
  component: lazyRouteComponent(() => import('./routes/auth/LoginPage')),
});

// The signed-in layout (app shell, menus, year picker) loads with the first signed-in page, not with /login.
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  component: lazyRouteComponent(() => import('./components/AppLayout'), 'AppLayout'),
  notFoundComponent: NotFoundPage,
});

const page = <TPath extends string>(path: TPath, importer: () => Promise<{ default: () => React.JSX.Element }>) =>
  createRoute({ getParentRoute: () => appRoute, path, component: lazyRouteComponent(importer) });

const homeRoute = page('/', () => import('./routes/home/HomePage'));
const passwordRoute = page('/account/password', () => import('./routes/auth/ChangePasswordPage'));
const signingPinRoute = page('/account/signing-pin', () => import('./routes/auth/SigningPinPage'));
const notificationSettingsRoute = page('/settings/notifications', () => import('./routes/notifications/NotificationSettingsPage'));
const outboxRoute = page('/admin/outbox', () => import('./routes/notifications/OutboxPage'));
const orgsRoute = page('/orgs', () => import('./routes/orgs/OrgTreePage'));
const orgNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/orgs/new',
  validateSearch: (s: Record<string, unknown>): { parentId?: string } => ({ parentId: str(s.parentId) }),
  component: lazyRouteComponent(() => import('./routes/orgs/OrgCreatePage')),
});
const orgRoute = page('/orgs/$orgId', () => import('./routes/orgs/OrgPage'));
const orgEditRoute = page('/orgs/$orgId/edit', () => import('./routes/orgs/OrgEditPage'));
const networksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/networks',
  validateSearch: (s: Record<string, unknown>): { q?: string; kind?: string } => ({ q: str(s.q), kind: str(s.kind) }),
  component: lazyRouteComponent(() => import('./routes/networks/NetworksPage')),
});
const networkNewRoute = page('/networks/new', () => import('./routes/networks/NetworkCreatePage'));
const networkRoute = page('/networks/$networkId', () => import('./routes/networks/NetworkPage'));
const networkEditRoute = page('/networks/$networkId/edit', () => import('./routes/networks/NetworkEditPage'));
const plansRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/plans',
  validateSearch: (s: Record<string, unknown>): { status?: string; networkId?: string; orgId?: string } => ({
    status: str(s.status),
    networkId: str(s.networkId),
    orgId: str(s.orgId),
  }),
  component: lazyRouteComponent(() => import('./routes/plans/PlansPage')),
});
const planNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/plans/new',
  validateSearch: (s: Record<string, unknown>): { networkId?: string; orgId?: string } => ({
    networkId: str(s.networkId),
    orgId: str(s.orgId),
  }),
  component: lazyRouteComponent(() => import('./routes/plans/PlanCreatePage')),
});
const planProposeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/plans/propose',
  validateSearch: (s: Record<string, unknown>): { networkId?: string; termId?: string; count?: number } => ({
    networkId: str(s.networkId),
    termId: str(s.termId),
    count: pageNum(s.count),
  }),
  component: lazyRouteComponent(() => import('./routes/planProposals/PlanProposalPage')),
});
const planRoute = page('/plans/$planId', () => import('./routes/plans/PlanPage'));
const planEditRoute = page('/plans/$planId/edit', () => import('./routes/plans/PlanEditPage'));
const reportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reports',
  validateSearch: (s: Record<string, unknown>): { networkId?: string; orgId?: string } => ({
    networkId: str(s.networkId),
    orgId: str(s.orgId),
  }),
  component: lazyRouteComponent(() => import('./routes/reports/ReportsPage')),
});
const rollupRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reports/rollup',
  validateSearch: (s: Record<string, unknown>): { orgId: string; term?: string } => ({
    orgId: str(s.orgId) ?? '',
    term: s.term === '2' || s.term === 'year' ? s.term : undefined,
  }),
  component: lazyRouteComponent(() => import('./routes/reports/RollupPage')),
});
const reportRoute = page('/reports/$reportId', () => import('./routes/reports/ReportPage'));
const peopleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/people',
  validateSearch: (s: Record<string, unknown>): { q?: string; orgId?: string; position?: string; subjectId?: string; page?: number } => ({
    q: str(s.q),
    orgId: str(s.orgId),
    position: str(s.position),
    subjectId: str(s.subjectId),
    page: pageNum(s.page),
  }),
  component: lazyRouteComponent(() => import('./routes/people/PeoplePage')),
});
const personNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/people/new',
  validateSearch: (s: Record<string, unknown>): { orgId?: string } => ({ orgId: str(s.orgId) }),
  component: lazyRouteComponent(() => import('./routes/people/PersonCreatePage')),
});
const personRoute = page('/people/$personId', () => import('./routes/people/PersonPage'));
const personEditRoute = page('/people/$personId/edit', () => import('./routes/people/PersonEditPage'));
const schoolYearsRoute = page('/admin/school-years', () => import('./routes/admin/SchoolYearsPage'));
const accountsRoute = page('/admin/accounts', () => import('./routes/admin/AccountsPage'));
const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/audit',
  validateSearch: (s: Record<string, unknown>): { entityType?: string; entityId?: string; page?: number } => ({
    entityType: str(s.entityType),
    entityId: str(s.entityId),
    page: pageNum(s.page),
  }),
  component: lazyRouteComponent(() => import('./routes/admin/AuditPage')),
});
const importsRoute = page('/imports', () => import('./routes/imports/ImportPage'));
const meetingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/meetings',
  validateSearch: (s: Record<string, unknown>): import('./routes/meetings/SchedulePage').ScheduleSearch => ({
    view: s.view === 'week' || s.view === 'list' || s.view === 'month' ? s.view : undefined,
    date: str(s.date),
    networkId: str(s.networkId),
    kind: str(s.kind),
    subjectId: str(s.subjectId),
    status: str(s.status),
  }),
  component: lazyRouteComponent(() => import('./routes/meetings/SchedulePage')),
});
/** The first page of both lists of "Lịch của tôi". */
function startMyMeetings(): void {
  const today = vnToday();
  for (const period of ['upcoming', 'past'] as const) void queryClient.prefetchInfiniteQuery(myMeetingPagesQuery(period, today));
}
// The two busiest pages start their main request when the route matches, in parallel with loading their code
// (not on hover preloads; the page still shows its own loading and error states).
const myMeetingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/meetings/mine',
  loader: ({ preload }) => {
    if (!preload) startMyMeetings();
  },
  component: lazyRouteComponent(() => import('./routes/meetings/MyMeetingsPage')),
});
const meetingNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/meetings/new',
  validateSearch: (s: Record<string, unknown>): { planItemId?: string } => ({ planItemId: str(s.planItemId) }),
  component: lazyRouteComponent(() => import('./routes/meetings/MeetingFormPage'), 'MeetingCreatePage'),
});
const meetingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/meetings/$meetingId',
  loader: ({ params, preload }) => {
    if (!preload) void queryClient.prefetchQuery(meetingQuery(params.meetingId));
  },
  component: lazyRouteComponent(() => import('./routes/meetings/MeetingPage')),
});
const meetingEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/meetings/$meetingId/edit',
  component: lazyRouteComponent(() => import('./routes/meetings/MeetingFormPage'), 'MeetingEditPage'),
});
const meetingAttendanceRoute = page('/meetings/$meetingId/attendance', () => import('./routes/attendance/AttendancePage'));
const meetingQrRoute = page('/meetings/$meetingId/qr', () => import('./routes/attendance/QrPage'));
const checkinRoute = page('/checkin/$meetingId/$code', () => import('./routes/attendance/CheckinPage'));
const meetingMinutesRoute = page('/meetings/$meetingId/minutes', () => import('./routes/minutes/MinutesPage'));
const lessonStudyRoute = page('/meetings/$meetingId/lesson-study', () => import('./routes/lessonStudy/LessonStudyPage'));
const observeRoute = page('/meetings/$meetingId/observe', () => import('./routes/lessonStudy/ObservePage'));
const lessonAnalysisRoute = page('/meetings/$meetingId/analysis', () => import('./routes/lessonStudy/AnalysisPage'));
const programmeRoute = page('/programme', () => import('./routes/programme/ProgrammePage'));
const inspectionsRoute = page('/inspections', () => import('./routes/inspections/InspectionsPage'));
const inspectionRoute = page('/inspections/$inspectionId', () => import('./routes/inspections/InspectionPage'));
const materialsRoute = page('/materials', () => import('./routes/materials/MaterialsPage'));
const materialRoute = page('/materials/$materialId', () => import('./routes/materials/MaterialPage'));
const panelsRoute = page('/panels', () => import('./routes/panels/PanelsPage'));
const panelRoute = page('/panels/$eventId', () => import('./routes/panels/PanelPage'));
const rubricsRoute = page('/rubrics', () => import('./routes/rubrics/RubricsPage'));
const rulesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/rules',
  validateSearch: (s: Record<string, unknown>): { orgId?: string } => ({ orgId: str(s.orgId) }),
  component: lazyRouteComponent(() => import('./routes/rules/RulesPage')),
});
const dashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/dashboard',
  validateSearch: (s: Record<string, unknown>): { orgId?: string; networkId?: string; date?: string } => ({
    orgId: str(s.orgId),
    networkId: str(s.networkId),
    date: str(s.date),
  }),
  component: lazyRouteComponent(() => import('./routes/dashboard/DashboardPage')),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  appRoute.addChildren([
    homeRoute,
    passwordRoute,
    signingPinRoute,
    notificationSettingsRoute,
    outboxRoute,
    orgsRoute,
    orgNewRoute,
    orgRoute,
    orgEditRoute,
    networksRoute,
    networkNewRoute,
    networkRoute,
    networkEditRoute,
    plansRoute,
    planNewRoute,
    planProposeRoute,
    planRoute,
    planEditRoute,
    reportsRoute,
    rollupRoute,
    reportRoute,
    peopleRoute,
    personNewRoute,
    personRoute,
    personEditRoute,
    schoolYearsRoute,
    accountsRoute,
    auditRoute,
    importsRoute,
    meetingsRoute,
    myMeetingsRoute,
    meetingNewRoute,
    meetingRoute,
    meetingEditRoute,
    meetingAttendanceRoute,
    meetingQrRoute,
    checkinRoute,
    meetingMinutesRoute,
    lessonStudyRoute,
    observeRoute,
    lessonAnalysisRoute,
    programmeRoute,
    inspectionsRoute,
    inspectionRoute,
    materialsRoute,
    materialRoute,
    panelsRoute,
    panelRoute,
    rubricsRoute,
    rulesRoute,
    dashboardRoute,
  ]),
]);

/** The app's router (code-based route tree; every page is loaded lazily). */
export const router = createRouter({ routeTree, defaultPreload: 'intent', scrollRestoration: true });

/**
 * Called once at start-up, before React's first render: loads the code of every route matching the address (the
 * app shell and the page, in parallel rather than one after the other as the router would), and starts the main
 * request of the two busiest pages, all while the app is still asking who is logged in. The router's own loading
 * later finds the modules and the queries already on their way.
 */
export function startEarly(pathname: string): void {
  const [routes, params] = router.getMatchedRoutes(pathname);
  for (const route of routes) void router.loadRouteChunk(route)?.catch(() => undefined);
  const leaf = routes[routes.length - 1];
  if (leaf === myMeetingsRoute) startMyMeetings();
  else if (leaf === meetingRoute && params.meetingId) void queryClient.prefetchQuery(meetingQuery(params.meetingId));
}

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
