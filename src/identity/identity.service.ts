import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { UnauthenticatedError } from '../common/errors/domain-error';
import { TransactionRunner } from '../database/transaction-runner';
import { StaffMember } from '../staff/staff-member.entity';
import { StaffService } from '../staff/staff.service';
import { AuthenticatedUser, COMMS_ADMIN_ROLE, IdentityClaims } from './authenticated-user';

/** Turns verified token claims into the person making the request, creating them on first sign-in. */
@Injectable()
export class IdentityService {
  constructor(
    @InjectRepository(StaffMember) private readonly staffMembers: Repository<StaffMember>,
    private readonly staff: StaffService,
    private readonly transactions: TransactionRunner,
  ) {}

  async signIn(claims: IdentityClaims): Promise<AuthenticatedUser> {
    const roles = Array.isArray(claims.roles)
      ? claims.roles.filter((r) => typeof r === 'string')
      : [];
    const isCommsAdmin = roles.includes(COMMS_ADMIN_ROLE);
    const tenantId = claims.tid.toLowerCase();
    const displayName = (claims.name ?? '').trim() || 'NHS colleague';
    const userName = (claims.preferred_username ?? claims.upn ?? '').trim().toLowerCase() || null;

    let person = await this.staffMembers.findOneBy({ tenantId, objectId: claims.oid });
    if (person && !person.active)
      throw new UnauthenticatedError('This account has been deactivated');
    if (!person) {
      person = await this.staff.create({
        tenantId,
        objectId: claims.oid,
        displayName,
        userName,
        isCommsAdmin,
      });
    } else if (person.isCommsAdmin !== isCommsAdmin || (userName && person.userName !== userName)) {
      const changes = { isCommsAdmin, ...(userName ? { userName } : {}) };
      await this.transactions.run((tx) => tx.update(StaffMember, { id: person!.id }, changes));
      Object.assign(person, changes);
    }
    return { staff: person, roles, isCommsAdmin };
  }
}
