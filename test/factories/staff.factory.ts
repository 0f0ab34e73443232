import { randomUUID } from 'node:crypto';
import { DEV_TENANT_ID } from '../../src/identity/dev/dev-token.service';
import { Organisation } from '../../src/organisations/organisation.entity';
import { NewStaffMember, StaffService } from '../../src/staff/staff.service';
import { StaffMember } from '../../src/staff/staff-member.entity';
import { TransactionRunner } from '../../src/database/transaction-runner';
import type { TestApp } from '../support/create-test-app';

let counter = 0;

/** Makes people (and organisations) through the real services; each test makes its own. */
export class StaffFactory {
  constructor(private readonly testApp: TestApp) {}

  async create(overrides: Partial<NewStaffMember> = {}): Promise<StaffMember> {
    counter += 1;
    const unique = `${counter}-${randomUUID().slice(0, 8)}`;
    return this.testApp.app.get(StaffService).create({
      displayName: `Test Person ${unique}`,
      userName: `test.person.${unique}@example.nhs.uk`,
      tenantId: DEV_TENANT_ID,
      objectId: randomUUID(),
      jobTitle: 'Staff Nurse',
      ...overrides,
    });
  }

  async createAdmin(overrides: Partial<NewStaffMember> = {}): Promise<StaffMember> {
    return this.create({ isCommsAdmin: true, jobTitle: 'Communications Officer', ...overrides });
  }

  async createOrganisation(overrides: Partial<Organisation> = {}): Promise<Organisation> {
    counter += 1;
    return this.testApp.app.get(TransactionRunner).run((tx) =>
      tx.save(
        Organisation,
        tx.create(Organisation, {
          odsCode: `T${counter}${randomUUID().slice(0, 4)}`.slice(0, 10).toUpperCase(),
          name: `Test Trust ${counter}`,
          tenantId: null,
          ...overrides,
        }),
      ),
    );
  }
}
