import { Button, Radios, Textarea, TextInput } from 'nhsuk-react-components';
import { type FormEvent, type ReactNode, useState } from 'react';
import {
  fieldErrorsFrom,
  missingMessage,
  type SentValues,
  textProblem,
} from '../../../app/errors/error-messages';
import { COMMUNITY_KIND_LABELS } from '../../../app/labels/labels';
import { usePageTitle } from '../../../app/page/use-page-title';
import { QueryErrorSummary } from '../../../components/QueryErrorSummary/QueryErrorSummary';
import type { CommunityKind, CommunityScope } from '../../../gql/graphql';

const KIND_HINTS: Record<CommunityKind, string> = {
  HASHTAG: 'People post under a hashtag, such as #hellomynameis',
  NETWORK: 'A professional network with its own chats, such as WeNurses',
  ACCOUNT: 'An account people follow and share, such as NHSMillion',
};

export interface CommunityFields {
  name: string;
  kind: CommunityKind;
  scope: CommunityScope;
  organisationId: string | null;
  hashtag: string | null;
  description: string | null;
  links: { label: string; url: string }[];
}

interface CommunityFormProps {
  /** The page's heading, shown below any error summary. */
  title: ReactNode;
  /** The page's title (marked "Error:" while a problem shows). */
  pageTitle: string;
  initial?: Partial<CommunityFields>;
  /** The admin's own organisation, which an organisation-only community belongs to. */
  organisation: { id: string; name: string } | null;
  submitLabel: string;
  busy: boolean;
  error?: unknown;
  onSubmit: (fields: CommunityFields) => void;
}

/** The fields of a community, for creating one or changing it. */
export function CommunityForm({
  title,
  pageTitle,
  initial = {},
  organisation,
  submitLabel,
  busy,
  error,
  onSubmit,
}: CommunityFormProps) {
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [sent, setSent] = useState<SentValues>({});
  const fieldErrors = { ...fieldErrorsFrom(error, sent), ...localErrors };
  const problems = Object.entries(fieldErrors).map(([field, message]) => ({ field, message }));
  usePageTitle(pageTitle, problems.length > 0 || !!error);
  const link = initial.links?.[0];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const local: Record<string, string> = {};
    for (const field of ['name', 'description']) {
      const problem = textProblem(field, text(field));
      if (problem) local[field] = problem;
    }
    if (!text('kind')) local.kind = missingMessage('kind');
    setLocalErrors(local);
    if (Object.keys(local).length > 0) return;
    const scope: CommunityScope = text('scope') === 'ORGANISATION' ? 'ORGANISATION' : 'NHS_WIDE';
    const fields: CommunityFields = {
      name: text('name'),
      kind: text('kind') as CommunityKind,
      scope,
      organisationId: scope === 'ORGANISATION' ? (organisation?.id ?? null) : null,
      hashtag: text('hashtag') || null,
      description: text('description') || null,
      links:
        text('linkUrl') !== ''
          ? [{ label: text('linkLabel') || text('name'), url: text('linkUrl') }]
          : [],
    };
    setSent(fields as unknown as SentValues);
    onSubmit(fields);
  };

  return (
    <>
      {problems.length > 0 ? (
        <QueryErrorSummary
          problems={problems}
          fieldIds={{ 'links.0.url': 'linkUrl', 'links.0.label': 'linkLabel', links: 'linkUrl' }}
        />
      ) : error ? (
        <QueryErrorSummary error={error} values={sent} />
      ) : null}
      <h1>{title}</h1>
      <form onSubmit={submit} noValidate>
        <TextInput
          id="name"
          name="name"
          label="Name"
          defaultValue={initial.name ?? ''}
          error={fieldErrors.name}
          dir="auto"
        />
        <Radios
          id="kind"
          name="kind"
          legend="What kind of community is it?"
          error={fieldErrors.kind}
        >
          {(Object.keys(COMMUNITY_KIND_LABELS) as CommunityKind[]).map((kind, index) => (
            <Radios.Item
              key={kind}
              id={index === 0 ? 'kind' : `kind-${kind.toLowerCase()}`}
              value={kind}
              hint={KIND_HINTS[kind]}
              defaultChecked={initial.kind === kind}
            >
              {COMMUNITY_KIND_LABELS[kind]}
            </Radios.Item>
          ))}
        </Radios>
        <TextInput
          id="hashtag"
          name="hashtag"
          label="Hashtag (optional)"
          hint="For example, #WeNurses"
          defaultValue={initial.hashtag ?? ''}
          error={fieldErrors.hashtag}
          width={20}
        />
        <Textarea
          id="description"
          name="description"
          label="Description (optional)"
          defaultValue={initial.description ?? ''}
          error={fieldErrors.description}
          rows={4}
          dir="auto"
        />
        <Radios id="scope" name="scope" legend="Who can join?" error={fieldErrors.scope}>
          <Radios.Item
            id="scope"
            value="NHS_WIDE"
            defaultChecked={initial.scope !== 'ORGANISATION'}
          >
            All NHS staff
          </Radios.Item>
          {organisation ? (
            <Radios.Item
              id="scope-organisation"
              value="ORGANISATION"
              defaultChecked={initial.scope === 'ORGANISATION'}
            >
              Only staff of {organisation.name}
            </Radios.Item>
          ) : null}
        </Radios>
        <TextInput
          id="linkLabel"
          name="linkLabel"
          label="Link text (optional)"
          hint="For example, WeNurses website"
          defaultValue={link?.label ?? ''}
          error={fieldErrors['links.0.label']}
        />
        <TextInput
          id="linkUrl"
          name="linkUrl"
          label="Link address (optional)"
          type="url"
          defaultValue={link?.url ?? ''}
          error={fieldErrors['links.0.url'] ?? fieldErrors.links}
        />
        <Button type="submit" aria-disabled={busy || undefined}>
          {submitLabel}
        </Button>
      </form>
    </>
  );
}
