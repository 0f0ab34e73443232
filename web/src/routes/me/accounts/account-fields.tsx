import { Radios, TextInput } from 'nhsuk-react-components';
import { PURPOSE_LABELS, VISIBILITY_LABELS } from '../../../app/labels/labels';
import type { AccountPurpose, AccountVisibility } from '../../../gql/graphql';

const VISIBILITY_HINTS: Record<AccountVisibility, string> = {
  NHS_DIRECTORY: 'Anyone who signs in to Staff Voices, in any NHS organisation',
  ORGANISATION: 'Only colleagues in your organisation',
  ONLY_ME: 'Nobody else: keep it here for your own records',
};

export function PurposeRadios({ value, error }: { value?: AccountPurpose; error?: string }) {
  return (
    <Radios id="purpose" name="purpose" legend="What do you use it for?" error={error} inline>
      {(Object.keys(PURPOSE_LABELS) as AccountPurpose[]).map((purpose) => (
        <Radios.Item
          key={purpose}
          id={purpose === 'PROFESSIONAL' ? 'purpose' : `purpose-${purpose.toLowerCase()}`}
          value={purpose}
          defaultChecked={(value ?? 'PROFESSIONAL') === purpose}
        >
          {PURPOSE_LABELS[purpose]}
        </Radios.Item>
      ))}
    </Radios>
  );
}

export function VisibilityRadios({ value, error }: { value?: AccountVisibility; error?: string }) {
  return (
    <Radios id="visibility" name="visibility" legend="Who can see it?" error={error}>
      {(Object.keys(VISIBILITY_LABELS) as AccountVisibility[]).map((visibility) => (
        <Radios.Item
          key={visibility}
          id={
            visibility === 'NHS_DIRECTORY' ? 'visibility' : `visibility-${visibility.toLowerCase()}`
          }
          value={visibility}
          hint={VISIBILITY_HINTS[visibility]}
          defaultChecked={(value ?? 'NHS_DIRECTORY') === visibility}
        >
          {VISIBILITY_LABELS[visibility]}
        </Radios.Item>
      ))}
    </Radios>
  );
}

/** The handle box; HandlePreview (id handle-preview) sits right after it and describes it. */
export function HandleInput({
  label,
  hint,
  value,
  onChange,
  error,
}: {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  return (
    <TextInput
      id="handle"
      name="handle"
      label={label}
      hint={hint}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      aria-describedby="handle-preview"
      autoComplete="off"
      autoCapitalize="none"
      spellCheck={false}
    />
  );
}
