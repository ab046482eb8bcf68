import { ChangeDetectionStrategy, Component, DestroyRef, Injector, computed, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatPaginator, MatPaginatorIntl, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { ORGANISATION_TYPE_LABELS_FR, ORGANISATION_TYPES, Organisation, OrganisationListQuery, OrganisationType } from '@sillon/contracts';
import { SessionStore } from '@sillon/dashboard/auth/data-access';
import { OrganisationStore, organisationParamsFromQuery, organisationQueryFromParams } from '@sillon/dashboard/organisations/data-access';
import { DepartmentNamePipe, FrenchPaginatorIntl } from '@sillon/dashboard/shared/ui';
import { OrganisationDialog, OrganisationDialogData } from '../organisation-dialog/organisation-dialog';

const SEARCH_DELAY_MS = 350;

@Component({
  selector: 'sil-organisation-list',
  imports: [RouterLink, MatTableModule, MatPaginator, MatProgressBar, MatFormField, MatLabel, MatInput, MatSelect, MatOption, MatButton, DepartmentNamePipe],
  templateUrl: './organisation-list.html',
  styleUrl: './organisation-list.scss',
  providers: [OrganisationStore, { provide: MatPaginatorIntl, useClass: FrenchPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrganisationList {
  protected readonly store = inject(OrganisationStore);
  private readonly session = inject(SessionStore);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly injector = inject(Injector);
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  protected readonly types = ORGANISATION_TYPES.map((value) => ({ value, label: ORGANISATION_TYPE_LABELS_FR[value] }));
  // Only a lab manager records organisations; others read.
  protected readonly canEdit = computed(() => this.session.role() === 'lab_manager');
  protected readonly columns = computed(() => (this.canEdit() ? ['name', 'type', 'siret', 'department', 'actions'] : ['name', 'type', 'siret', 'department']));
  protected readonly summary = computed(() => {
    if (!this.store.loaded()) return 'Chargement des organisations…';
    const total = this.store.total();
    return total === 0 ? 'Aucune organisation' : total === 1 ? '1 organisation' : `${new Intl.NumberFormat('fr-FR').format(total)} organisations`;
  });

  // The URL holds the filters: a reload or a shared link shows the same list, the back button the one before.
  constructor() {
    this.route.queryParams.pipe(takeUntilDestroyed()).subscribe((params) => this.store.load(organisationQueryFromParams(params)));
    inject(DestroyRef).onDestroy(() => clearTimeout(this.searchTimer));
  }

  protected search(text: string): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      // An organisation opened meanwhile (its page still loading) wins over the search typed before.
      if (this.router.currentNavigation()) return;
      void this.navigate({ ...this.store.query(), q: text.trim() ? text : undefined, page: 1 });
    }, SEARCH_DELAY_MS);
  }

  protected filterType(type: OrganisationType | ''): void {
    void this.navigate({ ...this.store.query(), type: type || undefined, page: 1 });
  }

  protected page(event: PageEvent): void {
    void this.navigate({ ...this.store.query(), page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  private navigate(query: OrganisationListQuery): Promise<boolean> {
    return this.router.navigate([], { relativeTo: this.route, queryParams: organisationParamsFromQuery(query) });
  }

  protected open(organisation?: Organisation): void {
    this.dialog.open<OrganisationDialog, OrganisationDialogData, Organisation>(OrganisationDialog, {
      data: { organisation },
      width: '560px',
      maxWidth: '95vw',
      injector: this.injector,
    });
  }

  protected typeLabel(organisation: Organisation): string {
    return ORGANISATION_TYPE_LABELS_FR[organisation.type];
  }

  protected formatSiret(siret: string | null): string {
    return siret ? `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}` : '—';
  }
}
