import enBase from './en.json';
import enDashboard from './features/dashboard.en.json';
import viDashboard from './features/dashboard.vi.json';
import enInspections from './features/inspections.en.json';
import viInspections from './features/inspections.vi.json';
import enLessonStudy from './features/lessonStudy.en.json';
import viLessonStudy from './features/lessonStudy.vi.json';
import enMaterials from './features/materials.en.json';
import viMaterials from './features/materials.vi.json';
import enNotifications from './features/notifications.en.json';
import viNotifications from './features/notifications.vi.json';
import enPanels from './features/panels.en.json';
import viPanels from './features/panels.vi.json';
import enPlanProposals from './features/planProposals.en.json';
import viPlanProposals from './features/planProposals.vi.json';
import enPreparation from './features/preparation.en.json';
import viPreparation from './features/preparation.vi.json';
import enProgramme from './features/programme.en.json';
import viProgramme from './features/programme.vi.json';
import enReports from './features/reports.en.json';
import viReports from './features/reports.vi.json';
import enRubrics from './features/rubrics.en.json';
import viRubrics from './features/rubrics.vi.json';
import enRules from './features/rules.en.json';
import viRules from './features/rules.vi.json';
import viBase from './vi.json';

/*
 * The UI dictionaries. The base files hold the foundation's and the meetings' strings; each later feature keeps its
 * own pair `features/<feature>.vi.json` and `features/<feature>.en.json`, spread in below, so features can be added
 * without editing one shared file. Keys are prefixed with the feature's name.
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
};

/** English strings: the compiler checks that every Vietnamese key has one. */
export const en: Record<keyof typeof vi, string> = {
  ...enBase,
  ...enPlanProposals,
  ...enNotifications,
  ...enRules,
  ...enDashboard,
  ...enReports,
  ...enProgramme,
  ...enInspections,
  ...enLessonStudy,
  ...enMaterials,
  ...enPanels,
  ...enRubrics,
  ...enPreparation,
};
