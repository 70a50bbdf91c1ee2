import viDashboard from './features/dashboard.vi.json';
import viInspections from './features/inspections.vi.json';
import viLessonStudy from './features/lessonStudy.vi.json';
import viMaterials from './features/materials.vi.json';
import viNotifications from './features/notifications.vi.json';
import viPanels from './features/panels.vi.json';
import viPlanProposals from './features/planProposals.vi.json';
import viPreparation from './features/preparation.vi.json';
import viProgramme from './features/programme.vi.json';
import viReports from './features/reports.vi.json';
import viRubrics from './features/rubrics.vi.json';
import viRules from './features/rules.vi.json';
import viTodo from './features/todo.vi.json';
import viBase from './vi.json';

/*
 * The UI dictionaries. The base files hold the foundation's and the meetings' strings; each later feature keeps its
 * own pair `features/<feature>.vi.json` and `features/<feature>.en.json`, spread in below, so features can be added
 * without editing one shared file. Keys are prefixed with the feature's name. The English ones are in messagesEn.ts,
 * loaded only when English is chosen, so the first page does not carry both languages.
 */

/** Vietnamese strings (the default language); their keys are the typed message keys. */
export const vi = {
  ...viBase,
  ...viPlanProposals,
  ...viNotifications,
  ...viRules,
  ...viDashboard,
  ...viReports,
  ...viProgramme,
  ...viInspections,
  ...viLessonStudy,
  ...viMaterials,
  ...viPanels,
  ...viRubrics,
  ...viPreparation,
  ...viTodo,
};
