import { useEffect } from 'react';

export const SERVICE_NAME = 'Staff Voices';

/** Every page names itself first, then the service: "My profile – Staff Voices – NHS". */
export function usePageTitle(title: string, hasError = false): void {
  useEffect(() => {
    document.title = `${hasError ? 'Error: ' : ''}${title} – ${SERVICE_NAME} – NHS`;
  }, [title, hasError]);
}
