import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, input, output, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocomplete, MatAutocompleteSelectedEvent, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { ORGANISATION_TYPE_LABELS_FR, Organisation } from '@sillon/contracts';
import { ProjectsApi } from '@sillon/dashboard/projects/data-access';
import { firstValueFrom } from 'rxjs';

const SEARCH_DELAY_MS = 250;

// Finds an organisation of the lab by a few letters of its name (or its SIRET) and hands it over.
@Component({
  selector: 'sil-organisation-picker',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatHint, MatError, MatInput, MatAutocomplete, MatAutocompleteTrigger, MatOption],
  template: `
    <mat-form-field appearance="outline" class="picker">
      <mat-label>{{ label() }}</mat-label>
      <input matInput type="text" autocomplete="off" [required]="required()" [formControl]="text" [matAutocomplete]="auto" (focus)="search()" />
      <mat-hint>Tapez quelques lettres du nom ou du SIRET, puis choisissez dans la liste.</mat-hint>
      @if (text.hasError('server')) {
        <mat-error>{{ text.getError('server') }}</mat-error>
      } @else if (text.hasError('unchosen')) {
        <mat-error>Choisissez une organisation dans la liste.</mat-error>
      }
      <mat-autocomplete #auto="matAutocomplete" [displayWith]="display" (optionSelected)="choose($event)">
        @for (organisation of options(); track organisation.id) {
          <mat-option [value]="organisation">{{ organisation.name }} · {{ types[organisation.type] }}</mat-option>
        } @empty {
          @if (searched()) {
            <mat-option disabled>Aucune organisation ne correspond.</mat-option>
          }
        }
      </mat-autocomplete>
    </mat-form-field>
  `,
  styles: `
    .picker {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrganisationPicker {
  private readonly api = inject(ProjectsApi);
  private timer: ReturnType<typeof setTimeout> | undefined;
  private asked = 0;
  private chosen: Organisation | null = null;
  private edited = false;

  readonly label = input('Organisation');
  readonly required = input(false);
  // The organisation already chosen (editing), by name.
  readonly initial = input('');
  // A message from the server about this field.
  readonly error = input<string | null>(null);
  // A submit was attempted: an unchosen required organisation shows its error.
  readonly touched = input(false);
  readonly picked = output<Organisation | null>();

  protected readonly types = ORGANISATION_TYPE_LABELS_FR;
  protected readonly options = signal<Organisation[]>([]);
  protected readonly searched = signal(false);
  protected readonly text = new FormControl<Organisation | string>('', { nonNullable: true });
  protected readonly display = (value: Organisation | string | null) => (typeof value === 'string' ? value : (value?.name ?? ''));

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
    effect(() => this.text.setValue(this.initial(), { emitEvent: false }));
    effect(() => {
      const message = this.error();
      const missing = this.touched() && this.required() && !this.chosen && !this.initial();
      this.text.setErrors(message ? { server: message } : missing ? { unchosen: true } : null);
      if (message || missing) this.text.markAsTouched();
    });
    this.text.valueChanges.subscribe((value) => {
      if (typeof value !== 'string') return;
      // Typing undoes the previous choice (or the initial one) until an option is chosen.
      this.chosen = null;
      this.edited = true;
      this.picked.emit(null);
      this.search();
    });
  }

  // Letters typed without choosing an organisation from the list.
  unchosenText(): boolean {
    const value = this.text.value;
    return this.edited && !this.chosen && typeof value === 'string' && value.trim() !== '';
  }

  protected search(): void {
    const value = this.text.value;
    const q = typeof value === 'string' ? value.trim() : value.name;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.load(q), SEARCH_DELAY_MS);
  }

  protected choose(event: MatAutocompleteSelectedEvent): void {
    this.chosen = event.option.value as Organisation;
    this.text.setErrors(null);
    this.picked.emit(this.chosen);
  }

  private async load(q: string): Promise<void> {
    const asked = ++this.asked;
    try {
      const page = await firstValueFrom(this.api.organisations(q));
      if (asked !== this.asked) return;
      this.options.set(page.items);
    } catch {
      if (asked === this.asked) this.options.set([]);
    }
    this.searched.set(true);
  }
}
