import { describe, expect, it } from 'vitest';
import { gradeLevel, levelsInName, type TeachingFacts, teachingLevels } from './teachingLevels';

const facts = (o: Partial<TeachingFacts>): TeachingFacts => ({
  stated: [],
  schoolLevels: ['primary', 'lower_secondary'],
  team: null,
  subjectCodes: [],
  teamSubjectCodes: [],
  ...o,
});

describe('the levels a teacher teaches', () => {
  it('maps grades to levels', () => {
    expect([1, 5, 6, 9, 10, 12].map(gradeLevel)).toEqual([
      'primary',
      'primary',
      'lower_secondary',
      'lower_secondary',
      'upper_secondary',
      'upper_secondary',
    ]);
  });

  it('reads levels from team names as whole words', () => {
    expect(levelsInName('Tổ Toán - Tin THCS')).toEqual(['lower_secondary']);
    expect(levelsInName('Tổ Tiểu học')).toEqual(['primary']);
    expect(levelsInName('Tổ khối 3')).toEqual(['primary']);
    expect(levelsInName('Tổ khối 10')).toEqual(['upper_secondary']);
    expect(levelsInName('Tổ Thể dục')).toEqual([]);
    expect(levelsInName('Tổ TH')).toEqual(['primary']);
  });

  it('prefers the stated levels, then the team’s, then a single-level school', () => {
    expect(teachingLevels(facts({ stated: ['primary'], schoolLevels: ['lower_secondary'] }))).toEqual(['primary']);
    expect(teachingLevels(facts({ team: { levels: ['lower_secondary'], name: 'Tổ Toán' } }))).toEqual(['lower_secondary']);
    expect(teachingLevels(facts({ schoolLevels: ['upper_secondary'] }))).toEqual(['upper_secondary']);
  });

  it('in a combined school, reads the team’s name, then subjects taught at some levels only', () => {
    expect(teachingLevels(facts({ team: { levels: [], name: 'Tổ Toán - Tin THCS' } }))).toEqual(['lower_secondary']);
    expect(teachingLevels(facts({ team: { levels: [], name: 'Tổ Toán' }, subjectCodes: ['toan', 'tieng-viet'] }))).toEqual(['primary']);
    expect(teachingLevels(facts({ team: { levels: [], name: 'Tổ Văn' }, teamSubjectCodes: ['ngu-van'] }))).toEqual(['lower_secondary']);
    // A subject of both levels of the school says nothing; neither does a name naming a level the school lacks.
    expect(teachingLevels(facts({ team: { levels: [], name: 'Tổ Sử' }, subjectCodes: ['lich-su-dia-li'] }))).toBeNull();
    expect(teachingLevels(facts({ team: { levels: [], name: 'Tổ THPT' }, subjectCodes: ['toan'] }))).toBeNull();
  });
});
