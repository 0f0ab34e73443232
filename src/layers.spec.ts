import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

/** The boundaries rule's messages for `code` linted as if it were the file at `path`. */
function lint(path: string, code: string): string[] {
  let output: string;
  try {
    output = execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'),
        '--format',
        'json',
        '--stdin',
        '--stdin-filename',
        path,
      ],
      { cwd: ROOT, input: code, encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'] },
    );
  } catch (error) {
    output = (error as { stdout: string }).stdout; // exit 1: problems found
  }
  const [result] = JSON.parse(output) as { messages: { ruleId: string; message: string }[] }[];
  return result.messages
    .filter((m) => m.ruleId === 'boundaries/dependencies')
    .map((m) => m.message);
}

// The layer rule of docs/architecture.md, proven on the real config and the real files.
describe('npm run lint: layers', () => {
  it.each([
    [
      'common',
      'src/common/errors/probe.ts',
      `import { StaffService } from '../../staff/staff.service';`,
    ],
    ['database', 'src/database/probe.ts', `import { Follow } from '../follows/follow.entity';`],
    ['config', 'src/config/probe.ts', `import { createApp } from '../bootstrap';`],
  ])('fails when a base layer (%s) imports a feature or the top', (_, path, code) => {
    expect(lint(path, `${code}\nexport const probe = 1;\n`)).toEqual([
      expect.stringMatching(/^A base layer \(config, common, database\) imports no feature/),
    ]);
  });

  it.each([
    ['a repository', `import { StaffRepository } from '../staff/staff.repository';`],
    ['a resolver', `import { StaffResolver } from '../staff/staff.resolver';`],
    ['a DTO', `import { UpdateMyProfileInput } from '../staff/dto/update-my-profile.input';`],
    ['a derived-state handler', `import { ListingMaintainer } from '../guidance/listing.derived';`],
  ])("fails when a feature reaches into another feature's internals: %s", (_, code) => {
    expect(lint('src/follows/probe.ts', `${code}\nexport const probe = 1;\n`)).toEqual([
      expect.stringMatching(/^That is another feature's internals/),
    ]);
  });

  it('fails when a feature imports the top', () => {
    const code = `import { seedDemoDataIfEmpty } from '../seed/seed-demo-data';\nexport const p = 1;\n`;
    expect(lint('src/follows/probe.ts', code)).toEqual([
      expect.stringMatching(/^A feature imports nothing from the top/),
    ]);
  });

  it('passes what a feature shares, and anything within a feature', () => {
    const code = [
      `import { StaffService } from '../staff/staff.service';`,
      `import { StaffMember } from '../staff/staff-member.entity';`,
      `import { staffIdsChanging } from '../staff/staff.changes';`,
      `import { FollowsRepository } from './follows.repository';`,
      `import { DerivedState } from '../database/derived-state';`,
      `export const probe = [StaffService, StaffMember, staffIdsChanging, FollowsRepository, DerivedState];`,
      '',
    ].join('\n');
    expect(lint('src/follows/probe.ts', code)).toEqual([]);
  });
});
