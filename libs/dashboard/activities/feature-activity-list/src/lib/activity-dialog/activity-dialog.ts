import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  ACTIVITY_ACTOR_LABELS_FR,
  ACTIVITY_ACTOR_TYPES,
  ACTIVITY_KIND_LABELS_FR,
  ACTIVITY_KINDS,
  ActivityActorType,
  ActivityAttendance,
  ActivityKind,
  CreateActivityRequest,
  LabActivity,
  MAX_ACTIVITY_ATTENDANCE,
  Organisation,
  ProjectListItem,
} from '@sillon/contracts';
import { WriteResult, placeFieldErrors } from '@sillon/dashboard/shared/util';
import { formatDateFr } from '@sillon/util';
import { map } from 'rxjs';

export interface ActivityDialogData {
  // null: a new activity.
  activity: LabActivity | null;
  // The activity's lab's projects and organisations.
  projects: readonly ProjectListItem[];
  organisations: readonly Organisation[];
  // Saves on top of `version` (an edit) or creates; the dialog closes with the saved activity.
  save: (request: CreateActivityRequest, version: number | null) => Promise<WriteResult<LabActivity>>;
}

const integer = new Intl.NumberFormat('fr-FR');

// How the activity stands now, in one French sentence (after someone else changed it).
export function describeActivity(a: LabActivity): string {
  const dates = a.endsOn ? `du ${formatDateFr(a.startsOn)} au ${formatDateFr(a.endsOn)}` : `le ${formatDateFr(a.startsOn)}`;
  return `« ${a.title} » (${ACTIVITY_KIND_LABELS_FR[a.kind].toLowerCase()}) ${dates}, ${integer.format(a.participants)} participant${a.participants > 1 ? 's' : ''}.`;
}

const count = (value: number) => [value, [Validators.min(0), Validators.max(MAX_ACTIVITY_ATTENDANCE), Validators.pattern(/^\d+$/)]] as const;

// Records or edits a lab activity: what, when, where, with which projects and partners, and who came
// by kind of actor, with the total computed as the person types.
@Component({
  selector: 'sil-activity-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
  ],
  templateUrl: './activity-dialog.html',
  styleUrl: './activity-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActivityDialog {
  protected readonly data = inject<ActivityDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<ActivityDialog, LabActivity>>(MatDialogRef);
  private readonly injector = inject(Injector);
  private readonly message = viewChild<ElementRef<HTMLElement>>('message');
  protected readonly describe = describeActivity;

  protected readonly kinds = ACTIVITY_KINDS.map((value) => ({ value, label: ACTIVITY_KIND_LABELS_FR[value] }));
  protected readonly actors = ACTIVITY_ACTOR_TYPES.map((value) => ({ value, label: ACTIVITY_ACTOR_LABELS_FR[value] }));
  protected readonly max = MAX_ACTIVITY_ATTENDANCE;

  private readonly a = this.data.activity;
  protected readonly heading = this.a ? "Modifier l'activité" : 'Nouvelle activité';
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    title: [this.a?.title ?? '', [Validators.required, Validators.maxLength(200), Validators.pattern(/\S/)]],
    kind: [(this.a?.kind ?? 'workshop') as ActivityKind, Validators.required],
    startsOn: [this.a?.startsOn ?? '', Validators.required],
    endsOn: [this.a?.endsOn ?? ''],
    place: [this.a?.place ?? '', Validators.maxLength(200)],
    description: [this.a?.description ?? '', Validators.maxLength(4000)],
    projectIds: [this.a?.projects.map((p) => p.id) ?? ([] as string[])],
    facilitatorIds: [this.a?.facilitators.map((f) => f.id) ?? ([] as string[])],
    attendance: this.fb.group(
      Object.fromEntries(ACTIVITY_ACTOR_TYPES.map((type) => [type, count(this.a?.attendance[type] ?? 0)])) as Record<ActivityActorType, ReturnType<typeof count>>,
    ),
  });
  protected readonly attendance = this.form.controls.attendance.controls as unknown as Record<ActivityActorType, FormControl<number>>;

  // The total as typed; an empty or invalid count adds nothing.
  protected readonly total = toSignal(
    this.form.controls.attendance.valueChanges.pipe(map(() => this.sum())),
    { initialValue: this.a?.participants ?? 0 },
  );
  protected readonly totalText = computed(() => {
    const total = this.total();
    return `${integer.format(total)} participant${total > 1 ? 's' : ''}`;
  });

  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);
  // After a 409: the activity as it now stands; saving again builds on its version.
  protected readonly conflict = signal<LabActivity | null>(null);
  private version = this.a?.version ?? null;

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.pending.set(true);
    this.error.set(null);
    const result = await this.data.save(this.request(), this.version);
    this.pending.set(false);
    if (result.ok) {
      this.dialogRef.close(result.value);
      return;
    }
    this.conflict.set(result.conflict);
    if (result.conflict) {
      this.version = result.conflict.version;
      this.focusMessage();
    } else if (placeFieldErrors(this.form, result.fieldErrors)) {
      this.error.set(result.message);
      this.focusMessage();
    }
  }

  protected serverError(name: string): string | null {
    return (this.form.get(name)?.getError('server') as string | undefined) ?? null;
  }

  private sum(): number {
    return ACTIVITY_ACTOR_TYPES.reduce((n, type) => {
      const control = this.attendance[type];
      const value = Number(control.value);
      return control.valid && Number.isInteger(value) && value >= 0 ? n + value : n;
    }, 0);
  }

  private request(): CreateActivityRequest {
    const v = this.form.getRawValue();
    const attendance = Object.fromEntries(ACTIVITY_ACTOR_TYPES.map((type) => [type, Number(v.attendance[type] ?? 0)])) as ActivityAttendance;
    return {
      title: v.title.trim(),
      kind: v.kind,
      startsOn: v.startsOn,
      endsOn: v.endsOn || null,
      place: v.place.trim() || null,
      description: v.description.trim() || null,
      projectIds: v.projectIds,
      facilitatorIds: v.facilitatorIds,
      attendance,
    };
  }

  private focusMessage(): void {
    afterNextRender(() => this.message()?.nativeElement.focus(), { injector: this.injector });
  }
}
