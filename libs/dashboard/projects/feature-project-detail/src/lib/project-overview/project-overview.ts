import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, input, signal, viewChild } from '@angular/core';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  DEPARTMENT_CODE_PATTERN,
  HEALTH_COMMENT_MAX,
  HEALTH_LABELS_FR,
  HEALTHS,
  Health,
  PROJECT_NAME_MAX,
  PROJECT_SUMMARY_MAX,
  Project,
  THEME_LABELS_FR,
  THEMES,
  Theme,
  User,
} from '@sillon/contracts';
import { ProjectChanges, ProjectDetailStore } from '@sillon/dashboard/projects/data-access';
import { HealthBadge } from '@sillon/dashboard/shared/ui';
import { departmentNames, formatDateFr } from '@sillon/util';

function codes(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((code) => code.trim().toUpperCase())
    .filter((code) => code !== '');
}

function departmentsValidator(control: AbstractControl<string>) {
  const wrong = codes(control.value ?? '').filter((code) => !DEPARTMENT_CODE_PATTERN.test(code));
  return wrong.length ? { departments: wrong.join(', ') } : null;
}

interface Difference {
  label: string;
  current: string;
  mine: string;
}

@Component({
  selector: 'sil-project-overview',
  imports: [DatePipe, ReactiveFormsModule, MatButton, MatCheckbox, MatFormField, MatLabel, MatHint, MatError, MatInput, MatSelect, MatOption, HealthBadge],
  templateUrl: './project-overview.html',
  styleUrl: './project-overview.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProjectOverview {
  private readonly store = inject(ProjectDetailStore);
  private readonly injector = inject(Injector);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly project = input.required<Project>();
  readonly canEdit = input(false);
  readonly canAssignLead = input(false);
  readonly leads = input<User[]>([]);

  private readonly nameInput = viewChild<ElementRef<HTMLInputElement>>('nameInput');
  private readonly editButton = viewChild('editButton', { read: ElementRef<HTMLButtonElement> });
  private readonly alert = viewChild<ElementRef<HTMLElement>>('alert');

  protected readonly themeChoices = THEMES.map((value) => ({ value, label: THEME_LABELS_FR[value] }));
  protected readonly healthChoices = HEALTHS.map((value) => ({ value, label: HEALTH_LABELS_FR[value] }));
  protected readonly nameMax = PROJECT_NAME_MAX;
  protected readonly summaryMax = PROJECT_SUMMARY_MAX;
  protected readonly commentMax = HEALTH_COMMENT_MAX;

  protected readonly editing = signal(false);
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly saved = signal<string | null>(null);
  // The version the person's edit is based on: the one they saw, or the current one once they chose to overwrite.
  private baseVersion = 0;
  // The values the edit started from: only what the person changed is sent, so another person's
  // change to a field they did not touch survives an overwrite.
  private original: ProjectChanges = {};
  protected readonly conflict = signal<Project | null>(null);
  protected readonly differences = signal<Difference[]>([]);

  protected readonly themeLabels = computed(() => this.project().themes.map((t) => THEME_LABELS_FR[t]).join(', ') || '—');
  protected readonly departments = computed(() => departmentNames(this.project().departments));

  protected readonly form = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(PROJECT_NAME_MAX), Validators.pattern(/\S/)]],
    summary: ['', Validators.maxLength(PROJECT_SUMMARY_MAX)],
    themes: [[] as Theme[]],
    health: ['green' as Health],
    healthComment: ['', Validators.maxLength(HEALTH_COMMENT_MAX)],
    departments: ['', departmentsValidator],
    startDate: [''],
    isPublic: [false],
    leadId: [''],
  });

  protected edit(): void {
    this.fill(this.project());
    this.original = this.formValues();
    this.baseVersion = this.project().version;
    this.conflict.set(null);
    this.error.set(null);
    this.saved.set(null);
    this.editing.set(true);
    afterNextRender(() => this.nameInput()?.nativeElement.focus(), { injector: this.injector });
  }

  protected cancel(): void {
    this.editing.set(false);
    this.conflict.set(null);
    this.error.set(null);
    afterNextRender(() => this.editButton()?.nativeElement.focus(), { injector: this.injector });
  }

  // After a conflict: start again from what is saved now.
  protected discardMine(): void {
    const current = this.conflict() ?? this.project();
    this.fill(current);
    this.original = this.formValues();
    this.baseVersion = current.version;
    this.conflict.set(null);
    this.error.set(null);
  }

  protected async save(): Promise<void> {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.pending.set(true);
    this.error.set(null);
    const changes = this.changes();
    const result = await this.store.save(changes, this.baseVersion);
    this.pending.set(false);
    if (result.ok) {
      this.editing.set(false);
      this.conflict.set(null);
      this.saved.set('Modifications enregistrées.');
      afterNextRender(() => this.editButton()?.nativeElement.focus(), { injector: this.injector });
      return;
    }
    if (result.conflict) {
      // Keep what the person typed; show what is saved now; saving again builds on the current version.
      this.conflict.set(result.conflict);
      this.differences.set(this.compare(result.conflict));
      this.baseVersion = result.conflict.version;
    } else {
      let unplaced = Object.keys(result.fieldErrors).length === 0;
      for (const [field, message] of Object.entries(result.fieldErrors)) {
        const control = this.form.get(field);
        if (control) {
          control.setErrors({ server: message });
          control.markAsTouched();
        } else {
          unplaced = true;
        }
      }
      if (unplaced) this.error.set(result.message);
    }
    afterNextRender(() => this.alert()?.nativeElement.focus(), { injector: this.injector });
  }

  protected serverError(name: string): string | null {
    return (this.form.get(name)?.getError('server') as string | undefined) ?? null;
  }

  private fill(project: Project): void {
    this.form.reset({
      name: project.name,
      summary: project.summary,
      themes: [...project.themes],
      health: project.health,
      healthComment: project.healthComment ?? '',
      departments: project.departments.join(', '),
      startDate: project.startDate ?? '',
      isPublic: project.isPublic,
      leadId: project.leadId ?? '',
    });
  }

  private changes(): ProjectChanges {
    const all = this.formValues();
    const original = this.original as Record<string, unknown>;
    return Object.fromEntries(Object.entries(all).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(original[key]))) as ProjectChanges;
  }

  private formValues(): ProjectChanges {
    const value = this.form.getRawValue();
    const changes: ProjectChanges = {
      name: value.name.trim(),
      summary: value.summary,
      themes: value.themes,
      health: value.health,
      healthComment: value.healthComment.trim() || null,
      departments: codes(value.departments),
      startDate: value.startDate || null,
      isPublic: value.isPublic,
    };
    if (this.canAssignLead()) changes.leadId = value.leadId || null;
    return changes;
  }

  private compare(current: Project): Difference[] {
    const mine = this.formValues();
    const changed = new Set(Object.keys(this.changes()));
    const themes = (list: Theme[] | undefined) => (list ?? []).map((t) => THEME_LABELS_FR[t]).join(', ') || '—';
    const date = (value: string | null | undefined) => (value ? formatDateFr(value) : '—');
    const rows: (Difference & { key: keyof ProjectChanges })[] = [
      { key: 'name', label: 'Nom', current: current.name, mine: mine.name ?? '' },
      { key: 'summary', label: 'Résumé', current: current.summary || '—', mine: mine.summary || '—' },
      { key: 'themes', label: 'Thèmes', current: themes(current.themes), mine: themes(mine.themes) },
      { key: 'health', label: 'Santé', current: HEALTH_LABELS_FR[current.health], mine: mine.health ? HEALTH_LABELS_FR[mine.health] : '—' },
      { key: 'healthComment', label: 'Commentaire sur la santé', current: current.healthComment ?? '—', mine: mine.healthComment ?? '—' },
      { key: 'departments', label: 'Départements', current: departmentNames(current.departments), mine: departmentNames(mine.departments) },
      { key: 'startDate', label: 'Date de début', current: date(current.startDate), mine: date(mine.startDate) },
      { key: 'isPublic', label: 'Données ouvertes', current: current.isPublic ? 'Publié' : 'Non publié', mine: mine.isPublic ? 'Publié' : 'Non publié' },
    ];
    return rows
      .filter((row) => row.current !== row.mine)
      .map(({ label, current: stored, mine: typed, key }) => ({
        label,
        current: stored,
        // A field the person did not touch keeps the stored value when they save.
        mine: changed.has(key) ? typed : '(non modifié : la valeur enregistrée sera conservée)',
      }));
  }
}
