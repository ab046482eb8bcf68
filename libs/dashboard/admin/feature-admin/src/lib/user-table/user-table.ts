import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, Injector, DestroyRef, OnInit, computed, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatPaginator, MatPaginatorIntl, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatSort, MatSortHeader, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { ROLE_LABELS_FR, ROLES, Role, User, UserSort } from '@sillon/contracts';
import { DirectoryStore, UserAdminStore } from '@sillon/dashboard/admin/data-access';
import { SessionStore } from '@sillon/dashboard/auth/data-access';
import { FrenchPaginatorIntl } from '@sillon/dashboard/shared/ui';
import { UserDialog, UserDialogData } from '../user-dialog/user-dialog';

const SEARCH_DELAY_MS = 350;
const ACTIVE_CHOICES = [
  { value: 'all', label: 'Tous' },
  { value: 'true', label: 'Actifs' },
  { value: 'false', label: 'Désactivés' },
] as const;

// The accounts: every account for an admin, who manages them; the lab's own for a lab manager, read-only.
@Component({
  selector: 'sil-user-table',
  imports: [
    DatePipe,
    MatTableModule,
    MatSort,
    MatSortHeader,
    MatPaginator,
    MatProgressBar,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
  ],
  templateUrl: './user-table.html',
  styleUrls: ['../admin-panel.scss', './user-table.scss'],
  providers: [{ provide: MatPaginatorIntl, useClass: FrenchPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserTable implements OnInit {
  readonly manage = input(false);

  protected readonly store = inject(UserAdminStore);
  protected readonly directory = inject(DirectoryStore);
  private readonly session = inject(SessionStore);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly snackBar = inject(MatSnackBar);
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  protected readonly roles = ROLES.map((value) => ({ value, label: ROLE_LABELS_FR[value] }));
  protected readonly activeChoices = ACTIVE_CHOICES;
  protected readonly query = this.store.query;
  protected readonly columns = computed(() =>
    this.manage() ? ['displayName', 'email', 'role', 'attachment', 'status', 'actions'] : ['displayName', 'email', 'role', 'status', 'createdAt'],
  );
  protected readonly activeValue = computed(() => (this.query().active === undefined ? 'all' : String(this.query().active)));
  protected readonly sortActive = computed(() => (this.query().sort ?? 'displayName').replace(/^-/, ''));
  protected readonly sortDirection = computed(() => ((this.query().sort ?? '').startsWith('-') ? 'desc' : 'asc'));
  protected readonly myId = computed(() => this.session.me()?.id ?? null);
  protected readonly summary = computed(() => {
    if (!this.store.loaded()) return 'Chargement des comptes…';
    const total = this.store.total();
    return total === 0 ? 'Aucun compte' : total === 1 ? '1 compte' : `${new Intl.NumberFormat('fr-FR').format(total)} comptes`;
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.searchTimer));
  }

  ngOnInit(): void {
    if (!this.store.loaded()) this.store.reload();
    // Labs feed the lab filter and the account form.
    if (this.manage() && !this.directory.loaded()) void this.directory.load();
  }

  protected search(text: string): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.store.filter({ q: text.trim() || undefined }), SEARCH_DELAY_MS);
  }

  protected filterRole(role: Role | 'all'): void {
    this.store.filter({ role: role === 'all' ? undefined : role });
  }

  protected filterLab(labId: string): void {
    this.store.filter({ labId: labId === 'all' ? undefined : labId });
  }

  protected filterActive(value: string): void {
    this.store.filter({ active: value === 'all' ? undefined : value === 'true' });
  }

  protected sort(sort: Sort): void {
    const field = sort.direction ? sort.active : 'displayName';
    this.store.filter({ sort: (sort.direction === 'desc' ? `-${field}` : field) as UserSort });
  }

  protected page(event: PageEvent): void {
    this.store.turnPage(event.pageIndex + 1, event.pageSize);
  }

  protected roleLabel(user: User): string {
    return ROLE_LABELS_FR[user.role];
  }

  protected attachment(user: User): string {
    if (user.labName) return user.labName;
    if (user.role === 'regional_director' && user.regionName) return user.regionName;
    if (user.role === 'national') return 'Toutes les régions';
    return '—';
  }

  protected create(): void {
    this.openDialog(null);
  }

  protected edit(user: User): void {
    this.openDialog(user);
  }

  protected async setActive(user: User, active: boolean): Promise<void> {
    const result = await this.store.setActive(user, active);
    if (result.ok) {
      this.snackBar.open(active ? `Compte de ${user.displayName} réactivé.` : `Compte de ${user.displayName} désactivé.`, 'Fermer', { duration: 5000 });
      return;
    }
    // On a conflict the row now shows the account as it is; the person decides again from there.
    this.snackBar.open(result.message, 'Fermer', { duration: 10000 });
  }

  private openDialog(user: User | null): void {
    const data: UserDialogData = { user };
    this.dialog.open<UserDialog, UserDialogData, User>(UserDialog, {
      data,
      width: '560px',
      maxWidth: '95vw',
      autoFocus: 'first-tabbable',
      // The dialog finds the page's stores through the opener's injector.
      injector: this.injector,
    });
  }
}
