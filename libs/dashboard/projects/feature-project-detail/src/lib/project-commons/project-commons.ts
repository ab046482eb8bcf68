import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, Injector, effect, inject, input, signal, untracked, viewChild } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { COMMON_KIND_LABELS_FR, COMMON_LICENCE_LABELS_FR, DEPARTMENT_NAMES_FR, DepartmentCode, ProjectCommon } from '@sillon/contracts';
import { ProjectCommonsStore } from '@sillon/dashboard/commons/data-access';
import { ConfirmDialog, ConfirmDialogData } from '@sillon/dashboard/shared/ui';
import { firstValueFrom } from 'rxjs';
import { CommonDialog, CommonDialogData } from '../common-dialog/common-dialog';

// What the project publishes as commons, and the territories reusing them; whoever may write the
// project adds, edits and deletes them.
@Component({
  selector: 'sil-project-commons',
  imports: [DatePipe, MatButton],
  templateUrl: './project-commons.html',
  styleUrls: ['../record-section.scss', './project-commons.scss'],
  providers: [ProjectCommonsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProjectCommons {
  protected readonly store = inject(ProjectCommonsStore);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly addButton = viewChild('addButton', { read: ElementRef<HTMLButtonElement> });

  readonly projectId = input.required<string>();
  readonly canEdit = input(false);

  protected readonly kinds = COMMON_KIND_LABELS_FR;
  protected readonly licences = COMMON_LICENCE_LABELS_FR;
  protected readonly announcement = signal('');
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => {
      const id = this.projectId();
      untracked(() => void this.store.load(id));
    });
  }

  protected department(code: string | null): string {
    return code ? `${DEPARTMENT_NAMES_FR[code as DepartmentCode] ?? code} (${code})` : '';
  }

  protected async open(common?: ProjectCommon): Promise<void> {
    const ref = this.dialog.open<CommonDialog, CommonDialogData, boolean>(CommonDialog, {
      data: { common },
      width: '720px',
      maxWidth: '95vw',
      injector: this.injector,
    });
    if (await firstValueFrom(ref.afterClosed())) this.announcement.set(common ? 'Commun modifié.' : 'Commun ajouté.');
  }

  protected async remove(common: ProjectCommon): Promise<void> {
    const data: ConfirmDialogData = {
      title: `Supprimer le commun « ${common.title} » ?`,
      message: [
        'Le commun et ses réutilisations ne figureront plus sur la fiche du projet ni dans les données ouvertes.',
        'La ressource elle-même, à son adresse web, n’est pas touchée.',
      ],
      confirm: 'Supprimer le commun',
      destructive: true,
    };
    const confirmed = await firstValueFrom(this.dialog.open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, width: '480px', maxWidth: '95vw' }).afterClosed());
    if (!confirmed) return;
    this.error.set(null);
    const result = await this.store.remove(common);
    if (result.ok) {
      this.announcement.set(`Le commun « ${common.title} » a été supprimé.`);
      // The card and its buttons are gone: focus goes back to the section's action.
      setTimeout(() => this.addButton()?.nativeElement.focus());
    } else {
      this.error.set(result.message);
    }
  }
}
