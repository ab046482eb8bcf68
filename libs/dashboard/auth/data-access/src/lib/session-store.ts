import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { LoginRequest, Me, ROLE_LABELS_FR, Role } from '@sillon/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthApi } from './auth-api';

export type SessionStatus = 'unknown' | 'signed-in' | 'signed-out';

@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly api = inject(AuthApi);
  private readonly state = signal<{ status: SessionStatus; me: Me | null }>({ status: 'unknown', me: null });
  private pending: Promise<Me | null> | null = null;

  readonly status = computed(() => this.state().status);
  readonly me = computed(() => this.state().me);
  readonly signedIn = computed(() => this.state().status === 'signed-in');
  readonly role = computed<Role | null>(() => this.me()?.role ?? null);
  readonly displayName = computed(() => this.me()?.displayName ?? '');
  readonly roleLabel = computed(() => {
    const role = this.role();
    return role ? ROLE_LABELS_FR[role] : '';
  });

  hasRole(roles: readonly Role[]): boolean {
    const role = this.role();
    return role !== null && roles.includes(role);
  }

  // Asks the API who is signed in, once; later calls reuse the answer.
  load(): Promise<Me | null> {
    if (this.state().status !== 'unknown') {
      return Promise.resolve(this.me());
    }
    this.pending ??= firstValueFrom(this.api.me())
      .then((me) => {
        this.state.set({ status: 'signed-in', me });
        return me as Me | null;
      })
      .catch((error: unknown) => {
        if (error instanceof HttpErrorResponse && error.status === 401) {
          this.state.set({ status: 'signed-out', me: null });
          return null;
        }
        throw error;
      })
      .finally(() => (this.pending = null));
    return this.pending;
  }

  // Rejects with the HttpErrorResponse so the caller can word the failure.
  async signIn(credentials: LoginRequest): Promise<Me> {
    const me = await firstValueFrom(this.api.login(credentials));
    this.state.set({ status: 'signed-in', me });
    return me;
  }

  async signOut(): Promise<void> {
    try {
      await firstValueFrom(this.api.logout());
    } finally {
      this.clear();
    }
  }

  // The API said the session is over (expired, revoked).
  clear(): void {
    this.state.set({ status: 'signed-out', me: null });
  }
}
