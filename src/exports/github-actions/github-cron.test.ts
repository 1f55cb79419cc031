import { describe, expect, it } from 'vitest';
import { githubCron } from './github-cron.js';

const WINTER = Date.UTC(2026, 0, 15);
const SUMMER = Date.UTC(2026, 6, 15);

describe('githubCron', () => {
  it('keeps a schedule without a time zone as it is, read as UTC, and says so', () => {
    const result = githubCron('0 2 * * *', undefined, WINTER);
    expect(result).toEqual({ cron: '0 2 * * *', notes: [expect.stringMatching(/timezone is not set: the schedule is read as UTC/)] });
  });

  it('moves a fixed time to UTC with the offset of the day it runs, noting daylight saving time', () => {
    expect(githubCron('30 2 * * *', 'Europe/Madrid', WINTER)).toMatchObject({ cron: '30 1 * * *' });
    const summer = githubCron('30 2 * * *', 'Europe/Madrid', SUMMER);
    expect(summer).toMatchObject({ cron: '30 0 * * *', notes: [expect.stringMatching(/daylight saving time/)] });
    expect(githubCron('0 2 * * *', 'UTC', SUMMER)).toEqual({ cron: '0 2 * * *', notes: [] });
  });

  it('moves days of the week with the time when it crosses midnight', () => {
    expect(githubCron('0 3 * * 1,5', 'Asia/Tokyo', WINTER)).toEqual({ cron: '0 18 * * 0,4', notes: [] });
    expect(githubCron('0 22 * * 0', 'America/Guayaquil', WINTER)).toEqual({ cron: '0 3 * * 1', notes: [] });
  });

  it('drops seconds and expands @-macros, which GitHub does not read', () => {
    expect(githubCron('0 0 2 * * *', 'UTC', WINTER)).toEqual({ cron: '0 2 * * *', notes: [] });
    expect(githubCron('30 0 2 * * *', 'UTC', WINTER)).toMatchObject({ cron: '0 2 * * *', notes: [expect.stringMatching(/seconds field "30" dropped/)] });
    expect(githubCron('@daily', 'UTC', WINTER)).toEqual({ cron: '0 0 * * *', notes: [] });
    expect(githubCron('*/15 * * * *', 'Europe/Madrid', WINTER)).toMatchObject({ cron: '*/15 * * * *' });
  });

  it('refuses what it cannot move to UTC exactly', () => {
    expect(githubCron('0 1 1 * *', 'Asia/Tokyo', WINTER)).toEqual({ error: expect.stringMatching(/changes the day of the month; give a UTC schedule with --backup-cron/) });
    expect(githubCron('0 1-3 * * *', 'Asia/Tokyo', WINTER)).toEqual({ error: expect.stringMatching(/only a fixed minute and hour/) });
    expect(githubCron('0 1 * * 1-5', 'Asia/Tokyo', WINTER)).toEqual({ error: expect.stringMatching(/day-of-week range/) });
    expect(githubCron('0 1 * *', 'UTC', WINTER)).toEqual({ error: '"0 1 * *" is not a 5- or 6-field cron expression' });
  });
});
