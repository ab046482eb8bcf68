import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { GATE_CRITERIA_PER_STAGE_MAX, GATE_CRITERION_LABEL_MAX, GateCriterion, STAGE_LABELS_FR, STAGES, Stage } from '@sillon/contracts';
import { GateCriteriaStore } from '@sillon/dashboard/admin/data-access';

interface Line {
  id: string | undefined;
  label: FormControl<string>;
}

const labelControl = (value: string) =>
  new FormControl(value, { nonNullable: true, validators: [Validators.required, Validators.pattern(/\S/), Validators.maxLength(GATE_CRITERION_LABEL_MAX)] });

// The checklist to leave one stage, edited as an ordered list of lines and saved as a whole.
@Component({
  selector: 'sil-stage-checklist',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatError, MatInput, MatButton, MatIconButton],
  templateUrl: './stage-checklist.html',
  styleUrl: './stage-checklist.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StageChecklist {
  readonly stage = input.required<Stage>();
  readonly criteria = input.required<GateCriterion[]>();

  private readonly store = inject(GateCriteriaStore);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected readonly labelMax = GATE_CRITERION_LABEL_MAX;
  protected readonly max = GATE_CRITERIA_PER_STAGE_MAX;
  protected readonly lines = signal<Line[]>([]);
  private readonly form = new FormArray<FormControl<string>>([]);
  protected readonly group = new FormGroup({ criteria: this.form });
  protected readonly changed = signal(false);
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly saved = signal('');

  protected readonly title = computed(() => {
    const next = STAGES[STAGES.indexOf(this.stage()) + 1];
    return `Pour passer de ${STAGE_LABELS_FR[this.stage()]} à ${next ? STAGE_LABELS_FR[next] : '—'}`;
  });
  protected readonly headingId = computed(() => `gate-${this.stage()}`);

  constructor() {
    // What the API holds replaces the lines when it changes: on load and after a save.
    effect(() => {
      const criteria = this.criteria();
      untracked(() => this.reset(criteria));
    });
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.touch());
  }

  protected add(): void {
    if (this.lines().length >= this.max) return;
    this.setLines([...this.lines(), { id: undefined, label: labelControl('') }]);
    this.touch();
    this.focus(`#${this.inputId(this.lines().length - 1)}`);
  }

  protected remove(index: number): void {
    const label = this.lines()[index].label.value;
    this.setLines(this.lines().filter((_, i) => i !== index));
    this.touch();
    this.saved.set(label ? `Critère « ${label} » retiré ; enregistrez pour confirmer.` : '');
    // Focus goes to the line that took its place, or to the add button.
    this.focus(this.lines().length ? `#${this.inputId(Math.min(index, this.lines().length - 1))}` : '.add');
  }

  protected move(index: number, offset: -1 | 1): void {
    const target = index + offset;
    const lines = [...this.lines()];
    [lines[index], lines[target]] = [lines[target], lines[index]];
    this.setLines(lines);
    this.touch();
    this.saved.set(`Critère déplacé en position ${target + 1}.`);
    this.focus(`#${this.moveId(target, offset)}`, `#${this.inputId(target)}`);
  }

  protected cancel(): void {
    this.reset(this.criteria());
  }

  protected async save(): Promise<void> {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focus('input[aria-invalid="true"]');
      return;
    }
    this.pending.set(true);
    this.error.set(null);
    const result = await this.store.save(
      this.stage(),
      this.lines().map((line) => ({ id: line.id, label: line.label.value })),
    );
    this.pending.set(false);
    if (result.ok) {
      this.saved.set('Critères enregistrés.');
      return;
    }
    // What was typed stays; each line's error goes under it.
    let unplaced = Object.keys(result.fieldErrors).length === 0;
    for (const [field, message] of Object.entries(result.fieldErrors)) {
      const line = this.lines()[Number(field.split('.')[1])];
      if (field.startsWith('criteria.') && line) {
        line.label.setErrors({ server: message });
        line.label.markAsTouched();
      } else {
        unplaced = true;
      }
    }
    this.error.set(unplaced ? result.message : null);
  }

  protected inputId(index: number): string {
    return `criterion-${this.stage()}-${index}`;
  }

  protected moveId(index: number, offset: -1 | 1): string {
    return `criterion-${this.stage()}-${index}-${offset < 0 ? 'up' : 'down'}`;
  }

  private reset(criteria: GateCriterion[]): void {
    this.setLines(criteria.map((c) => ({ id: c.id, label: labelControl(c.label) })));
    this.changed.set(false);
    this.error.set(null);
  }

  private setLines(lines: Line[]): void {
    this.lines.set(lines);
    this.form.clear({ emitEvent: false });
    for (const line of lines) this.form.push(line.label, { emitEvent: false });
  }

  private touch(): void {
    this.changed.set(true);
    this.saved.set('');
  }

  // The first selector that matches an enabled element gets focus once the list is drawn.
  private focus(...selectors: string[]): void {
    afterNextRender(
      () => {
        for (const selector of selectors) {
          const element = this.host.nativeElement.querySelector<HTMLElement>(selector);
          if (element && !(element as HTMLButtonElement).disabled) {
            element.focus();
            return;
          }
        }
      },
      { injector: this.injector },
    );
  }
}
