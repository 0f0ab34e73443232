import { Tag } from 'nhsuk-react-components';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { type FragmentType, getFragmentData, graphql } from '../../gql';
import { Avatar } from '../Avatar/Avatar';
import { PlatformLinks } from '../PlatformLinks/PlatformLinks';

export const StaffCard_staff = graphql(`
  fragment StaffCard_staff on StaffMember {
    id
    displayName
    jobTitle
    pronouns
    followsViewer
    organisation {
      id
      name
    }
    department {
      id
      name
    }
    accounts {
      id
      ...PlatformLinks_accounts
    }
  }
`);

interface StaffCardProps {
  staff: FragmentType<typeof StaffCard_staff>;
  /** Heading level of the name inside a list (h2 on a results page, h3 under a section). */
  headingLevel?: 'h2' | 'h3';
  /** Extra actions (a follow button) or notes (a suggestion's reasons). */
  children?: ReactNode;
}

/** One person in a list: name (to their profile), role, where they work, and their accounts. */
export function StaffCard({ staff: ref, headingLevel: Heading = 'h2', children }: StaffCardProps) {
  const staff = getFragmentData(StaffCard_staff, ref);
  const where = [staff.department?.name, staff.organisation?.name].filter(Boolean).join(', ');
  return (
    <div className="app-staff-card">
      <Avatar id={staff.id} name={staff.displayName} />
      <div className="app-staff-card__body">
        <Heading className="app-staff-card__name nhsuk-heading-s">
          <Link to={`/people/${staff.id}`} dir="auto">
            {staff.displayName}
          </Link>
          {staff.pronouns ? (
            <span className="app-staff-card__pronouns" dir="auto">
              {' '}
              ({staff.pronouns})
            </span>
          ) : null}
        </Heading>
        {staff.jobTitle ? (
          <p className="app-staff-card__job" dir="auto">
            {staff.jobTitle}
          </p>
        ) : null}
        {where ? <p className="app-staff-card__where">{where}</p> : null}
        {staff.followsViewer ? (
          <p className="app-staff-card__tags">
            <Tag modifier="grey">Follows you</Tag>
          </p>
        ) : null}
        <PlatformLinks accounts={staff.accounts} />
        {children}
      </div>
    </div>
  );
}
