import { ChangeDetectionStrategy, Component, Injector, computed, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { FUNDING_SCHEME_LABELS_FR, FUNDING_STATUS_LABELS_FR, FUNDING_STATUSES, FundingLine } from '@sillon/contracts';
import { ProjectDetailStore } from '@sillon/dashboard/projects/data-access';
import { formatEuroCents } from '@sillon/util';
import { firstValueFrom } from 'rxjs';
import { FundingDialog, FundingDialogData } from '../funding-dialog/funding-dialog';

// The project's funding lines and their totals per state; a lab manager adds and edits lines.
@Component({
  selector: 'sil-project-funding',
  imports: [MatButton],
  templateUrl: './project-funding.html',
  styleUrl: '../record-section.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProjectFunding {
  protected readonly store = inject(ProjectDetailStore);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);

  readonly canManage = input(false);

  protected readonly schemes = FUNDING_SCHEME_LABELS_FR;
  protected readonly statuses = FUNDING_STATUS_LABELS_FR;
  protected readonly euros = formatEuroCents;
  protected readonly announcement = signal('');
  protected readonly totals = computed(() => {
    const funding = this.store.funding().value;
    return funding ? FUNDING_STATUSES.map((status) => ({ status, label: FUNDING_STATUS_LABELS_FR[status], cents: funding.totals[status] })) : [];
  });

  protected async open(line?: FundingLine): Promise<void> {
    const ref = this.dialog.open<FundingDialog, FundingDialogData, boolean>(FundingDialog, {
      data: { line },
      width: '640px',
      maxWidth: '95vw',
      injector: this.injector,
    });
    if (await firstValueFrom(ref.afterClosed())) this.announcement.set(line ? 'Ligne de financement modifiée.' : 'Ligne de financement ajoutée.');
  }

  protected describe(line: FundingLine): string {
    return [line.funderName, line.label, this.schemes[line.scheme]].filter(Boolean).join(', ');
  }
}
