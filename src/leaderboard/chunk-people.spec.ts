import { ChunkPeople, CHUNK_PEOPLE, nextChunkPeople } from './chunk-people';

describe('nextChunkPeople: a chunk sized by how long its timed step took', () => {
  it('grows at most twice a full chunk that read fast', () => {
    expect(nextChunkPeople(100, 100, 1)).toBe(200);
    expect(nextChunkPeople(400, 400, 1)).toBe(500);
  });

  it('shrinks to what would fit the step after a slow read', () => {
    expect(nextChunkPeople(500, 500, 150)).toBe(50);
    expect(nextChunkPeople(100, 100, 1_000)).toBe(25);
  });

  it('does not grow on a chunk smaller than its size (a short refresh says nothing of more)', () => {
    expect(nextChunkPeople(100, 40, 1)).toBe(100);
    expect(nextChunkPeople(100, 40, 30)).toBe(25);
  });
});

describe('ChunkPeople: a chunk size learned across chunks', () => {
  it('starts at the first chunk and settles where the step takes the budget', () => {
    const people = new ChunkPeople();
    expect(people.size).toBe(CHUNK_PEOPLE.first);
    // a step that costs 0.1 ms a person (a roll's COMMIT at 20,000 staff, quiet): 150 fit 15 ms
    for (let i = 0; i < 10; i++) people.took(people.size, people.size * 0.1);
    expect(people.size).toBe(150);
  });

  it('shrinks at once after a slow step and grows back by at most twice a chunk', () => {
    const people = new ChunkPeople();
    people.took(100, 60); // a 60 ms COMMIT: a quarter would have fitted
    expect(people.size).toBe(25);
    people.took(25, 0.5);
    expect(people.size).toBe(50);
    people.took(50, 1);
    expect(people.size).toBe(100);
  });

  it('keeps its size after the last, short chunk of a list', () => {
    const people = new ChunkPeople();
    people.took(100, 5);
    expect(people.size).toBe(200);
    people.took(7, 0.1); // the list's end: seven left
    expect(people.size).toBe(200);
  });
});
