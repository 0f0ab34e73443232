import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { ScimProvisioning1764100000000 } from './1764100000000-scim-provisioning';
import { GuidanceAndDirectory1764200000000 } from './1764200000000-guidance-and-directory';
import { DirectorySearchText1764200000001 } from './1764200000001-directory-search-text';
import { CommunitiesLeadersFollows1764300000000 } from './1764300000000-communities-leaders-follows';
import { StaffIdentityName1764400000000 } from './1764400000000-staff-identity-name';
import { DirectorySearchFilterTags1764500000000 } from './1764500000000-directory-search-filter-tags';
import { DirectorySearchJoinIndex1764500000001 } from './1764500000001-directory-search-join-index';
import { DirectorySearchOrganisationHandles1764600000000 } from './1764600000000-directory-search-organisation-handles';
import { DerivedStateInTheApp1764700000000 } from './1764700000000-derived-state-in-the-app';
import { UserNameAnyCase1764800000000 } from './1764800000000-user-name-any-case';
import { MetricsAndCampaigns1765000000000 } from './1765000000000-metrics-and-campaigns';
import { TrustedOrganisationsAndAudit1765100000000 } from './1765100000000-trusted-organisations-and-audit';
import { Leaderboard1765300000000 } from './1765300000000-leaderboard';
import { VerificationAndTrust1765400000000 } from './1765400000000-verification-and-trust';
import { Privacy1765500000000 } from './1765500000000-privacy';
import { DirectorySearchPlaces1765600000000 } from './1765600000000-directory-search-places';
import { DirectorySearchWords1765600000001 } from './1765600000001-directory-search-words';
import { GuidanceGracePeriod1765600000002 } from './1765600000002-guidance-grace-period';
import { AuditErasures1765800000000 } from './1765800000000-audit-erasures';
import { MetricImportsByOrganisation1766100000000 } from './1766100000000-metric-imports-by-organisation';
import { DashboardSnapshots1766200000000 } from './1766200000000-dashboard-snapshots';
import { LeaderboardBoundedRanks1766300000000 } from './1766300000000-leaderboard-bounded-ranks';
import { AccountsByPlatform1766400000000 } from './1766400000000-accounts-by-platform';
import { DirectorySurnameOrder1766500000000 } from './1766500000000-directory-surname-order';
import { MetricImportHeartbeat1766600000000 } from './1766600000000-metric-import-heartbeat';
import { DirectorySearchSecureDelete1766900000000 } from './1766900000000-directory-search-secure-delete';
import { LeaderboardScoreCounts1767000000000 } from './1767000000000-leaderboard-score-counts';
import { LeaderboardTeamScores1767000000001 } from './1767000000001-leaderboard-team-scores';
import { DeferredWork1767100000000 } from './1767100000000-deferred-work';
import { MetricSnapshotsByAccount1767200000000 } from './1767200000000-metric-snapshots-by-account';
import { MetricImportPeople1767300000000 } from './1767300000000-metric-import-people';

/** Every migration, in order. One history for SQLite and PostgreSQL. Append; never edit a committed one. */
export const migrations = [
  InitialSchema1764000000000,
  ScimProvisioning1764100000000,
  GuidanceAndDirectory1764200000000,
  DirectorySearchText1764200000001,
  CommunitiesLeadersFollows1764300000000,
  StaffIdentityName1764400000000,
  DirectorySearchFilterTags1764500000000,
  DirectorySearchJoinIndex1764500000001,
  DirectorySearchOrganisationHandles1764600000000,
  DerivedStateInTheApp1764700000000,
  UserNameAnyCase1764800000000,
  MetricsAndCampaigns1765000000000,
  TrustedOrganisationsAndAudit1765100000000,
  Leaderboard1765300000000,
  VerificationAndTrust1765400000000,
  Privacy1765500000000,
  DirectorySearchPlaces1765600000000,
  DirectorySearchWords1765600000001,
  GuidanceGracePeriod1765600000002,
  AuditErasures1765800000000,
  MetricImportsByOrganisation1766100000000,
  DashboardSnapshots1766200000000,
  LeaderboardBoundedRanks1766300000000,
  AccountsByPlatform1766400000000,
  DirectorySurnameOrder1766500000000,
  MetricImportHeartbeat1766600000000,
  DirectorySearchSecureDelete1766900000000,
  LeaderboardScoreCounts1767000000000,
  LeaderboardTeamScores1767000000001,
  DeferredWork1767100000000,
  MetricSnapshotsByAccount1767200000000,
  MetricImportPeople1767300000000,
];
