import { ChangeDetectionStrategy, Component, Injector, OnInit, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatTableModule } from '@angular/material/table';
import { Region } from '@sillon/contracts';
import { DirectoryStore } from '@sillon/dashboard/admin/data-access';
import { DirectoryPanel } from '../directory-panel/directory-panel';
import { RegionDialog, RegionDialogData } from '../region-dialog/region-dialog';

@Component({
  selector: 'sil-region-list',
  imports: [MatTableModule, MatButton, DirectoryPanel],
  templateUrl: './region-list.html',
  styleUrls: ['../admin-panel.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RegionList implements OnInit {
  protected readonly store = inject(DirectoryStore);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);

  protected readonly columns = ['name', 'labs', 'actions'];
  protected readonly labCounts = computed(() => {
    const counts = new Map<string, number>();
    for (const lab of this.store.labs()) counts.set(lab.regionId, (counts.get(lab.regionId) ?? 0) + 1);
    return counts;
  });
  protected readonly summary = computed(() => {
    if (!this.store.loaded()) return 'Chargement des régions…';
    const count = this.store.regions().length;
    return count === 0 ? 'Aucune région' : count === 1 ? '1 région' : `${count} régions`;
  });

  ngOnInit(): void {
    if (!this.store.loaded()) void this.store.load();
  }

  protected open(region: Region | null): void {
    this.dialog.open<RegionDialog, RegionDialogData, Region>(RegionDialog, {
      data: { region },
      width: '480px',
      maxWidth: '95vw',
      autoFocus: 'first-tabbable',
      // The dialog finds the page's stores through the opener's injector.
      injector: this.injector,
    });
  }
}
