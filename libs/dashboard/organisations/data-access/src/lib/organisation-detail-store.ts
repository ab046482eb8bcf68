import { Injectable, inject, signal } from '@angular/core';
import { Contact, ContactErasureResult, ContactExport, CreateContactRequest, Organisation, UpdateContactRequest } from '@sillon/contracts';
import { WriteResult, errorMessageOf, write } from '@sillon/dashboard/shared/util';
import { firstValueFrom } from 'rxjs';
import { ContactsApi } from './contacts-api';

const byName = (a: Contact, b: Contact) => a.fullName.localeCompare(b.fullName, 'fr');

// The Organisation page: the organisation, its contacts, and what a lab manager does with them.
@Injectable()
export class OrganisationDetailStore {
  private readonly api = inject(ContactsApi);
  private id = '';

  readonly organisation = signal<Organisation | null>(null);
  readonly loadError = signal<string | null>(null);
  readonly contacts = signal<Contact[] | null>(null);
  readonly contactsError = signal<string | null>(null);

  // Without contacts for a reader of no personal data (a national account): the API would list none.
  async load(id: string, withContacts = true): Promise<void> {
    this.id = id;
    this.organisation.set(null);
    this.loadError.set(null);
    this.contacts.set(null);
    this.contactsError.set(null);
    const contacts = withContacts ? this.reloadContacts() : Promise.resolve();
    try {
      this.organisation.set(await firstValueFrom(this.api.organisation(id)));
    } catch (error: unknown) {
      this.loadError.set(errorMessageOf(error));
    }
    await contacts;
  }

  async create(request: Omit<CreateContactRequest, 'organisationId'>): Promise<WriteResult<Contact>> {
    return this.keep(await write(this.api.create({ ...request, organisationId: this.id })));
  }

  // On a stale version `conflict` is the contact as saved now, and the list shows it.
  async update(id: string, request: UpdateContactRequest): Promise<WriteResult<Contact>> {
    return this.keep(await write(this.api.update(id, request)));
  }

  async export(contact: Contact): Promise<WriteResult<ContactExport>> {
    return write(this.api.export(contact.id));
  }

  async erase(contact: Contact): Promise<WriteResult<ContactErasureResult>> {
    const result = await write(this.api.erase(contact.id));
    if (result.ok) this.contacts.update((list) => (list ?? []).filter((c) => c.id !== contact.id));
    return result;
  }

  private keep(result: WriteResult<Contact>): WriteResult<Contact> {
    const fresh = result.ok ? result.value : result.conflict;
    if (fresh) this.contacts.update((list) => [...(list ?? []).filter((c) => c.id !== fresh.id), fresh].sort(byName));
    return result;
  }

  private async reloadContacts(): Promise<void> {
    try {
      this.contacts.set([...(await firstValueFrom(this.api.contacts(this.id))).items].sort(byName));
      this.contactsError.set(null);
    } catch (error: unknown) {
      this.contactsError.set(errorMessageOf(error));
    }
  }
}
