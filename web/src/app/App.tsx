import { AuditLogPage } from '../routes/admin/audit-log/AuditLogPage';
import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AccessibilityPage } from '../routes/accessibility/AccessibilityPage';
import { AdminPage } from '../routes/admin/AdminPage';
import { AdminCommunitiesPage } from '../routes/admin/communities/AdminCommunitiesPage';
import { ArchiveCommunityPage } from '../routes/admin/communities/ArchiveCommunityPage';
import { CommunityMembersAdminPage } from '../routes/admin/communities/CommunityMembersAdminPage';
import { EditCommunityPage } from '../routes/admin/communities/EditCommunityPage';
import { NewCommunityPage } from '../routes/admin/communities/NewCommunityPage';
import { AdminGuidancePage } from '../routes/admin/guidance/AdminGuidancePage';
import { ImportReportPage } from '../routes/admin/imports/ImportReportPage';
import { ImportsPage } from '../routes/admin/imports/ImportsPage';
import { LeaderboardWeightsPage } from '../routes/admin/leaderboard-weights/LeaderboardWeightsPage';
import { CampaignPage } from '../routes/campaigns/CampaignPage';
import { CampaignsPage } from '../routes/campaigns/CampaignsPage';
import { EditCampaignPage } from '../routes/campaigns/EditCampaignPage';
import { NewCampaignPage } from '../routes/campaigns/NewCampaignPage';
import { AdminPlacesPage } from '../routes/admin/places/AdminPlacesPage';
import { RenamePlacePage } from '../routes/admin/places/RenamePlacePage';
import { AdminLeadersPage } from '../routes/admin/leaders/AdminLeadersPage';
import { ConfirmOrganisationsPage } from '../routes/admin/organisation-claims/ConfirmOrganisationsPage';
import { RemoveLeaderPage } from '../routes/admin/leaders/RemoveLeaderPage';
import { SetLeaderPage } from '../routes/admin/leaders/SetLeaderPage';
import { AboutPage } from '../routes/about/AboutPage';
import { PrivacyPage } from '../routes/about/PrivacyPage';
import { LeaveCommunityPage } from '../routes/communities/LeaveCommunityPage';
import { CommunitiesPage } from '../routes/communities/CommunitiesPage';
import { CommunityPage } from '../routes/communities/CommunityPage';
import { FollowPackPage } from '../routes/follow-packs/FollowPackPage';
import { FollowListPage } from '../routes/follows/FollowListPage';
import { MyFollowingRedirect } from '../routes/follows/MyFollowingRedirect';
import { LeadersPage } from '../routes/leaders/LeadersPage';
import { LeaderboardPage } from '../routes/leaderboard/LeaderboardPage';
import { LiveLeaderboardPage } from '../routes/leaderboard/LiveLeaderboardPage';
import { DirectoryPage } from '../routes/directory/DirectoryPage';
import { GuidancePage } from '../routes/guidance/GuidancePage';
import { HomePage } from '../routes/home/HomePage';
import { AddAccountPage } from '../routes/me/accounts/AddAccountPage';
import { EditAccountPage } from '../routes/me/accounts/EditAccountPage';
import { RemoveAccountPage } from '../routes/me/accounts/RemoveAccountPage';
import { ChooseOrganisationPage } from '../routes/me/ChooseOrganisationPage';
import { EditProfilePage } from '../routes/me/EditProfilePage';
import { EraseMyDataPage } from '../routes/me/EraseMyDataPage';
import { MyDataPage } from '../routes/me/MyDataPage';
import { MyProfilePage } from '../routes/me/MyProfilePage';
import { ProfilePage } from '../routes/people/ProfilePage';
import { NotFoundPage } from '../routes/not-found/NotFoundPage';
import { SignInPage } from '../routes/sign-in/SignInPage';
import { AdminOfficialAccountsPage } from '../routes/verification/AdminOfficialAccountsPage';
import { AdminReportsPage } from '../routes/verification/AdminReportsPage';
import { AdminVerificationPage } from '../routes/verification/AdminVerificationPage';
import { MyReportsPage } from '../routes/verification/MyReportsPage';
import { OfficialAccountsPage } from '../routes/verification/OfficialAccountsPage';
import { ReportListingPage } from '../routes/verification/ReportListingPage';
import { VerifyAccountPage } from '../routes/me/accounts/VerifyAccountPage';
import { ReportFiguresPage } from '../routes/me/accounts/ReportFiguresPage';
import { AuthProvider } from './auth/auth-context';
import type { AuthSession } from './auth/auth-session';
import { RequireCommsAdmin } from './auth/RequireCommsAdmin';
import { RequireSignIn } from './auth/RequireSignIn';
import { AppLayout } from './layout/AppLayout';
import { RouteError } from './RouteError';

