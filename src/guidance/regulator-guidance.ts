import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { StaffGroup } from '../staff/staff-group';

export enum Regulator {
  GMC = 'GMC',
  NMC = 'NMC',
  HCPC = 'HCPC',
}

registerEnumType(Regulator, {
  name: 'Regulator',
  description: 'A UK professional regulator whose social media guidance applies to registrants.',
});

@ObjectType({ description: 'A professional regulator’s own social media guidance.' })
export class RegulatorGuidance {
  @Field(() => Regulator)
  regulator: Regulator;

  @Field({ description: 'e.g. General Medical Council.' })
  regulatorName: string;

  @Field()
  title: string;

  @Field({ description: 'The regulator’s public page.' })
  url: string;

  @Field({ description: 'Who it applies to, e.g. "Doctors registered with the GMC".' })
  appliesTo: string;
}

const GUIDANCE: Record<Regulator, RegulatorGuidance> = {
  [Regulator.GMC]: {
    regulator: Regulator.GMC,
    regulatorName: 'General Medical Council',
    title: 'Doctors’ use of social media',
    url: 'https://www.gmc-uk.org/professional-standards/the-professional-standards/doctors-use-of-social-media',
    appliesTo: 'Doctors registered with the GMC',
  },
  [Regulator.NMC]: {
    regulator: Regulator.NMC,
    regulatorName: 'Nursing and Midwifery Council',
    title: 'Guidance on using social media responsibly',
    url: 'https://www.nmc.org.uk/standards/guidance/social-media-guidance/',
    appliesTo: 'Nurses, midwives and nursing associates registered with the NMC',
  },
  [Regulator.HCPC]: {
    regulator: Regulator.HCPC,
    regulatorName: 'Health and Care Professions Council',
    title: 'Guidance on the use of social media',
    url: 'https://www.hcpc-uk.org/standards/meeting-our-standards/communication-and-using-social-media/guidance-on-use-of-social-media/',
    appliesTo: 'Allied health professionals and clinical scientists registered with the HCPC',
  },
};

// Clinical scientists (Healthcare Scientists staff group) are HCPC registrants too.
const BY_STAFF_GROUP: Partial<Record<StaffGroup, Regulator[]>> = {
  [StaffGroup.MEDICAL_AND_DENTAL]: [Regulator.GMC],
  [StaffGroup.NURSING_AND_MIDWIFERY_REGISTERED]: [Regulator.NMC],
  [StaffGroup.ALLIED_HEALTH_PROFESSIONALS]: [Regulator.HCPC],
  [StaffGroup.HEALTHCARE_SCIENTISTS]: [Regulator.HCPC],
};

/** The regulators' guidance that applies to a staff group (none for unregulated groups). */
export function regulatorGuidanceFor(staffGroup: StaffGroup | null): RegulatorGuidance[] {
  return staffGroup ? (BY_STAFF_GROUP[staffGroup] ?? []).map((r) => GUIDANCE[r]) : [];
}
