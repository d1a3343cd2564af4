import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { registerSupporter, send, stepsTo } from '../support/case-steps.js';
import { aJudgment } from '../support/judgment-builder.js';
import {
  ADDRESSES,
  CASEWORKER,
  PERSONNUMMER_SHAPE,
  UNIT,
  generateLetters,
  prepareLetterhead,
  renderFirstPage,
  type GeneratedLetter,
} from '../support/letter-support.js';
import { DATABASES, startTestApp, type TestApp } from '../support/test-app.js';

const DIARY_NUMBER = 'SN 2026/0042';

describe.each(['sqlite'] as const)('letters a unit can send (%s)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ database });
    t.clock.setNow('2026-11-16T12:00:00+01:00');
  });
  afterAll(() => t.close());

  const register = async (overrides: Record<string, unknown> = {}) => {
    const body = aJudgment({
      children: [
        { name: 'Alva Ödman', personnummer: aJudgment().children[0].personnummer },
        { name: 'Nils Ödman', personnummer: aJudgment().children[0].personnummer },
      ],
      ...overrides,
    });
    const judgment = {
      ...body,
      residentParent: { ...body.residentParent, name: 'Maria Ödman', address: ADDRESSES.resident },
      visitingParent: { ...body.visitingParent, name: 'Johan Lind', address: ADDRESSES.visiting },
    };
    const res = await t.http.post('/cases').send(judgment).expect(201);
    return { caseId: res.body.id as string, judgment };
  };

  const caseIn = async (target: string, overrides: Record<string, unknown> = {}) => {
    const registered = await register(overrides);
    // Each supporter takes one assignment (capacity 1).
    const supporterId = await registerSupporter(t);
    for (const event of stepsTo(target, supporterId)) await send(t, registered.caseId, event);
    return registered;
  };

  const personnummerOf = (judgment: Awaited<ReturnType<typeof register>>['judgment']) => [
    ...judgment.children.map((c) => c.personnummer),
    judgment.residentParent.personnummer,
    judgment.visitingParent.personnummer,
  ];

  /** What every letter carries, and what none of them may. */
  function expectEveryLetterCarries(
    letter: GeneratedLetter,
    judgment: Awaited<ReturnType<typeof register>>['judgment'],
  ) {
    expect(letter.text).toContain(DIARY_NUMBER);
    expect(letter.text).toContain(judgment.courtCaseNumber);
    expect(letter.text).toContain(UNIT.municipality);
    expect(letter.text).toContain(UNIT.committee);
    expect(letter.text).toContain(UNIT.unitName);
    expect(letter.text).toContain(CASEWORKER.name);
    expect(letter.text).toContain(`Direkt telefon: ${CASEWORKER.phone}`);
    expect(letter.text).toMatch(/Sida 1 av \d/);
    expect(letter.text).not.toMatch(PERSONNUMMER_SHAPE);
    for (const number of personnummerOf(judgment))
      expect(letter.text.replace(/\D/g, '')).not.toContain(number.slice(2));
  }

  const forParent = (letters: GeneratedLetter[], name: string) => letters.find((l) => l.recipients[0] === name)!;

  describe('before the unit is set up', () => {
    it('refuses to write a letter with 422 naming the unit details that are missing', async () => {
      const { caseId } = await caseIn('supporterAppointed');
      const res = await t.http
        .post(`/cases/${caseId}/documents/letters`)
        .send({ kind: 'supporterDecision' })
        .expect(422);
      expect(res.body.rule).toBe('unitDetailsComplete');
      expect(res.body.message).toContain('municipality');
      expect(res.body.message).toContain('phoneHours');
      await t.as('administrator').put('/unit').send({ municipality: UNIT.municipality }).expect(200);
      const partly = await t.http
        .post(`/cases/${caseId}/documents/letters`)
        .send({ kind: 'supporterDecision' })
        .expect(422);
      expect(partly.body.message).not.toContain('municipality');
      expect((await t.http.get(`/cases/${caseId}/documents`).expect(200)).body.total).toBe(0);
    });

    it('refuses while the responsible secretary has no staff profile, naming it', async () => {
      await t.as('administrator').put('/unit').send(UNIT).expect(200);
      const { caseId } = await caseIn('supporterAppointed');
      const res = await t.http
        .post(`/cases/${caseId}/documents/letters`)
        .send({ kind: 'supporterDecision' })
        .expect(422);
      expect(res.body).toMatchObject({ rule: 'caseworkerProfile', field: 'responsibleSecretaryId' });
    });
  });

  describe('once the unit and the caseworker are set up', () => {
    beforeAll(() => prepareLetterhead(t));

    it('shows the unit details and the caseworker profile to those who keep them', async () => {
      expect((await t.http.get('/unit').expect(200)).body).toEqual(UNIT);
      expect((await t.http.get('/staff/me').expect(200)).body).toEqual({ subject: 'test-secretary', ...CASEWORKER });
      await t.http.put('/unit').send(UNIT).expect(403);
      const bad = await t.as('administrator').put('/unit').send({ phone: 'ring oss', email: 'nej' }).expect(400);
      expect(bad.body.message).toEqual(
        expect.arrayContaining([expect.stringContaining('phone'), expect.stringContaining('email')]),
      );
    });

    it('writes the decision to the supporter and to each parent, with legal basis and appeal information', async () => {
      const { caseId, judgment } = await caseIn('supporterAppointed');
      const letters = await generateLetters(t, caseId, { kind: 'supporterDecision' });
      expect(letters.map((l) => l.recipients)).toEqual([['Karin Lund'], ['Maria Ödman'], ['Johan Lind']]);
      for (const letter of letters) {
        expectEveryLetterCarries(letter, judgment);
        expect(letter.text).toContain('6 kap. 15 c § föräldrabalken');
        expect(letter.text).toContain('Information om överklagande');
        expect(letter.text).toContain('kan inte överklagas');
        expect(letter.text).toContain('Alva och Nils Ödman');
        expect(letter.text).toContain('det är tydligt att barnet inte mår bra');
      }
      const maria = forParent(letters, 'Maria Ödman');
      expect(maria.text).toContain('Kungsgatan 12');
      expect(maria.text).toContain('753 21 UPPSALA');
      expect(maria.text).not.toContain('Sysslomansgatan');
      const johan = forParent(letters, 'Johan Lind');
      expect(johan.text).toContain('c/o Lind');
      expect(johan.text).toContain('Sysslomansgatan 4');
      expect(johan.text).not.toContain('Kungsgatan');
      expect(johan.text).toContain('vända dig till tingsrätten');
      const supporter = forParent(letters, 'Karin Lund');
      expect(supporter.text).not.toContain('missnöjd med valet');
      expect(supporter.text).not.toContain('Kungsgatan');
      expect(supporter.text).not.toContain('Sysslomansgatan');
      expect(existsSync(renderFirstPage(maria.pdf, `${database}-beslut-boendeforalder`))).toBe(true);
      expect(existsSync(renderFirstPage(supporter.pdf, `${database}-beslut-umgangesstodsperson`))).toBe(true);
    });

    it('summons each parent separately with their own individual meeting, and the supporter', async () => {
      const { caseId, judgment } = await caseIn('startupMeeting');
      const letters = await generateLetters(t, caseId, {
        kind: 'summons',
        place: 'Familjerätten, Stationsgatan 12',
        residentParentMeetingAt: '2026-11-20T09:00:00+01:00',
        visitingParentMeetingAt: '2026-11-20T10:30:00+01:00',
      });
      expect(letters.map((l) => l.recipients[0])).toEqual(['Maria Ödman', 'Johan Lind', 'Karin Lund']);
      for (const letter of letters) {
        expectEveryLetterCarries(letter, judgment);
        expect(letter.text).toContain('torsdagen den 12 november 2026 kl. 13.00');
        expect(letter.text).toContain('Familjerätten, Stationsgatan 12');
      }
      const [maria, johan, supporter] = letters;
      expect(maria.text).toContain('Kungsgatan 12');
      expect(maria.text).toContain('fredagen den 20 november 2026 kl. 09.00');
      expect(maria.text).not.toContain('kl. 10.30');
      expect(maria.text).not.toContain('Sysslomansgatan');
      expect(johan.text).toContain('Sysslomansgatan 4');
      expect(johan.text).toContain('fredagen den 20 november 2026 kl. 10.30');
      expect(johan.text).not.toContain('kl. 09.00');
      expect(johan.text).not.toContain('Kungsgatan');
      expect(supporter.text).not.toMatch(/kl\. (09\.00|10\.30)/);
      renderFirstPage(johan.pdf, `${database}-kallelse-umgangesforalder`);
      renderFirstPage(supporter.pdf, `${database}-kallelse-umgangesstodsperson`);
    });

    it('refuses a parent letter with 422 while that parent has no address, and writes it once the secretary adds one', async () => {
      const body = aJudgment();
      const caseId = (await t.http.post('/cases').send(body).expect(201)).body.id as string;
      for (const event of stepsTo('supporterAppointed', await registerSupporter(t))) await send(t, caseId, event);
      const res = await t.http
        .post(`/cases/${caseId}/documents/letters`)
        .send({ kind: 'supporterDecision' })
        .expect(422);
      expect(res.body).toMatchObject({ rule: 'recipientAddress', field: 'address' });
      const parties = (await t.http.get(`/cases/${caseId}/parties`).expect(200)).body.items as {
        id: string;
        role: string;
      }[];
      for (const party of parties.filter((p) => p.role !== 'child')) {
        await t.http.put(`/cases/${caseId}/parties/${party.id}`).send({ address: ADDRESSES.resident }).expect(200);
      }
      await t.http
        .put(`/cases/${caseId}/parties/${parties[0].id}`)
        .send({ address: { street: '', postalCode: '12', city: 'X' } })
        .expect(400);
      await generateLetters(t, caseId, { kind: 'supporterDecision' });
    });

    it('writes the evaluation with the period as it ran, every supporter who served, each kind of visit and the follow-up notes', async () => {
      const { caseId, judgment } = await caseIn('activeVisits', { evaluationRequested: true });
      t.clock.setNow('2027-01-20T12:00:00+01:00');
      const second = await registerSupporter(t, 'Per Holm');
      const visit = (occurredAt: string, outcome: string, extra: Record<string, unknown> = {}) =>
        send(t, caseId, { type: 'LOG_VISIT', occurredAt, durationMinutes: 90, outcome, ...extra });
      await visit('2026-11-28T10:00:00+01:00', 'completed');
      await visit('2026-12-05T10:00:00+01:00', 'stopped', { stopReason: 'childUnwell' });
      await visit('2026-12-12T10:00:00+01:00', 'cancelled', { cancelledBy: 'residentParent' });
      await send(t, caseId, {
        type: 'REPLACE_SUPPORTER',
        supporterId: second,
        decidedAt: '2026-12-15T10:00:00+01:00',
        reason: 'Karin Lund har flyttat',
      });
      await visit('2026-12-19T10:00:00+01:00', 'cancelled', { cancelledBy: 'visitingParent' });
      await visit('2027-01-09T10:00:00+01:00', 'noShow', { cancelledBy: 'visitingParent' });
      await send(t, caseId, {
        type: 'END_EARLY',
        reasonCategory: 'other',
        reason: 'Föräldrarna klarar umgänget själva',
      });
      await send(t, caseId, {
        type: 'HOLD_CLOSING_MEETING',
        heldAt: '2027-01-20T10:00:00+01:00',
        notes: 'Båda föräldrarna var nöjda med hur umgänget hade gått.',
      });
      const [letter, ...more] = await generateLetters(t, caseId, {
        kind: 'evaluation',
        text: 'Umgänget har fungerat väl.\n\nFöräldrarna samarbetar nu.',
      });
      expect(more).toEqual([]);
      expect(letter.recipients).toEqual(['Uppsala tingsrätt']);
      expectEveryLetterCarries(letter, judgment);
      const { text } = letter;
      expect(text).toContain('avslutades i förtid');
      expect(text).toContain('20 januari 2027');
      expect(text).toContain('Föräldrarna klarar umgänget själva');
      expect(text).toContain('Karin Lund, från 9 november 2026 till 15 december 2026');
      expect(text).toContain('Per Holm, från 15 december 2026 till 20 januari 2027');
      expect(text).toContain('1 genomfört besök, 1 avbrutet besök, 2 inställda besök och 1 uteblivet besök');
      expect(text).toContain('avbröts eftersom det var tydligt att barnet inte mådde bra');
      expect(text).toContain('Båda föräldrarna var nöjda');
      expect(text).toContain('Föräldrarna samarbetar nu.');
      expect(text).not.toContain('Kungsgatan');
      expect(text).not.toContain('Sysslomansgatan');
      renderFirstPage(letter.pdf, `${database}-utvardering`);
    });

    it('numbers the pages of a letter that runs over more than one', async () => {
      const { caseId } = await caseIn('activeVisits', { evaluationRequested: true });
      const text = Array.from(
        { length: 14 },
        (_, i) => `Stycke ${i + 1}. ${'Umgänget har fungerat väl och barnet har sett fram emot träffarna. '.repeat(5)}`,
      ).join('\n\n');
      const [letter] = await generateLetters(t, caseId, { kind: 'evaluation', text });
      const pages = Number(/Sida 1 av (\d+)/.exec(letter.text)?.[1]);
      expect(pages).toBeGreaterThan(1);
      for (let page = 2; page <= pages; page++) expect(letter.text).toContain(`Sida ${page} av ${pages}`);
      expect(letter.text).toContain('Stycke 14.');
      renderFirstPage(letter.pdf, `${database}-utvardering-lang`);
    });

    it('lets a secretary hand the case to a colleague, whose profile then signs the letters', async () => {
      const { caseId } = await caseIn('supporterAppointed');
      const colleague = {
        name: 'Lena Ek',
        title: 'Familjerättssekreterare',
        phone: '018-727 55 66',
        email: 'lena.ek@uppsala.example.se',
      };
      const nobody = await t.http
        .put(`/cases/${caseId}/responsible-secretary`)
        .send({ secretaryId: 'lena' })
        .expect(422);
      expect(nobody.body.rule).toBe('caseworkerProfile');
      await t.as('secretary', { sub: 'lena' }).put('/staff/me').send(colleague).expect(200);
      const res = await t.http.put(`/cases/${caseId}/responsible-secretary`).send({ secretaryId: 'lena' }).expect(200);
      expect(res.body.responsibleSecretary).toMatchObject(colleague);
      expect((await t.http.get(`/cases/${caseId}`).expect(200)).body.responsibleSecretaryId).toBe('lena');
      const [letter] = await generateLetters(t, caseId, { kind: 'supporterDecision' });
      expect(letter.text).toContain('Direkt telefon: 018-727 55 66');
      const audit = await t.as('administrator').get(`/audit?caseId=${caseId}`).expect(200);
      expect(audit.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ resource: 'PUT /cases/:id/responsible-secretary', action: 'write', allowed: true }),
        ]),
      );
    });
  });
});

describe.each(DATABASES)('the caseworker profile a letter is signed with (%s)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ database });
  });
  afterAll(() => t.close());

  it('takes a new caseworker’s profile sent several times at once, keeping one of them whole', async () => {
    const per = () => t.as('secretary', { sub: 'per-ek' });
    const sent = Array.from({ length: 4 }, (_, i) => ({ ...CASEWORKER, name: 'Per Ek', phone: `018-727 12 3${i}` }));
    const answers = await Promise.all(sent.map((profile) => per().put('/staff/me').send(profile)));
    expect(answers.map((res) => res.status)).toEqual([200, 200, 200, 200]);
    const { subject, ...kept } = (await per().get('/staff/me').expect(200)).body;
    expect(subject).toBe('per-ek');
    expect(sent).toContainEqual(kept);
  });
});
