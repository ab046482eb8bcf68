import { safeReturnUrl } from './sign-in-route';

describe('safeReturnUrl', () => {
  it.each([
    ['/projets?stage=ideation', '/projets?stage=ideation'],
    [null, '/'],
    ['', '/'],
    ['https://evil.example', '/'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['/connexion?retour=%2F', '/'],
  ])('follows %p to %p', (value, expected) => {
    expect(safeReturnUrl(value)).toBe(expected);
  });
});
