// A signed-in person as the dashboard is: the session cookie, and for writes the XSRF-TOKEN cookie
// echoed in X-XSRF-TOKEN with the API's own Origin (see modules/auth/session.guard.ts).
export interface HttpSession {
  email: string;
  readHeaders: Record<string, string>;
  writeHeaders: Record<string, string>;
}

export async function signIn(baseUrl: string, email: string, password: string): Promise<HttpSession> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`connexion de ${email} refusée (${res.status}) : ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  const xsrf = cookies.find((c) => c.startsWith('XSRF-TOKEN='))?.slice('XSRF-TOKEN='.length);
  if (!xsrf) throw new Error(`pas de jeton XSRF pour ${email}`);
  const cookie = cookies.join('; ');
  return {
    email,
    readHeaders: { cookie, accept: 'application/json' },
    writeHeaders: { cookie, accept: 'application/json', 'content-type': 'application/json', 'x-xsrf-token': xsrf, origin: baseUrl },
  };
}
