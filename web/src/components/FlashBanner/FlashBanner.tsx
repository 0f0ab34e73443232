import { NotificationBanner } from 'nhsuk-react-components';
import { useLocation } from 'react-router';

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
