import { ChangeDetectionStrategy, Component, ElementRef, Injector, computed, effect, inject, input, signal, untracked, viewChild } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { Contact, ContactExport, ORGANISATION_TYPE_LABELS_FR } from '@sillon/contracts';
import { SessionStore } from '@sillon/dashboard/auth/data-access';
import { OrganisationDetailStore } from '@sillon/dashboard/organisations/data-access';
import { ConfirmDialog, ConfirmDialogData, DepartmentNamePipe } from '@sillon/dashboard/shared/ui';
import { firstValueFrom } from 'rxjs';
import { ContactDialog, ContactDialogData } from '../contact-dialog/contact-dialog';

// The file a GDPR export downloads: contact-camille-lefebvre-2026-05-12.json
export function exportFileName(contact: Contact, exportedAt: string): string {
  const slug = contact.fullName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `contact-${slug || contact.id}-${exportedAt.slice(0, 10)}.json`;
}

// One organisation of the lab and its contacts; a lab manager manages the contacts, exports what is
// held about a person and erases them on request (GDPR).
@Component({
  selector: 'sil-organisation-detail',
  imports: [RouterLink, MatButton, DepartmentNamePipe],
  templateUrl: './organisation-detail.html',
  styleUrl: './organisation-detail.scss',
  providers: [OrganisationDetailStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrganisationDetail {
  protected readonly store = inject(OrganisationDetailStore);
  private readonly session = inject(SessionStore);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly title = inject(Title);
  private readonly addButton = viewChild('addButton', { read: ElementRef<HTMLButtonElement> });

  // The route parameter :id.
  readonly id = input.required<string>();

  protected readonly types = ORGANISATION_TYPE_LABELS_FR;
  protected readonly isManager = computed(() => this.session.role() === 'lab_manager');
  // Contacts are personal data: the national direction reads the organisation, not its people.
  protected readonly readsContacts = computed(() => this.session.role() !== 'national');
  protected readonly announcement = signal('');
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => {
      const id = this.id();
      const withContacts = this.readsContacts();
      untracked(() => void this.store.load(id, withContacts));
    });
    effect(() => {
      const organisation = this.store.organisation();
      if (organisation) this.title.setTitle(`${organisation.name} · Organisations · Sillon`);
    });
  }

  protected formatSiret(siret: string | null): string {
    return siret ? `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}` : '—';
  }

  protected async open(contact?: Contact): Promise<void> {
    const ref = this.dialog.open<ContactDialog, ContactDialogData, Contact>(ContactDialog, {
      data: { contact },
      width: '560px',
      maxWidth: '95vw',
      injector: this.injector,
    });
    const saved = await firstValueFrom(ref.afterClosed());
    if (saved) this.announcement.set(contact ? `Contact ${saved.fullName} modifié.` : `Contact ${saved.fullName} ajouté.`);
  }

  // GDPR art. 15: everything held about the person, as a JSON file.
  protected async export(contact: Contact): Promise<void> {
    this.error.set(null);
    const result = await this.store.export(contact);
    if (!result.ok) {
      this.error.set(result.message);
      return;
    }
    this.download(result.value);
    this.announcement.set(`Les données de ${contact.fullName} ont été téléchargées.`);
  }

  // GDPR art. 17, after a confirmation: the person's record and traces go.
  protected async erase(contact: Contact): Promise<void> {
    const data: ConfirmDialogData = {
      title: `Effacer définitivement ${contact.fullName} ?`,
      message: [
        'Le contact est supprimé, les partenariats qui le nomment n’ont plus de contact, et les évènements du journal du lab gardent leur trace sans ses données personnelles.',
        'Cette action ne peut pas être annulée. Exportez d’abord ses données si la personne les a demandées.',
      ],
      confirm: 'Effacer définitivement',
      destructive: true,
    };
    const confirmed = await firstValueFrom(
      this.dialog.open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, width: '520px', maxWidth: '95vw' }).afterClosed(),
    );
    if (!confirmed) return;
    this.error.set(null);
    const result = await this.store.erase(contact);
    if (!result.ok) {
      this.error.set(result.message);
      return;
    }
    const { partnershipsUnlinked: links, auditEventsScrubbed: events } = result.value;
    this.announcement.set(
      `Les données de ${contact.fullName} ont été effacées : ${links} partenariat${links > 1 ? 's' : ''} détaché${links > 1 ? 's' : ''}, ` +
        `${events} évènement${events > 1 ? 's' : ''} du journal anonymisé${events > 1 ? 's' : ''}.`,
    );
    setTimeout(() => this.addButton()?.nativeElement.focus());
  }

  private download(content: ContactExport): void {
    const blob = new Blob([JSON.stringify(content, null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = exportFileName(content.contact, content.exportedAt);
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url));
  }
}
