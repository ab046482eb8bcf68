import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import {
  COMMON_KIND_LABELS_FR,
  COMMON_LICENCE_LABELS_FR,
  DEPARTMENT_NAMES_FR,
  DepartmentCode,
  OPEN_DATA_LICENCE,
  OpenDataProject,
  PROJECT_STATUS_LABELS_FR,
  STAGE_LABELS_FR,
  THEME_LABELS_FR,
  THEMES,
  Theme,
} from '@sillon/contracts';
import { CommonsApi, OPEN_DATA_CSV_URL, OPEN_DATA_JSON_URL, OPEN_DATA_SCHEMA_URL } from '@sillon/dashboard/commons/data-access';
import { errorMessageOf } from '@sillon/dashboard/shared/util';
import { firstValueFrom } from 'rxjs';

// « Vitrine des projets »: the public projects of every lab and the commons they publish, read from
// the open-data feed, for anyone, without signing in.
@Component({
  selector: 'sil-showcase',
  imports: [DatePipe, MatFormField, MatLabel, MatInput],
  templateUrl: './showcase.html',
  styleUrl: './showcase.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Showcase {
  private readonly api = inject(CommonsApi);

  protected readonly links = { json: OPEN_DATA_JSON_URL, csv: OPEN_DATA_CSV_URL, schema: OPEN_DATA_SCHEMA_URL, licence: OPEN_DATA_LICENCE };
  protected readonly themes = THEME_LABELS_FR;
  protected readonly stages = STAGE_LABELS_FR;
  protected readonly statuses = PROJECT_STATUS_LABELS_FR;
  protected readonly kinds = COMMON_KIND_LABELS_FR;
  protected readonly licences = COMMON_LICENCE_LABELS_FR;

  protected readonly projects = signal<OpenDataProject[] | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly region = signal('');
  protected readonly theme = signal<Theme | ''>('');

  protected readonly regions = computed(() => [...new Set((this.projects() ?? []).map((p) => p.regionName))].sort((a, b) => a.localeCompare(b, 'fr')));
  protected readonly themeOptions = THEMES.map((value) => ({ value, label: THEME_LABELS_FR[value] }));
  protected readonly shown = computed(() => {
    const region = this.region();
    const theme = this.theme();
    return (this.projects() ?? []).filter((p) => (!region || p.regionName === region) && (!theme || p.themes.includes(theme)));
  });
  protected readonly summary = computed(() => {
    const n = this.shown().length;
    const commons = this.shown().reduce((sum, p) => sum + p.commons.length, 0);
    return `${n} projet${n > 1 ? 's' : ''} affiché${n > 1 ? 's' : ''}, ${commons} commun${commons > 1 ? 's' : ''} publié${commons > 1 ? 's' : ''}.`;
  });

  constructor() {
    void this.load();
  }

  protected pickRegion(event: Event): void {
    this.region.set((event.target as HTMLSelectElement).value);
  }

  protected pickTheme(event: Event): void {
    this.theme.set((event.target as HTMLSelectElement).value as Theme | '');
  }

  protected departments(codes: string[]): string {
    return codes.map((code) => `${DEPARTMENT_NAMES_FR[code as DepartmentCode] ?? code} (${code})`).join(', ');
  }

  protected department(code: string | null): string {
    return code ? ` — ${DEPARTMENT_NAMES_FR[code as DepartmentCode] ?? code} (${code})` : '';
  }

  private async load(): Promise<void> {
    try {
      this.projects.set((await firstValueFrom(this.api.openData())).projects);
    } catch (error: unknown) {
      this.error.set(errorMessageOf(error));
    }
  }
}
