import { HttpErrorResponse } from '@angular/common/http';
import { ErrorHandler, Injectable, Injector, inject } from '@angular/core';

const MESSAGE = 'Une erreur inattendue est survenue. Rechargez la page si le problème persiste.';

// Errors are handled where a call is made; what reaches here was not expected.
@Injectable()
export class GlobalErrorHandler implements ErrorHandler {
  private readonly injector = inject(Injector);

  handleError(error: unknown): void {
    console.error(error);
    // A 401 has already sent the person back to the sign-in page.
    if (error instanceof HttpErrorResponse && error.status === 401) {
      return;
    }
    // Loaded on first use, so the snackbar and its overlay stay out of the initial bundle.
    void import('@angular/material/snack-bar')
      .then(({ MatSnackBar }) => this.injector.get(MatSnackBar).open(MESSAGE, 'Fermer', { duration: 10000 }))
      .catch(() => undefined);
  }
}
