import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatTab, MatTabContent, MatTabGroup } from '@angular/material/tabs';
import { SessionStore } from '@sillon/dashboard/auth/data-access';
import { DirectoryStore, GateCriteriaStore, UserAdminStore } from '@sillon/dashboard/admin/data-access';
import { GateCriteriaEditor } from '../gate-criteria-editor/gate-criteria-editor';
import { LabList } from '../lab-list/lab-list';
import { RegionList } from '../region-list/region-list';
import { UserTable } from '../user-table/user-table';

// Admins manage accounts, labs and regions; a lab manager edits their lab's gate criteria and sees its team.
@Component({
  selector: 'sil-administration',
  imports: [MatTabGroup, MatTab, MatTabContent, UserTable, LabList, RegionList, GateCriteriaEditor],
  templateUrl: './administration.html',
  styleUrl: './administration.scss',
  // Stores live as long as the page, so switching tabs keeps filters and lists.
  providers: [UserAdminStore, DirectoryStore, GateCriteriaStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Administration {
  private readonly session = inject(SessionStore);

  protected readonly isAdmin = computed(() => this.session.role() === 'admin');
  protected readonly labId = computed(() => this.session.me()?.labId ?? null);
  protected readonly labName = computed(() => this.session.me()?.labName ?? '');
}
