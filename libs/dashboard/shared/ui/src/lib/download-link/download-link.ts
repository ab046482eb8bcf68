import { HttpClient, HttpErrorResponse, HttpResponse } from '@angular/common/http';
import { DestroyRef, Directive, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Problem } from '@sillon/contracts';

const DOWNLOAD_FAILED = 'Le téléchargement a échoué. Réessayez dans quelques instants.';

// An export link (CSV, XLSX, PDF) that stays a plain link for the keyboard, a middle click or
// "save link as", but on a click fetches the file itself: a refusal (429 past the export limit,
// 403, 503) is then said in French in a snackbar instead of opening the problem+json as a page.
@Directive({
  selector: 'a[silDownload]',
  host: {
    '[attr.href]': 'silDownload()',
    '[attr.aria-busy]': 'busy() || null',
    '(click)': 'onClick($event)',
  },
})
export class DownloadLink {
  readonly silDownload = input.required<string>();
  // The file name when the server does not give one.
  readonly fallbackName = input('sillon-export');
  readonly busy = signal(false);

  private readonly http = inject(HttpClient);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);

  onClick(event: MouseEvent): void {
    // A click with a modifier opens the link as the browser would (new tab, save as).
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (this.busy()) return;
    this.busy.set(true);
    this.http
      .get(this.silDownload(), { observe: 'response', responseType: 'blob' })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (response) => {
          this.busy.set(false);
          saveBlob(response, this.fallbackName());
        },
        error: (error: unknown) => {
          this.busy.set(false);
          void downloadFailure(error).then((message) => this.snackBar.open(message, 'Fermer', { duration: 10_000, politeness: 'assertive' }));
        },
      });
  }
}

function saveBlob(response: HttpResponse<Blob>, fallbackName: string): void {
  const url = URL.createObjectURL(response.body ?? new Blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response.headers.get('Content-Disposition')) ?? fallbackName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

// The name a Content-Disposition header gives, RFC 6266: filename* (UTF-8) before filename.
export function fileNameOf(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain ? plain[1].trim() : null;
}

// The French sentence for a failed download; the problem+json body arrives as a Blob.
export async function downloadFailure(error: unknown): Promise<string> {
  if (!(error instanceof HttpErrorResponse)) return DOWNLOAD_FAILED;
  if (error.status === 0) return 'Le serveur ne répond pas. Vérifiez votre connexion et réessayez.';
  const problem = await problemIn(error.error);
  return problem?.detail ?? problem?.title ?? DOWNLOAD_FAILED;
}

async function problemIn(body: unknown): Promise<Problem | null> {
  try {
    const text = body instanceof Blob ? await textOf(body) : typeof body === 'string' ? body : null;
    const parsed: unknown = text ? JSON.parse(text) : body;
    return parsed && typeof parsed === 'object' && 'title' in parsed ? (parsed as Problem) : null;
  } catch {
    return null;
  }
}

// FileReader rather than Blob.text(): the same in every browser and in the unit tests' DOM.
function textOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}
