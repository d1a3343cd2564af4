import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { DATABASES, startTestApp, type TestApp } from '../support/test-app.js';

describe.each(DATABASES)('an acknowledged change is never lost (%s)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ database, durable: true });
  });
  afterAll(() => t.close());

  it('has every commit reach the disk before the answer goes out', async () => {
    const dataSource = t.app.get(DataSource);
    if (database === 'sqlite') {
      const [{ synchronous }] = await dataSource.query<{ synchronous: number }[]>('PRAGMA synchronous');
      expect(synchronous).toBe(2); // FULL
    } else {
      const [{ synchronous_commit }] = await dataSource.query<
        {
          synchronous_commit: string;
        }[]
      >('SHOW synchronous_commit');
      expect(synchronous_commit).toBe('on');
    }
  });
});
