import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ACTIVITY_KIND_LABELS_FR, LabActivity } from '@sillon/contracts';
import { ActivitiesApi } from '@sillon/dashboard/activities/data-access';
import { errorMessageOf } from '@sillon/dashboard/shared/util';
import { firstValueFrom } from 'rxjs';

// The lab activities linked to the project (read-only: they are recorded under Activités).
@Component({
  selector: 'sil-project-activities',
  imports: [DatePipe, RouterLink],
  templateUrl: './project-activities.html',
  styleUrl: '../record-section.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProjectActivities {
  private readonly api = inject(ActivitiesApi);

  readonly projectId = input.required<string>();

  protected readonly kinds = ACTIVITY_KIND_LABELS_FR;
  protected readonly activities = signal<LabActivity[] | null>(null);
  protected readonly total = signal(0);
  protected readonly error = signal<string | null>(null);
  protected readonly count = (n: number) => new Intl.NumberFormat('fr-FR').format(n);

  constructor() {
    effect(() => {
      const project = this.projectId();
      untracked(() => void this.load(project));
    });
  }

  private async load(project: string): Promise<void> {
    try {
      const page = await firstValueFrom(this.api.list({ project, pageSize: 50 }));
      this.activities.set(page.items);
      this.total.set(page.total);
      this.error.set(null);
    } catch (failure: unknown) {
      this.error.set(errorMessageOf(failure));
    }
  }
}
