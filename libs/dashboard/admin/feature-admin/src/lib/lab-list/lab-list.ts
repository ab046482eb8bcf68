import { ChangeDetectionStrategy, Component, Injector, OnInit, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatTableModule } from '@angular/material/table';
import { Lab } from '@sillon/contracts';
import { DirectoryStore } from '@sillon/dashboard/admin/data-access';
import { DepartmentNamePipe } from '@sillon/dashboard/shared/ui';
import { DirectoryPanel } from '../directory-panel/directory-panel';
import { LabDialog, LabDialogData } from '../lab-dialog/lab-dialog';

@Component({
  selector: 'sil-lab-list',
  imports: [MatTableModule, MatButton, DirectoryPanel, DepartmentNamePipe],
  templateUrl: './lab-list.html',
  styleUrls: ['../admin-panel.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LabList implements OnInit {
  protected readonly store = inject(DirectoryStore);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);

  protected readonly columns = ['name', 'code', 'region', 'departments', 'actions'];
  protected readonly summary = computed(() => {
    if (!this.store.loaded()) return 'Chargement des labs…';
    const count = this.store.labs().length;
    return count === 0 ? 'Aucun lab' : count === 1 ? '1 lab' : `${count} labs`;
  });

  ngOnInit(): void {
    if (!this.store.loaded()) void this.store.load();
  }

  protected open(lab: Lab | null): void {
    this.dialog.open<LabDialog, LabDialogData, Lab>(LabDialog, {
      data: { lab },
      width: '560px',
      maxWidth: '95vw',
      autoFocus: 'first-tabbable',
      // The dialog finds the page's stores through the opener's injector.
      injector: this.injector,
    });
  }
}
