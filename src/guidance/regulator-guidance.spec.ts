import { StaffGroup } from '../staff/staff-group';
import { Regulator, regulatorGuidanceFor } from './regulator-guidance';

describe('regulatorGuidanceFor', () => {
  it.each([
    [StaffGroup.MEDICAL_AND_DENTAL, [Regulator.GMC]],
    [StaffGroup.NURSING_AND_MIDWIFERY_REGISTERED, [Regulator.NMC]],
    [StaffGroup.ALLIED_HEALTH_PROFESSIONALS, [Regulator.HCPC]],
    [StaffGroup.HEALTHCARE_SCIENTISTS, [Regulator.HCPC]],
    [StaffGroup.ADMINISTRATIVE_AND_CLERICAL, []],
    [StaffGroup.ESTATES_AND_ANCILLARY, []],
    [StaffGroup.ADDITIONAL_CLINICAL_SERVICES, []],
    [StaffGroup.STUDENTS, []],
    [null, []],
  ])('%s → %j', (group, expected) => {
    expect(regulatorGuidanceFor(group).map((g) => g.regulator)).toEqual(expected);
  });

  it('links only to the regulators’ own https sites', () => {
    const all = Object.values(StaffGroup).flatMap((group) => regulatorGuidanceFor(group));
    for (const guidance of all) {
      expect(new URL(guidance.url).protocol).toBe('https:');
      expect(new URL(guidance.url).hostname).toMatch(/^www\.(gmc-uk|nmc|hcpc-uk)\.org(\.uk)?$/);
    }
  });
});
