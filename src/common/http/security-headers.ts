import type { RequestHandler } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '../../config/app.config';

/** The NHS.UK design system's Frutiger web fonts (nhsuk-frontend's CSS loads them from here). */
const NHS_FONTS = 'https://assets.nhs.uk';
/** MSAL asks Microsoft's instance discovery about any authority it does not know. */
const MICROSOFT_LOGIN = 'https://login.microsoftonline.com';

/**
 * helmet's headers with a Content-Security-Policy the built web client works under: everything
 * from this origin, except MSAL talking to ENTRA_AUTHORITY (discovery and tokens by fetch, and
 * its hidden iframe for silent renewal) and to Microsoft's instance discovery, and the NHS fonts. No page may frame us; HSTS only in
 * production (a development server on http://127.0.0.1 must stay reachable); no Referer leaves.
 */
export function securityHeaders(config: AppConfig): RequestHandler {
  const authority = new URL(config.entra.authority).origin;
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", NHS_FONTS],
        connectSrc: ["'self'", ...new Set([authority, MICROSOFT_LOGIN])],
        frameSrc: [authority],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        ...(config.isProduction ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: config.isProduction
      ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true }
      : false,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
  });
}

/** Production serves no source maps, whatever the web build left in its folder. */
export const refuseSourceMaps: RequestHandler = (req, res, next) => {
  if (req.method === 'GET' && req.path.endsWith('.map')) res.status(404).end();
  else next();
};
