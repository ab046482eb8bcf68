import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { Stage, STAGE_LABELS_FR, STALLED_DAYS_DEFAULT } from '@sillon/contracts';
import { SessionStore } from '@sillon/dashboard/auth/data-access';
import { HomeStore, STALLED_DAYS_CHOICES } from '@sillon/dashboard/home/data-access';
import { CountChart, CountRow, KeyFigure, loadEcharts } from '@sillon/dashboard/home/ui';
import { HealthBadge, StageBadge } from '@sillon/dashboard/shared/ui';
import { departmentLabel, formatDateFr, formatEuroCents } from '@sillon/util';
import { provideEchartsCore } from 'ngx-echarts';

const integer = new Intl.NumberFormat('fr-FR');

function plural(count: number, one: string, many: string): string {
  return `${integer.format(count)} ${count > 1 ? many : one}`;
}

// The Tableau de bord: key figures of the portfolio in reach, projects per stage and per département,
// stalled projects and overdue milestones; a project lead sees their own projects first.
@Component({
  selector: 'sil-home',
  imports: [MatFormFieldModule, MatSelectModule, RouterLink, CountChart, KeyFigure, HealthBadge, StageBadge],
  templateUrl: './home.html',
  styleUrl: './home.scss',
  providers: [HomeStore, provideEchartsCore({ echarts: loadEcharts })],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Home {
  protected readonly session = inject(SessionStore);
  protected readonly store = inject(HomeStore);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);

  protected readonly stalledChoices = STALLED_DAYS_CHOICES;
  protected readonly formatDate = formatDateFr;
  protected readonly number = (n: number) => integer.format(n);
  protected readonly plural = plural;
  protected readonly stageLabel = (stage: Stage) => STAGE_LABELS_FR[stage];

  protected readonly isAdmin = computed(() => this.session.role() === 'admin');
  protected readonly isLead = computed(() => this.session.role() === 'project_lead');
  protected readonly scope = computed(() => {
    const me = this.session.me();
    if (me?.role === 'regional_director') return me.regionName ? `Région ${me.regionName}` : 'Votre région';
    if (me?.role === 'national') return 'Toutes les régions';
    return me?.labName ?? '';
  });
  protected readonly year = computed(() => (this.store.figures()?.asOf ?? new Date().toISOString()).slice(0, 4));
  protected readonly stageRows = computed<CountRow[]>(() => this.store.stageRows().map((r) => ({ label: r.label, count: r.count })));
  protected readonly departmentRows = computed<CountRow[]>(() =>
    (this.store.figures()?.activeByDepartment ?? []).map((d) => ({ label: departmentLabel(d.department), count: d.count })),
  );
  protected readonly funding = computed(() => {
    const o = this.store.figures();
    return o ? { granted: formatEuroCents(o.fundingGrantedCents), received: formatEuroCents(o.fundingCents.received), requested: formatEuroCents(o.fundingCents.requested) } : null;
  });

  constructor() {
    const me = this.session.me();
    if (me && me.role !== 'admin') {
      const asked = Number(this.route.snapshot.queryParamMap.get('stalledDays'));
      const days = (STALLED_DAYS_CHOICES as readonly number[]).includes(asked) ? asked : STALLED_DAYS_DEFAULT;
      void this.store.load({ id: me.id, role: me.role }, days);
    }
  }

  protected changeStalledDays(days: number): void {
    void this.store.changeStalledDays(days);
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { stalledDays: days === STALLED_DAYS_DEFAULT ? null : days },
      replaceUrl: true,
    });
  }
}
