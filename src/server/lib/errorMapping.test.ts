import { describe, expect, it } from 'vitest';
import { mapError } from './errorMapping';

describe('mapError for a database that is down', () => {
  it('answers 503 with a Vietnamese message when the server refuses, cuts or is restarting, wrapped or not', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const shuttingDown = Object.assign(new Error('the database system is shutting down'), { code: '57P03' });
    const cut = new Error('Connection terminated unexpectedly');
    const wrapped = Object.assign(new Error('Failed query: select 1'), { cause: shuttingDown });
    for (const error of [refused, shuttingDown, cut, wrapped]) {
      const { status, body } = mapError(error);
      expect(status).toBe(503);
      expect(body.code).toBe('DATABASE_UNAVAILABLE');
      expect(body.message).toBe('Cơ sở dữ liệu tạm thời không truy cập được. Vui lòng thử lại sau ít phút');
    }
  });

  it('still answers 500 for other unexpected errors', () => {
    expect(mapError(new Error('boom')).status).toBe(500);
  });
});
