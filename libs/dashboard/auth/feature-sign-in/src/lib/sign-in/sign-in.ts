import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { ActivatedRoute, Router } from '@angular/router';
import { RETURN_URL_PARAM, SessionStore, safeReturnUrl } from '@sillon/dashboard/auth/data-access';

@Component({
  selector: 'sil-sign-in',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatError, MatInput, MatButton],
  templateUrl: './sign-in.html',
  styleUrl: './sign-in.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignIn {
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly injector = inject(Injector);

  private readonly emailInput = viewChild.required<ElementRef<HTMLInputElement>>('emailInput');
  private readonly passwordInput = viewChild.required<ElementRef<HTMLInputElement>>('passwordInput');
  private readonly errorMessage = viewChild<ElementRef<HTMLElement>>('errorMessage');

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    afterNextRender(() => this.emailInput().nativeElement.focus());
  }

  protected async submit(): Promise<void> {
    if (this.pending()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      const firstInvalid = this.form.controls.email.invalid ? this.emailInput() : this.passwordInput();
      firstInvalid.nativeElement.focus();
      return;
    }
    this.pending.set(true);
    this.error.set(null);
    try {
      await this.session.signIn(this.form.getRawValue());
      const retour = this.route.snapshot.queryParamMap.get(RETURN_URL_PARAM);
      await this.router.navigateByUrl(safeReturnUrl(retour));
    } catch (error: unknown) {
      this.form.controls.password.reset();
      this.error.set(messageFor(error));
      // Focus the message once rendered, so a screen reader reads it and the next Tab goes to the form.
      afterNextRender(() => this.errorMessage()?.nativeElement.focus(), { injector: this.injector });
    } finally {
      this.pending.set(false);
    }
  }
}

function messageFor(error: unknown): string {
  if (error instanceof HttpErrorResponse) {
    if (error.status === 401 || error.status === 400) {
      return 'Adresse e-mail ou mot de passe incorrect.';
    }
    if (error.status === 429) {
      return 'Trop de tentatives. Réessayez dans quelques minutes.';
    }
    if (error.status === 0) {
      return 'Le serveur ne répond pas. Vérifiez votre connexion et réessayez.';
    }
  }
  return 'La connexion a échoué. Réessayez dans quelques instants.';
}
