import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject, input, signal, viewChild } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { ORGANISATION_TYPE_LABELS_FR, PARTNER_ROLE_LABELS_FR, ProjectPartner } from '@sillon/contracts';
import { ProjectDetailStore } from '@sillon/dashboard/projects/data-access';
import { ConfirmDialog, ConfirmDialogData } from '@sillon/dashboard/shared/ui';
import { firstValueFrom } from 'rxjs';
import { PartnerDialog } from '../partner-dialog/partner-dialog';

// The project's partner organisations; a lab manager adds and removes them.
@Component({
  selector: 'sil-project-partners',
  imports: [DatePipe, MatButton],
  templateUrl: './project-partners.html',
  styleUrl: '../record-section.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProjectPartners {
  protected readonly store = inject(ProjectDetailStore);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly addButton = viewChild('addButton', { read: ElementRef<HTMLButtonElement> });

  readonly canManage = input(false);

  protected readonly roles = PARTNER_ROLE_LABELS_FR;
  protected readonly types = ORGANISATION_TYPE_LABELS_FR;
  protected readonly announcement = signal('');
  protected readonly error = signal<string | null>(null);

  protected async add(): Promise<void> {
    const ref = this.dialog.open<PartnerDialog, void, boolean>(PartnerDialog, { width: '560px', maxWidth: '95vw', injector: this.injector });
    if (await firstValueFrom(ref.afterClosed())) this.announcement.set('Partenaire ajouté.');
  }

  protected async remove(partner: ProjectPartner): Promise<void> {
    const data: ConfirmDialogData = {
      title: `Retirer ${partner.organisationName} des partenaires ?`,
      message: [`${partner.organisationName} ne figurera plus parmi les partenaires du projet (rôle : ${this.roles[partner.role]}). L’organisation et ses contacts restent enregistrés.`],
      confirm: 'Retirer le partenaire',
      destructive: true,
    };
    const confirmed = await firstValueFrom(this.dialog.open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, width: '480px', maxWidth: '95vw' }).afterClosed());
    if (!confirmed) return;
    this.error.set(null);
    const result = await this.store.removePartner(partner);
    if (result.ok) {
      this.announcement.set(`${partner.organisationName} a été retiré des partenaires.`);
      // The row and its button are gone: focus goes back to the section's action.
      setTimeout(() => this.addButton()?.nativeElement.focus());
    } else {
      this.error.set(result.message);
    }
  }
}
