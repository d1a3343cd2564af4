import { describe, expect, it } from '@jest/globals';
import { validationSaid } from '../../src/common/validation-words.js';

/** What a person reads when a visit's "who" does not fit its outcome: Swedish, the field's code kept. */
describe('the refusals of who called a visit off, in Swedish', () => {
  it('says which values cancelledBy takes when a visit was cancelled or not attended', () => {
    const said = validationSaid(
      'cancelledBy must be one of residentParent, visitingParent, child, supporter, unit when the visit was cancelled or not attended',
    );
    expect(said.sv).toBe(
      'cancelledBy ska vara ett av residentParent, visitingParent, child, supporter, unit när umgänget ställdes in eller uteblev.',
    );
  });

  it('says that cancelledBy belongs only to a visit that did not take place', () => {
    expect(validationSaid('cancelledBy is given only when the visit was cancelled or not attended').sv).toBe(
      'cancelledBy anges bara när umgänget ställdes in eller uteblev.',
    );
  });
});
