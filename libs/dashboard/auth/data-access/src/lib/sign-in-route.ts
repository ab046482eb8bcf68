import { Role } from '@sillon/contracts';

// The sign-in page and the query parameter carrying where to go back after it.
export const SIGN_IN_PATH = '/connexion';
export const RETURN_URL_PARAM = 'retour';

// Only a path inside the app is followed, never another origin.
export function safeReturnUrl(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return '/';
  }
  return value.startsWith(SIGN_IN_PATH) ? '/' : value;
}

// Where a person lands when a page is not for them: administrators run the deployment, not the portfolio.
export function homePathOf(role: Role): string {
  return role === 'admin' ? '/administration' : '/';
}
