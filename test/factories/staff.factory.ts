import type { Organisation } from '../../src/organisations/organisation.entity';
import type { NewStaffMember } from '../../src/staff/staff.service';
import type { StaffMember } from '../../src/staff/staff-member.entity';
import type { TestApp } from '../support/create-test-app';
import { World } from '../support/world';

/**
 * @deprecated Use the test world (test/support/world.ts): `new World(t).newPerson()`. Kept only
 * for the browser tests until they move to it; delete it then.
 */
export class StaffFactory {
  private readonly world: World;

  constructor(testApp: TestApp) {
    this.world = new World(testApp);
  }

  create(overrides: Partial<NewStaffMember> = {}): Promise<StaffMember> {
    return this.world.newPerson(overrides);
  }

  createAdmin(overrides: Partial<NewStaffMember> = {}): Promise<StaffMember> {
    return this.world.newAdmin(overrides);
  }

  createOrganisation(overrides: Partial<Organisation> = {}): Promise<Organisation> {
    return this.world.newOrganisation(overrides);
  }
}
