import { registerEnumType } from '@nestjs/graphql';

/** The ten national staff groups of the Electronic Staff Record. */
export enum StaffGroup {
  MEDICAL_AND_DENTAL = 'MEDICAL_AND_DENTAL',
  STUDENTS = 'STUDENTS',
  NURSING_AND_MIDWIFERY_REGISTERED = 'NURSING_AND_MIDWIFERY_REGISTERED',
  ALLIED_HEALTH_PROFESSIONALS = 'ALLIED_HEALTH_PROFESSIONALS',
  ADDITIONAL_PROFESSIONAL_SCIENTIFIC_AND_TECHNICAL = 'ADDITIONAL_PROFESSIONAL_SCIENTIFIC_AND_TECHNICAL',
  HEALTHCARE_SCIENTISTS = 'HEALTHCARE_SCIENTISTS',
  ADDITIONAL_CLINICAL_SERVICES = 'ADDITIONAL_CLINICAL_SERVICES',
  ADMINISTRATIVE_AND_CLERICAL = 'ADMINISTRATIVE_AND_CLERICAL',
  ESTATES_AND_ANCILLARY = 'ESTATES_AND_ANCILLARY',
  SUPPLEMENTARY_ROLES = 'SUPPLEMENTARY_ROLES',
}

export const STAFF_GROUP_LABELS: Record<StaffGroup, string> = {
  [StaffGroup.MEDICAL_AND_DENTAL]: 'Medical and Dental',
  [StaffGroup.STUDENTS]: 'Students',
  [StaffGroup.NURSING_AND_MIDWIFERY_REGISTERED]: 'Nursing and Midwifery Registered',
  [StaffGroup.ALLIED_HEALTH_PROFESSIONALS]: 'Allied Health Professionals',
  [StaffGroup.ADDITIONAL_PROFESSIONAL_SCIENTIFIC_AND_TECHNICAL]:
    'Additional Professional Scientific and Technical',
  [StaffGroup.HEALTHCARE_SCIENTISTS]: 'Healthcare Scientists',
  [StaffGroup.ADDITIONAL_CLINICAL_SERVICES]: 'Additional Clinical Services',
  [StaffGroup.ADMINISTRATIVE_AND_CLERICAL]: 'Administrative and Clerical',
  [StaffGroup.ESTATES_AND_ANCILLARY]: 'Estates and Ancillary',
  [StaffGroup.SUPPLEMENTARY_ROLES]: 'Supplementary Roles',
};

registerEnumType(StaffGroup, {
  name: 'StaffGroup',
  description: 'National staff group of the Electronic Staff Record.',
});
