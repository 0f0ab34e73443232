import type { EntityManager } from 'typeorm';
import { Erasure, PersonalData } from './personal-data';

const tx = {} as EntityManager;
const erasure: Erasure = {
  staffId: 7,
  anonymousReference: 'erased:x',
  cause: 'request',
  at: new Date(),
};

describe('PersonalData', () => {
  it('erases every dependent before the record, and exports the record first', async () => {
    const registry = new PersonalData();
    const order: string[] = [];
    const holder = (owner: string, stage?: 'record') => ({
      owner,
      tables: [owner],
      section: owner,
      stage,
      export: async () => owner,
      erase: async () => void order.push(owner),
    });
    registry.register(holder('a'));
    registry.register(holder('staff', 'record'));
    registry.register(holder('b'));
    await registry.erase(tx, erasure);
    expect(order).toEqual(['a', 'b', 'staff']);
    expect(Object.keys(await registry.exportOf(tx, 7))).toEqual(['staff', 'a', 'b']);
  });

  it('refuses a table claimed twice, a section exported twice, and a section with no export', () => {
    const registry = new PersonalData();
    const erase = async () => {};
    registry.register({ owner: 'a', tables: ['t'], erase });
    expect(() => registry.register({ owner: 'b', tables: ['t'], erase })).toThrow(/claimed/);
    expect(() => registry.impersonal('b', ['t'])).toThrow(/claimed/);
    registry.register({ owner: 'c', tables: ['u'], section: 's', export: async () => 1, erase });
    expect(() =>
      registry.register({ owner: 'd', tables: ['v'], section: 's', export: async () => 1, erase }),
    ).toThrow(/section s/);
    expect(() => registry.register({ owner: 'e', tables: ['w'], section: 'z', erase })).toThrow(
      /exports nothing/,
    );
  });

  it('accounts for registered and impersonal tables', () => {
    const registry = new PersonalData();
    registry.register({ owner: 'a', tables: ['people'], erase: async () => {} });
    registry.impersonal('b', ['places']);
    expect(Object.fromEntries(registry.tables())).toEqual({
      people: { owner: 'a', personal: true },
      places: { owner: 'b', personal: false },
      migrations: { owner: 'database', personal: false },
      deferred_work: { owner: 'database', personal: false },
    });
  });

  it('runs each holder’s housekeeping in a transaction of its own and adds up what it removed', async () => {
    const registry = new PersonalData();
    registry.register({ owner: 'a', tables: ['x'], erase: async () => {}, sweep: async () => 2 });
    registry.register({ owner: 'b', tables: ['y'], erase: async () => {} });
    registry.register({ owner: 'c', tables: ['z'], erase: async () => {}, sweep: async () => 3 });
    let transactions = 0;
    const run = <T>(work: (m: EntityManager) => Promise<T>) => {
      transactions += 1;
      return work(tx);
    };
    expect(await registry.sweep(run, new Date())).toBe(5);
    expect(transactions).toBe(2);
  });
});
