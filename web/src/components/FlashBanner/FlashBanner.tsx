import { NotificationBanner } from 'nhsuk-react-components';
import { useLocation, useNavigate } from 'react-router';

/** Confirms what just happened ("Your profile has been saved") after a form sends you back. */
export function FlashBanner() {
  const { state } = useLocation() as { state: { flash?: string } | null };
  if (!state?.flash) return null;
  return (
    <NotificationBanner success>
      <NotificationBanner.Heading>{state.flash}</NotificationBanner.Heading>
    </NotificationBanner>
  );
}

/** The confirmation goes once the person does something else on the page: it would be stale. */
export function useClearFlash(): () => void {
  const location = useLocation();
  const navigate = useNavigate();
  return () => {
    const state = location.state as { flash?: string } | null;
    if (state?.flash) {
      navigate(location.pathname + location.search, { replace: true, state: null });
    }
  };
}

/** Sends the person back to a page with a confirmation to show there. */
export function useNavigateWithFlash(): (to: string, flash: string) => void {
  const navigate = useNavigate();
  return (to, flash) => navigate(to, { state: { flash } });
}
