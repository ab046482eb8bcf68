import { ERASED, scrubPersonalData } from './contact-scrub';

describe('scrubPersonalData', () => {
  it('replaces every string mentioning the person, at any depth, and keeps the rest', () => {
    const event = {
      fullName: 'Camille Lefèbvre',
      email: 'camille@asso.fr',
      organisationName: 'Les Jardins de Cocagne',
      partners: [{ contactName: 'Mme CAMILLE LEFÈBVRE', role: 'partner' }],
      note: 'écrire à camille@asso.fr',
      count: 3,
      nothing: null,
    };
    expect(scrubPersonalData(event, ['Camille Lefèbvre', 'camille@asso.fr', ''])).toEqual({
      fullName: ERASED,
      email: ERASED,
      organisationName: 'Les Jardins de Cocagne',
      partners: [{ contactName: ERASED, role: 'partner' }],
      note: ERASED,
      count: 3,
      nothing: null,
    });
  });

  it('ignores empty identifiers instead of erasing everything', () => {
    expect(scrubPersonalData({ a: 'texte' }, ['', '  '])).toEqual({ a: 'texte' });
  });
});
