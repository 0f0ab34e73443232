import { usePageTitle } from '../../app/page/use-page-title';

export function AccessibilityPage() {
  usePageTitle('Accessibility statement');
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Accessibility statement for Staff Voices</h1>
        <p className="nhsuk-lede-text">
          We want as many people as possible to be able to use Staff Voices.
        </p>
        <p>You should be able to:</p>
        <ul>
          <li>use every page with a keyboard alone</li>
          <li>zoom in up to 400% without the text spilling off the screen</li>
          <li>use the service on a phone as narrow as 320 pixels</li>
          <li>get around the service using a screen reader</li>
        </ul>
        <h2>How accessible this service is</h2>
        <p>
          Staff Voices is built with the NHS design system and is tested automatically against the
          Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA on every change.
        </p>
        <h2>Reporting accessibility problems</h2>
        <p>
          If you find a problem, contact your organisation’s communications team or IT service desk
          and tell them the web address of the page and what went wrong.
        </p>
      </div>
    </div>
  );
}
