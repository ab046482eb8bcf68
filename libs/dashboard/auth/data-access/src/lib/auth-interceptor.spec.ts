import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { AuthApi } from './auth-api';
import { authInterceptor } from './auth-interceptor';
import { SessionStore } from './session-store';

function setup(currentUrl = '/projets') {
  const navigate = jest.fn().mockResolvedValue(true);
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(withInterceptors([authInterceptor])),
      provideHttpClientTesting(),
      { provide: Router, useValue: { url: currentUrl, navigate } },
    ],
  });
  return {
    http: TestBed.inject(HttpClient),
    api: TestBed.inject(AuthApi),
    session: TestBed.inject(SessionStore),
    backend: TestBed.inject(HttpTestingController),
    navigate,
  };
}

const unauthorized = { status: 401, statusText: 'Unauthorized' };

describe('authInterceptor', () => {
  it('sends the person back to sign in, with where they were, when the API answers 401', async () => {
    const { http, backend, navigate, session } = setup('/projets?page=2');
    const clear = jest.spyOn(session, 'clear');

    const call = firstValueFrom(http.get('/api/v1/projects'));
    backend.expectOne('/api/v1/projects').flush(null, unauthorized);

    await expect(call).rejects.toMatchObject({ status: 401 });
    expect(clear).toHaveBeenCalled();
    expect(navigate).toHaveBeenCalledWith(['/connexion'], { queryParams: { retour: '/projets?page=2' } });
  });

  it('leaves a refused sign-in to the sign-in page', async () => {
    const { api, backend, navigate } = setup('/connexion');

    const call = firstValueFrom(api.login({ email: 'a@b.fr', password: 'x' }));
    backend.expectOne('/api/v1/auth/login').flush(null, unauthorized);

    await expect(call).rejects.toMatchObject({ status: 401 });
    expect(navigate).not.toHaveBeenCalled();
  });

  it('leaves other failures to the caller', async () => {
    const { http, backend, navigate } = setup();

    const call = firstValueFrom(http.get('/api/v1/projects'));
    backend.expectOne('/api/v1/projects').flush(null, { status: 403, statusText: 'Forbidden' });

    await expect(call).rejects.toMatchObject({ status: 403 });
    expect(navigate).not.toHaveBeenCalled();
  });
});
