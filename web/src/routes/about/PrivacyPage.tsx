import { usePageTitle } from '../../app/page/use-page-title';

export function PrivacyPage() {
  usePageTitle('Privacy notice');
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Privacy notice</h1>
        <p className="nhsuk-lede-text">
          What Staff Voices holds about you, who can see it, and how to get a copy or have it
          erased.
        </p>
        <p>
          Your organisation runs Staff Voices and is responsible for your information. Its data
          protection officer can answer any question about it.
        </p>

        <h2>What we hold about you</h2>
        <ul>
          <li>
            from your work Microsoft account when you sign in: your name, your work sign-in name
            (usually your email address) and the ids Microsoft gives you and your organisation
          </li>
          <li>
            from your organisation’s staff records, if it sends them: your job title, organisation,
            and whether you still work there
          </li>
          <li>
            what you add yourself: job title, staff group, site, department or team, pronouns and
            what you say about yourself
          </li>
          <li>
            your social media accounts: the handle and link, what you use each for, and who may see
            it
          </li>
          <li>which version of the social media guidance you accepted, and when</li>
          <li>
            the communities you join (and any role in them), who you follow, and whether you want to
            be suggested to colleagues
          </li>
        </ul>
        <p>
          We do not read or copy your posts. Our logs record that a request happened, never what was
          in it, and never your sign-in token.
        </p>

        <h2>Who can see it</h2>
        <ul>
          <li>
            colleagues who sign in to Staff Voices see your name, job title, where you work, your
            pronouns, what you say about yourself and your communities – once you have accepted your
            organisation’s social media guidance
          </li>
          <li>
            each social media account is seen only by the people you choose: everyone in the NHS
            directory, people in your organisation, or only you
          </li>
          <li>
            your organisation’s communications team sees the same, and manages communities, the
            leaders page and the guidance
          </li>
          <li>
            when you leave and your organisation tells us, you are hidden from everyone at once
          </li>
        </ul>
        <p>You can ask not to be suggested to colleagues as someone to follow, on your profile.</p>

        <h2>Getting a copy, and erasing it</h2>
        <p>
          You can see and change everything you added on <a href="/me">your profile</a>, and remove
          any account there.
        </p>
        <p>
          On <a href="/me/data">your data</a> you can download everything we hold about you, and
          erase your record. When you leave and your organisation tells us, you are hidden at once
          and your record is erased after 90 days (your organisation may set another period).
        </p>
      </div>
    </div>
  );
}