const router = createBrowserRouter([
  // the live leaderboard fills the screen at a tweetup: no header, footer or navigation
  {
    element: <RequireSignIn />,
    errorElement: <RouteError />,
    children: [{ path: 'leaderboard/live', element: <LiveLeaderboardPage /> }],
  },
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'sign-in', element: <SignInPage /> },
          { path: 'accessibility', element: <AccessibilityPage /> },
          { path: 'about', element: <AboutPage /> },
          { path: 'privacy', element: <PrivacyPage /> },
          { path: 'official-accounts', element: <OfficialAccountsPage /> },
          {
            element: <RequireSignIn />,
            children: [
              { path: 'me', element: <MyProfilePage /> },
              { path: 'me/edit', element: <EditProfilePage /> },
              { path: 'me/organisation', element: <ChooseOrganisationPage /> },
              { path: 'me/data', element: <MyDataPage /> },
              { path: 'me/data/erase', element: <EraseMyDataPage /> },
              { path: 'me/accounts/add', element: <AddAccountPage /> },
              { path: 'me/accounts/:id', element: <EditAccountPage /> },
              { path: 'me/accounts/:id/remove', element: <RemoveAccountPage /> },
              { path: 'me/accounts/:id/verify', element: <VerifyAccountPage /> },
              { path: 'me/accounts/:id/figures', element: <ReportFiguresPage /> },
              { path: 'me/reports', element: <MyReportsPage /> },
              { path: 'people/:id/report', element: <ReportListingPage /> },
              { path: 'guidance', element: <GuidancePage /> },
              { path: 'directory', element: <DirectoryPage /> },
              { path: 'people/:id', element: <ProfilePage /> },
              { path: 'people/:id/followers', element: <FollowListPage kind="followers" /> },
              { path: 'people/:id/following', element: <FollowListPage kind="following" /> },
              { path: 'following', element: <MyFollowingRedirect /> },
              { path: 'communities', element: <CommunitiesPage /> },
              { path: 'communities/:slug', element: <CommunityPage /> },
              { path: 'communities/:slug/leave', element: <LeaveCommunityPage /> },
              { path: 'leaders', element: <LeadersPage /> },
              { path: 'leaderboard', element: <LeaderboardPage /> },
              { path: 'campaigns', element: <CampaignsPage /> },
              { path: 'campaigns/:id', element: <CampaignPage /> },
              { path: 'follow-packs/:source/:id?', element: <FollowPackPage /> },
              {
                element: <RequireCommsAdmin />,
                children: [
                  { path: 'admin', element: <AdminPage /> },
                  { path: 'admin/communities', element: <AdminCommunitiesPage /> },
                  { path: 'admin/communities/new', element: <NewCommunityPage /> },
                  { path: 'admin/communities/:slug/edit', element: <EditCommunityPage /> },
                  {
                    path: 'admin/communities/:slug/members',
                    element: <CommunityMembersAdminPage />,
                  },
                  { path: 'admin/communities/:slug/archive', element: <ArchiveCommunityPage /> },
                  { path: 'admin/leaders', element: <AdminLeadersPage /> },
                  { path: 'admin/organisations', element: <ConfirmOrganisationsPage /> },
                  { path: 'admin/leaders/:staffId', element: <SetLeaderPage /> },
                  { path: 'admin/leaders/:staffId/remove', element: <RemoveLeaderPage /> },
                  { path: 'admin/guidance', element: <AdminGuidancePage /> },
                  { path: 'admin/places', element: <AdminPlacesPage /> },
                  {
                    path: 'admin/places/:organisationId/:kind/:id',
                    element: <RenamePlacePage />,
                  },
                  { path: 'admin/verification', element: <AdminVerificationPage /> },
                  { path: 'admin/reports', element: <AdminReportsPage /> },
                  { path: 'admin/official-accounts', element: <AdminOfficialAccountsPage /> },
                  {
                    path: 'admin/dashboard',
                    // the charts library is large: only the dashboard loads it
                    lazy: async () => ({
                      Component: (await import('../routes/admin/dashboard/DashboardPage'))
                        .DashboardPage,
                    }),
                  },
                  { path: 'admin/audit-log', element: <AuditLogPage /> },
                  { path: 'campaigns/new', element: <NewCampaignPage /> },
                  { path: 'campaigns/:id/edit', element: <EditCampaignPage /> },
                  { path: 'admin/imports', element: <ImportsPage /> },
                  { path: 'admin/imports/:importId', element: <ImportReportPage /> },
                  { path: 'admin/leaderboard-weights', element: <LeaderboardWeightsPage /> },
                ],
              },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

export function App({ session, client }: { session: AuthSession; client: ApolloClient }) {
  return (
    <AuthProvider session={session}>
      <ApolloProvider client={client}>
        <RouterProvider router={router} />
      </ApolloProvider>
    </AuthProvider>
  );
}
