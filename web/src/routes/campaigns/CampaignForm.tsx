import { Button, DateInput, TextInput } from 'nhsuk-react-components';
import { type FormEvent, type ReactNode, useState } from 'react';
import {
  fieldErrorsFrom,
  missingMessage,
  type SentValues,
  textProblem,
} from '../../app/errors/error-messages';
import { usePageTitle } from '../../app/page/use-page-title';
import { QueryErrorSummary } from '../../components/QueryErrorSummary/QueryErrorSummary';
import { dayFromParts } from './campaign-dates';

// the error summary links to the first box of a date
const FIELD_IDS = { startsOn: 'startsOn-day', endsOn: 'endsOn-day', nhsWide: 'nhsWide' };
const HASHTAG = /^#?[\p{L}\p{N}_]+$/u;

export interface CampaignDetails {
  name: string;
  hashtag: string;
  startsOn: string;
  endsOn: string;
}

const dateParts = (day?: string) => {
  if (!day) return undefined;
  const [year, month, date] = day.split('-');
  return { day: String(Number(date)), month: String(Number(month)), year };
};

/**
 * A campaign's name, hashtag and dates, checked here as the server checks them, with the NHS
 * error summary above the page's heading (and "Error:" in the page title while there are
 * problems). `children` are further fields (who can take part).
 */
export function CampaignForm({
  title,
  heading,
  initial,
  submitLabel,
  loading,
  error,
  onSubmit,
  children,
}: {
  title: string;
  heading: ReactNode;
  initial?: CampaignDetails;
  submitLabel: string;
  loading: boolean;
  error?: unknown;
  onSubmit: (details: CampaignDetails, form: FormData) => SentValues | void;
  children?: ReactNode;
}) {
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [sent, setSent] = useState<SentValues>({});
  const fieldErrors = { ...fieldErrorsFrom(error, sent), ...localErrors };
  const problems = Object.entries(fieldErrors).map(([field, message]) => ({ field, message }));
  usePageTitle(title, problems.length > 0 || !!error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const local: Record<string, string> = {};
    const name = text('name');
    if (name === '') local.name = missingMessage('campaignName');
    else {
      const problem = textProblem('name', name);
      if (problem) local.name = problem;
    }
    const hashtag = text('hashtag');
    if (hashtag === '') local.hashtag = missingMessage('campaignHashtag');
    else if (!HASHTAG.test(hashtag)) {
      local.hashtag =
        'Enter a hashtag of one word: letters, digits or underscores, like #NHSSocialMediaWeek';
    }
    const day = (field: 'startsOn' | 'endsOn') => {
      const parts = ['day', 'month', 'year'].map((p) => text(`${field}-${p}`));
      if (parts.every((p) => p === '')) {
        local[field] = missingMessage(field);
        return null;
      }
      const found = dayFromParts(parts[0], parts[1], parts[2]);
      if (!found) local[field] = 'Enter a real date, like 15 3 2027';
      return found;
    };
    const startsOn = day('startsOn');
    const endsOn = day('endsOn');
    if (startsOn && endsOn && endsOn < startsOn) {
      local.endsOn = 'The campaign must end on or after the day it starts';
    }
    setLocalErrors(local);
    if (Object.keys(local).length > 0 || !startsOn || !endsOn) return;
    const details = { name, hashtag, startsOn, endsOn };
    setSent(onSubmit(details, form) ?? details);
  };

  return (
    <>
      {problems.length > 0 ? (
        <QueryErrorSummary problems={problems} fieldIds={FIELD_IDS} />
      ) : error ? (
        <QueryErrorSummary error={error} values={sent} fieldIds={FIELD_IDS} />
      ) : null}
      {heading}
      <form onSubmit={submit} noValidate>
        <TextInput
          id="name"
          name="name"
          label="Name"
          error={fieldErrors.name}
          dir="auto"
          defaultValue={initial?.name}
        />
        <TextInput
          id="hashtag"
          name="hashtag"
          label="Hashtag"
          hint="One word, such as #NHSSocialMediaWeek"
          error={fieldErrors.hashtag}
          width={20}
          defaultValue={initial?.hashtag}
        />
        <DateInput
          id="startsOn"
          name="startsOn"
          legend="First day"
          hint="For example, 15 3 2027"
          error={fieldErrors.startsOn}
          defaultValue={dateParts(initial?.startsOn)}
        />
        <DateInput
          id="endsOn"
          name="endsOn"
          legend="Last day"
          hint="The campaign includes this day. For example, 21 3 2027"
          error={fieldErrors.endsOn}
          defaultValue={dateParts(initial?.endsOn)}
        />
        {children}
        <Button type="submit" aria-disabled={loading || undefined}>
          {submitLabel}
        </Button>
      </form>
    </>
  );
}
