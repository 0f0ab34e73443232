import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AccessibilityPage } from '../routes/accessibility/AccessibilityPage';
import { AdminPage } from '../routes/admin/AdminPage';
import { HomePage } from '../routes/home/HomePage';
import { MyProfilePage } from '../routes/me/MyProfilePage';
import { NotFoundPage } from '../routes/not-found/NotFoundPage';
import { SignInPage } from '../routes/sign-in/SignInPage';
import { AuthProvider } from './auth/auth-context';
import type { AuthSession } from './auth/auth-session';
import { RequireCommsAdmin } from './auth/RequireCommsAdmin';
import { RequireSignIn } from './auth/RequireSignIn';
import { AppLayout } from './layout/AppLayout';
import { RouteError } from './RouteError';

const router = createBrowserRouter([
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
          {
            element: <RequireSignIn />,
            children: [
              { path: 'me', element: <MyProfilePage /> },
              {
                element: <RequireCommsAdmin />,
                children: [{ path: 'admin', element: <AdminPage /> }],
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
