import type {
  AccountPurpose,
  AccountVisibility,
  CommunityKind,
  CommunityRole,
  MetricSource,
  Platform,
  StaffGroup,
  VerificationStatus,
} from '../../gql/graphql';

export const STAFF_GROUP_LABELS: Record<StaffGroup, string> = {
  MEDICAL_AND_DENTAL: 'Medical and Dental',
  STUDENTS: 'Students',
  NURSING_AND_MIDWIFERY_REGISTERED: 'Nursing and Midwifery Registered',
  ALLIED_HEALTH_PROFESSIONALS: 'Allied Health Professionals',
  ADDITIONAL_PROFESSIONAL_SCIENTIFIC_AND_TECHNICAL:
    'Additional Professional Scientific and Technical',
  HEALTHCARE_SCIENTISTS: 'Healthcare Scientists',
  ADDITIONAL_CLINICAL_SERVICES: 'Additional Clinical Services',
  ADMINISTRATIVE_AND_CLERICAL: 'Administrative and Clerical',
  ESTATES_AND_ANCILLARY: 'Estates and Ancillary',
  SUPPLEMENTARY_ROLES: 'Supplementary Roles',
};

export const PLATFORM_LABELS: Record<Platform, string> = {
  X: 'X (Twitter)',
  LINKEDIN: 'LinkedIn',
  FACEBOOK: 'Facebook',
  INSTAGRAM: 'Instagram',
  MASTODON: 'Mastodon',
  BLUESKY: 'Bluesky',
  THREADS: 'Threads',
  TIKTOK: 'TikTok',
  YOUTUBE: 'YouTube',
  WEBSITE: 'Website or blog',
};

export const PURPOSE_LABELS: Record<AccountPurpose, string> = {
  PROFESSIONAL: 'Professional',
  PERSONAL: 'Personal',
};

export const VISIBILITY_LABELS: Record<AccountVisibility, string> = {
  NHS_DIRECTORY: 'Everyone in the NHS directory',
  ORGANISATION: 'People in my organisation',
  ONLY_ME: 'Only me',
};

export const VERIFICATION_LABELS: Record<VerificationStatus, string> = {
  VERIFIED: 'Verified',
  PENDING: 'Verification requested',
  REJECTED: 'Verification rejected',
  UNVERIFIED: 'Not verified',
};

export const COMMUNITY_KIND_LABELS: Record<CommunityKind, string> = {
  HASHTAG: 'Hashtag',
  NETWORK: 'Network',
  ACCOUNT: 'Account',
};

export const COMMUNITY_ROLE_LABELS: Record<CommunityRole, string> = {
  MEMBER: 'Member',
  CHAMPION: 'Champion',
  ORGANISER: 'Organiser',
};

export const METRIC_SOURCE_LABELS: Record<MetricSource, string> = {
  IMPORT: 'Imported by the communications team',
  SELF_REPORTED: 'Self-reported',
  FETCHED: 'Read from the platform',
};
