import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Controller, Get, Post, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { RateLimited } from '../../src/auth/rate-limit.guard.js';
import { Public } from '../../src/common/roles.decorator.js';
import { Clock } from '../../src/common/clock.js';
import { TestClock } from '../support/test-clock.js';

@Public()
@Controller('probe')
class ProbeController {
  @Post('interest')
  @RateLimited(2, 60)
  interest() {
    return { ok: true };
  }

  @Get('open')
  open() {
    return { ok: true };
  }
}

describe('the rate limit for routes open without a token', () => {
  let app: INestApplication;
  const clock = new TestClock();

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [ProbeController],
      providers: [{ provide: Clock, useValue: clock }],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });
  afterAll(() => app.close());

  it('answers 429 with Retry-After once an address has used up its calls, until the window has passed', async () => {
    const http = request(app.getHttpServer());
    await http.post('/probe/interest').expect(201);
    await http.post('/probe/interest').expect(201);
    const refused = await http.post('/probe/interest').expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    await http.get('/probe/open').expect(200);
    clock.advance(61_000);
    await http.post('/probe/interest').expect(201);
  });
});
