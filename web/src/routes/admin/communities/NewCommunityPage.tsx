import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Button, Radios, Textarea, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { fieldErrorsFrom } from '../../../app/forms/field-errors';
import { COMMUNITY_KIND_LABELS } from '../../../app/labels/labels';
import { usePageTitle } from '../../../app/page/use-page-title';
import { QueryErrorSummary } from '../../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../../gql';
import type { CommunityKind, CreateCommunityInput } from '../../../gql/graphql';

const NewCommunityPageQuery = graphql(`
  query NewCommunityPage {
    me {
      id
      organisation {
        id
        name
      }
    }
  }
`);

const CreateCommunityMutation = graphql(`
  mutation CreateCommunity($input: CreateCommunityInput!) {
    createCommunity(input: $input) {
      community {
        id
        slug
        name
      }
    }
  }
`);

const KIND_HINTS: Record<CommunityKind, string> = {
  HASHTAG: 'People post under a hashtag, such as #hellomynameis',
  NETWORK: 'A professional network with its own chats, such as WeNurses',
  ACCOUNT: 'An account people follow and share, such as NHSMillion',
};

export function NewCommunityPage() {
  const { data } = useQuery(NewCommunityPageQuery);
  const [create, { loading, error }] = useMutation(CreateCommunityMutation, {
    refetchQueries: ['AdminCommunitiesPage', 'CommunitiesPage'],
  });
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const navigate = useNavigate();
  const fieldErrors = { ...fieldErrorsFrom(error), ...localErrors };
  const problems = Object.entries(fieldErrors).map(([field, message]) => ({ field, message }));
  usePageTitle('Create a community', problems.length > 0 || !!error);
  const organisation = data?.me.organisation;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const missing: Record<string, string> = {};
    if (!text('name')) missing.name = 'Enter the community’s name';
    if (!text('kind')) missing.kind = 'Select what kind of community it is';
    setLocalErrors(missing);
    if (Object.keys(missing).length > 0) return;
    const input: CreateCommunityInput = {
      name: text('name'),
      kind: text('kind') as CommunityKind,
      hashtag: text('hashtag') || null,
      description: text('description') || null,
      scope: text('scope') === 'ORGANISATION' ? 'ORGANISATION' : 'NHS_WIDE',
      organisationId: text('scope') === 'ORGANISATION' ? (organisation?.id ?? null) : null,
      links:
        text('linkUrl') !== ''
          ? [{ label: text('linkLabel') || text('name'), url: text('linkUrl') }]
          : [],
    };
    try {
      const { data: created } = await create({ variables: { input } });
      const community = created?.createCommunity.community;
      navigate(community ? `/communities/${community.slug}` : '/admin/communities', {
        state: { flash: `${community?.name ?? 'The community'} has been created` },
      });
    } catch {
      // shown in the error summary and beside the field
    }
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink asElement={Link} to="/admin/communities">
          Manage communities
        </BackLink>
        {problems.length > 0 ? (
          <QueryErrorSummary problems={problems} fieldIds={{ 'links.0.url': 'linkUrl' }} />
        ) : error ? (
          <QueryErrorSummary error={error} />
        ) : null}
        <h1>Create a community</h1>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <TextInput id="name" name="name" label="Name" error={fieldErrors.name} />
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
            error={fieldErrors.hashtag}
            width={20}
          />
          <Textarea
            id="description"
            name="description"
            label="Description (optional)"
            error={fieldErrors.description}
            rows={4}
          />
          <Radios id="scope" name="scope" legend="Who can join?" error={fieldErrors.scope}>
            <Radios.Item id="scope" value="NHS_WIDE" defaultChecked>
              All NHS staff
            </Radios.Item>
            {organisation ? (
              <Radios.Item id="scope-organisation" value="ORGANISATION">
                Only staff of {organisation.name}
              </Radios.Item>
            ) : null}
          </Radios>
          <TextInput
            id="linkLabel"
            name="linkLabel"
            label="Link text (optional)"
            hint="For example, WeNurses website"
          />
          <TextInput
            id="linkUrl"
            name="linkUrl"
            label="Link address (optional)"
            type="url"
            error={fieldErrors['links.0.url'] ?? fieldErrors.links}
          />
          <Button type="submit" disabled={loading}>
            Create community
          </Button>
        </form>
      </div>
    </div>
  );
}
