import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { registerSupporter, send, stepsTo, SUPPORTER_ADDRESS } from '../support/case-steps.js';
import { aJudgment } from '../support/judgment-builder.js';
import {
  ADDRESSES,
  CASEWORKER,
  generateLetters,
  prepareLetterhead,
  renderFirstPage,
  type GeneratedLetter,
} from '../support/letter-support.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The same letters the secretary prints: the decisions, the replacement, the forms, the court's letters. */
describe.each(['postgres'] as const)(
  'the routine’s letters say who decided, who serves and what happened (%s)',
  (database) => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ database });
      t.clock.setNow('2026-11-16T12:00:00+01:00');
      await prepareLetterhead(t);
    });
    afterAll(() => t.close());

    const caseIn = async (target: string, overrides: Record<string, unknown> = {}) => {
      const body = aJudgment({
        children: [
          { name: 'Alva Ödman', personnummer: aJudgment().children[0].personnummer },
          { name: 'Nils Ödman', personnummer: aJudgment().children[0].personnummer },
        ],
        ...overrides,
      });
      const caseId = (
        await t.http
          .post('/cases')
          .send({
            ...body,
            residentParent: { ...body.residentParent, name: 'Maria Ödman', address: ADDRESSES.resident },
            visitingParent: { ...body.visitingParent, name: 'Johan Lind', address: ADDRESSES.visiting },
          })
          .expect(201)
      ).body.id as string;
      const supporterId = await registerSupporter(t);
      for (const event of stepsTo(target, supporterId)) await send(t, caseId, event);
      return caseId;
    };
    const to = (letters: GeneratedLetter[], name: string) => letters.find((l) => l.recipients[0] === name)!;

    it('names the decision-maker on the decision, and gives the supporter a postal address, their duty of confidentiality and the fee', async () => {
      const caseId = await caseIn('supporterAppointed');
      const letters = await generateLetters(t, caseId, { kind: 'supporterDecision' });
      for (const letter of letters) {
        expect(letter.text).toContain('Beslutsdatum: 9 november 2026');
        expect(letter.text).toContain(`Beslut fattat av: ${CASEWORKER.name}, familjerättssekreterare`);
      }
      const supporter = to(letters, 'Karin Lund');
      expect(supporter.text).toContain(SUPPORTER_ADDRESS.street);
      expect(supporter.text).toContain('753 31 UPPSALA');
      expect(supporter.text).not.toContain('karin.lund@example.se');
      expect(supporter.text).toContain('Tystnadsplikt');
      expect(supporter.text).toContain('26 kap. 1 § offentlighets- och sekretesslagen (2009:400)');
      expect(supporter.text).toContain('100 kronor per umgängestillfälle och 150 kronor per timme');
      for (const parent of ['Maria Ödman', 'Johan Lind']) {
        expect(to(letters, parent).text).not.toContain('Arvode');
        expect(to(letters, parent).text).not.toContain(SUPPORTER_ADDRESS.street);
      }
      renderFirstPage(supporter.pdf, `${database}-beslut-med-beslutsfattare`);
    });

    it('refuses the supporter’s letter with 422 while the unit has no postal address for them', async () => {
      const caseId = await caseIn('initiated');
      const supporterId = (
        await t.http
          .post('/supporters')
          .send({ name: 'Eva Ek', phone: '070-765 43 21', email: 'eva@example.se' })
          .expect(201)
      ).body.id as string;
      const today = '2026-11-16';
      for (const step of ['interview', 'references', 'criminalRecordExtract', 'socialServicesExtract'])
        await t.http.post(`/supporters/${supporterId}/vetting`).send({ step, date: today }).expect(200);
      await t
        .as('administrator')
        .post(`/supporters/${supporterId}/decision`)
        .send({ decision: 'approved' })
        .expect(200);
      await send(t, caseId, { type: 'APPOINT_SUPPORTER', supporterId, decidedAt: '2026-11-16T10:00:00+01:00' });
      const refused = await t.http
        .post(`/cases/${caseId}/documents/letters`)
        .send({ kind: 'supporterDecision' })
        .expect(422);
      expect(refused.body).toMatchObject({ rule: 'supporterAddress', field: 'address' });
      expect(refused.body.message).toContain('Eva Ek');
      await t.http.put(`/supporters/${supporterId}/address`).send({ address: SUPPORTER_ADDRESS }).expect(200);
      expect(await generateLetters(t, caseId, { kind: 'supporterDecision' })).toHaveLength(3);
    });

    it('writes the replacement as a decision of its own: to the new supporter, the outgoing one and both parents', async () => {
      const caseId = await caseIn('activeVisits');
      t.clock.setNow('2026-12-16T12:00:00+01:00');
      const second = await registerSupporter(t, 'Per Holm');
      await send(t, caseId, {
        type: 'REPLACE_SUPPORTER',
        supporterId: second,
        decidedAt: '2026-12-15T10:00:00+01:00',
        reason: 'Karin Lund har flyttat från kommunen.',
      });
      const letters = await generateLetters(t, caseId, { kind: 'replacementDecision' });
      expect(letters.map((l) => l.recipients[0])).toEqual(['Per Holm', 'Karin Lund', 'Maria Ödman', 'Johan Lind']);
      for (const letter of letters) {
        expect(letter.text).toContain(`Beslut fattat av: ${CASEWORKER.name}`);
        expect(letter.text).toContain(
          'Karin Lund har varit umgängesstödsperson sedan 9 november 2026. Karin Lund har flyttat från kommunen.',
        );
        expect(letter.text).not.toContain('..');
      }
      const incoming = to(letters, 'Per Holm');
      expect(incoming.text).toContain('Tar över från och med: 15 december 2026');
      expect(incoming.text).toContain('Ersätter: Karin Lund');
      expect(incoming.text).toContain('i stället för Karin Lund');
      expect(incoming.text).toContain('Tystnadsplikt');
      expect(incoming.text).not.toContain('16 november 2026 till och med');
      const outgoing = to(letters, 'Karin Lund');
      expect(outgoing.title).toContain('Beslut om att uppdraget som umgängesstödsperson upphör');
      expect(outgoing.text).toContain('ditt uppdrag som umgängesstödsperson');
      expect(outgoing.text).toContain('Per Holm tar över uppdraget från och med 15 december 2026');
      expect(outgoing.text).toContain('Lämna rapporten för varje umgängestillfälle');
      for (const parent of ['Maria Ödman', 'Johan Lind']) {
        const { text } = to(letters, parent);
        expect(text).toContain('Socialnämnden utser Per Holm till ny umgängesstödsperson');
        expect(text).not.toContain('Arvode');
      }
      renderFirstPage(incoming.pdf, `${database}-byte-ny-stodjare`);
      renderFirstPage(outgoing.pdf, `${database}-byte-avgaende-stodjare`);
    });

    it('writes the child interviews, each child by name, and who called a visit off into the evaluation, with single full stops', async () => {
      t.clock.setNow('2026-11-16T12:00:00+01:00');
      const caseId = await caseIn('activeVisits', { evaluationRequested: true });
      for (const guardian of ['residentParent', 'visitingParent'])
        await t.http
          .post(`/cases/${caseId}/interviews/0/consent`)
          .send({ guardian, givenOn: '2026-11-12', atStartupMeeting: true })
          .expect(200);
      await t.http
        .post(`/cases/${caseId}/interviews/0/booking`)
        .send({ bookedFor: '2026-12-01T15:00:00+01:00' })
        .expect(200);
      t.clock.setNow('2027-01-20T12:00:00+01:00');
      await t.http
        .post(`/cases/${caseId}/interviews/0/held`)
        .send({
          heldAt: '2026-12-01T15:00:00+01:00',
          notes: 'Alva berättade att hon ser fram emot träffarna med pappa.',
        })
        .expect(200);
      const visit = (occurredAt: string, outcome: string, extra: Record<string, unknown> = {}) =>
        send(t, caseId, { type: 'LOG_VISIT', occurredAt, durationMinutes: 90, outcome, ...extra });
      await visit('2026-12-05T10:00:00+01:00', 'completed');
      await visit('2026-12-12T10:00:00+01:00', 'cancelled', { cancelledBy: 'residentParent' });
      await visit('2026-12-19T10:00:00+01:00', 'cancelled', { cancelledBy: 'supporter' });
      await send(t, caseId, {
        type: 'END_EARLY',
        reasonCategory: 'other',
        reason: 'Föräldrarna klarar umgänget själva.',
      });
      await send(t, caseId, {
        type: 'HOLD_CLOSING_MEETING',
        heldAt: '2027-01-20T10:00:00+01:00',
        notes: 'Alla var nöjda.',
      });
      const [letter] = await generateLetters(t, caseId, { kind: 'evaluation', text: 'Umgänget har fungerat väl.' });
      expect(letter.text).toContain(
        'Barnsamtal med Alva Ödman hölls den 1 december 2026. Alva berättade att hon ser fram emot träffarna med pappa.',
      );
      expect(letter.text).toContain('Något barnsamtal med Nils Ödman har inte hållits.');
      expect(letter.text).toContain('Besöket den 12 december 2026 ställdes in av boendeföräldern Maria Ödman.');
      expect(letter.text).toContain('Besöket den 19 december 2026 ställdes in av umgängesstödjaren.');
      expect(letter.text).toContain('Skäl: Föräldrarna klarar umgänget själva. Domen avsåg');
      expect(letter.text).not.toMatch(/\.\s*\./);
      renderFirstPage(letter.pdf, `${database}-utvardering-barnsamtal`);
    });

    it('tells the court what was and was not done when a case ended before visits started', async () => {
      t.clock.setNow('2026-11-16T12:00:00+01:00');
      const caseId = await caseIn('supporterAppointed');
      t.clock.setNow('2026-11-20T12:00:00+01:00');
      await send(t, caseId, {
        type: 'END_EARLY',
        reasonCategory: 'other',
        reason: 'Tingsrätten har upphävt beslutet om umgängesstöd',
      });
      const letters = await generateLetters(t, caseId, { kind: 'courtNotice', text: 'Föräldrarna har informerats.' });
      expect(letters.map((l) => l.recipients[0])).toEqual(['Uppsala tingsrätt']);
      const { text } = letters[0];
      expect(text).toContain('umgängesstödet aldrig kom i gång');
      expect(text).toContain('Insatsen avslutades i förtid den 20 november 2026, innan umgänget hade startat.');
      expect(text).toContain('Tingsrätten har upphävt beslutet om umgängesstöd.');
      expect(text).toContain('16 november 2026: Ärendet initierades');
      expect(text).toContain('9 november 2026: Socialnämnden beslutade att utse en umgängesstödsperson');
      expect(text).toContain('Föräldrarna kallades inte till något uppstartsmöte.');
      expect(text).toContain('Umgänget med umgängesstöd startade aldrig');
      expect(text).toContain('Föräldrarna har informerats.');
      renderFirstPage(letters[0].pdf, `${database}-underrattelse-tingsratten`);
      const active = await caseIn('activeVisits');
      const refused = await t.http.post(`/cases/${active}/documents/letters`).send({ kind: 'courtNotice' }).expect(422);
      expect(refused.body).toMatchObject({ rule: 'endedBeforeVisits', field: 'kind' });
    });

    it('prints the routine’s forms ready to sign, and sends copies of the signed ones to the parents and the supporter', async () => {
      t.clock.setNow('2026-11-16T12:00:00+01:00');
      const caseId = await caseIn('startupMeeting');
      const [enrollment] = await generateLetters(t, caseId, { kind: 'enrollmentForm' });
      expect(enrollment.title).toContain('Umgängesstöd, inskrivningsblankett');
      expect(enrollment.text).toContain('Underskrift, Boendeförälder: Maria Ödman');
      expect(enrollment.text).toContain('Underskrift, Umgängesförälder: Johan Lind');
      expect(enrollment.text).toContain('Plats och tid för överlämning');
      expect(enrollment.text).not.toContain('Kungsgatan');
      const [rules] = await generateLetters(t, caseId, { kind: 'rules' });
      expect(rules.text).toContain('Umgängesstödspersonen ska avbryta umgänget');
      expect(rules.text).toContain('Jag har tagit del av reglerna');
      const [report] = await generateLetters(t, caseId, { kind: 'reportForm' });
      expect(report.text).toContain('Hur verkade barnet må?');
      expect(report.text).toContain('Underskrift, Umgängesstödsperson');
      renderFirstPage(enrollment.pdf, `${database}-inskrivningsblankett`);
      renderFirstPage(rules.pdf, `${database}-regler`);
      renderFirstPage(report.pdf, `${database}-rapportblankett`);

      const early = await t.http
        .post(`/cases/${caseId}/documents/letters`)
        .send({ kind: 'documentCopies' })
        .expect(422);
      expect(early.body).toMatchObject({ rule: 'formsSigned', field: 'kind' });
      t.clock.setNow('2026-11-25T09:00:00+01:00');
      await send(t, caseId, {
        type: 'HOLD_STARTUP_MEETING',
        heldAt: '2026-11-24T13:00:00+01:00',
        enrollmentFormSigned: true,
        rulesAccepted: true,
      });
      const copies = await generateLetters(t, caseId, { kind: 'documentCopies' });
      expect(copies.map((l) => l.recipients[0])).toEqual(['Maria Ödman', 'Johan Lind', 'Karin Lund']);
      for (const letter of copies) {
        expect(letter.text).toContain('Datum 25 november 2026');
        expect(letter.text).toContain('Umgängesstöd, inskrivningsblankett (undertecknad den 24 november 2026)');
      }
      const documents = (await t.http.get(`/cases/${caseId}/documents`).expect(200)).body.items as {
        kind: string;
        date: string;
      }[];
      expect(documents.filter((d) => d.kind === 'documentCopies').map((d) => d.date)).toEqual([
        '2026-11-25',
        '2026-11-25',
        '2026-11-25',
      ]);
      renderFirstPage(copies[0].pdf, `${database}-kopior-till-foralder`);
    });
  },
);
