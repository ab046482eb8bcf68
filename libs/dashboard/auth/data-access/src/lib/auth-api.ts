import { HttpClient, HttpContext, HttpContextToken } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { LoginRequest, Me } from '@sillon/contracts';
import { Observable } from 'rxjs';

// Calls whose 401 is an expected answer, handled where they are made
// (bad credentials on login, "not signed in" on me), not by the interceptor.
export const HANDLES_UNAUTHORIZED = new HttpContextToken<boolean>(() => false);

const AUTH_URL = '/api/v1/auth';

@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);
  private readonly handlesUnauthorized = new HttpContext().set(HANDLES_UNAUTHORIZED, true);

  login(credentials: LoginRequest): Observable<Me> {
    return this.http.post<Me>(`${AUTH_URL}/login`, credentials, { context: this.handlesUnauthorized });
  }

  me(): Observable<Me> {
    return this.http.get<Me>(`${AUTH_URL}/me`, { context: this.handlesUnauthorized });
  }

  logout(): Observable<void> {
    return this.http.post<void>(`${AUTH_URL}/logout`, null, { context: this.handlesUnauthorized });
  }
}
