import type { MessageKey } from './context';
import enBase from './en.json';
import enDashboard from './features/dashboard.en.json';
import enInspections from './features/inspections.en.json';
import enLessonStudy from './features/lessonStudy.en.json';
import enMaterials from './features/materials.en.json';
import enNotifications from './features/notifications.en.json';
import enPanels from './features/panels.en.json';
import enPlanProposals from './features/planProposals.en.json';
import enPreparation from './features/preparation.en.json';
import enProgramme from './features/programme.en.json';
import enReports from './features/reports.en.json';
import enRubrics from './features/rubrics.en.json';
import enRules from './features/rules.en.json';
import enTodo from './features/todo.en.json';

/** English strings (loaded on demand): the compiler checks that every Vietnamese key has one. */
export const en: Record<MessageKey, string> = {
  ...enBase,
  ...enDashboard,
  ...enInspections,
  ...enLessonStudy,
  ...enMaterials,
  ...enNotifications,
  ...enPanels,
  ...enPlanProposals,
  ...enPreparation,
  ...enProgramme,
  ...enReports,
  ...enRubrics,
  ...enRules,
  ...enTodo,
};
