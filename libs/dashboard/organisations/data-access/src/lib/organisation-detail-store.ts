import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { Contact, ContactErasureResult, ContactExport, CreateContactRequest, Organisation, Problem, UpdateContactRequest } from '@sillon/contracts';
import { firstValueFrom } from 'rxjs';
import { ContactsApi } from './contacts-api';

export type ContactWriteResult =
  | { ok: true; contact: Contact }
  | { ok: false; message: string; fieldErrors: Record<string, string>; current?: Contact };

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

function problemOf(error: unknown): Problem | null {
  return error instanceof HttpErrorResponse && error.error && typeof error.error === 'object' ? (error.error as Problem) : null;
}

function messageOf(error: unknown): string {
  const problem = problemOf(error);
  if (problem?.detail || problem?.title) return (problem.detail || problem.title) as string;
  if (error instanceof HttpErrorResponse && error.status === 0) return 'Le serveur ne répond pas. Vérifiez votre connexion et réessayez.';
  return "L'opération a échoué. Réessayez dans quelques instants.";
}

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

  async load(id: string): Promise<void> {
    this.id = id;
    this.organisation.set(null);
    this.loadError.set(null);
    this.contacts.set(null);
    this.contactsError.set(null);
    const contacts = this.reloadContacts();
    try {
      this.organisation.set(await firstValueFrom(this.api.organisation(id)));
    } catch (error: unknown) {
      this.loadError.set(messageOf(error));
    }
    await contacts;
  }

  async create(request: Omit<CreateContactRequest, 'organisationId'>): Promise<ContactWriteResult> {
    return this.write(() => firstValueFrom(this.api.create({ ...request, organisationId: this.id })));
  }

  async update(id: string, request: UpdateContactRequest): Promise<ContactWriteResult> {
    return this.write(() => firstValueFrom(this.api.update(id, request)));
  }

  async export(contact: Contact): Promise<Outcome<ContactExport>> {
    try {
      return { ok: true, value: await firstValueFrom(this.api.export(contact.id)) };
    } catch (error: unknown) {
      return { ok: false, message: messageOf(error) };
    }
  }

  async erase(contact: Contact): Promise<Outcome<ContactErasureResult>> {
    try {
      const result = await firstValueFrom(this.api.erase(contact.id));
      this.contacts.update((list) => (list ?? []).filter((c) => c.id !== contact.id));
      return { ok: true, value: result };
    } catch (error: unknown) {
      return { ok: false, message: messageOf(error) };
    }
  }

  private async reloadContacts(): Promise<void> {
    try {
      this.contacts.set([...(await firstValueFrom(this.api.contacts(this.id))).items].sort(byName));
      this.contactsError.set(null);
    } catch (error: unknown) {
      this.contactsError.set(messageOf(error));
    }
  }

  private async write(call: () => Promise<Contact>): Promise<ContactWriteResult> {
    try {
      const contact = await call();
      this.contacts.update((list) => [...(list ?? []).filter((c) => c.id !== contact.id), contact].sort(byName));
      return { ok: true, contact };
    } catch (error: unknown) {
      const problem = problemOf(error);
      const fieldErrors: Record<string, string> = {};
      for (const item of problem?.errors ?? []) fieldErrors[item.field.split('.')[0]] ??= item.message;
      const current = error instanceof HttpErrorResponse && error.status === 409 ? (problem?.current as Contact | undefined) : undefined;
      if (current) this.contacts.update((list) => (list ?? []).map((c) => (c.id === current.id ? current : c)));
      return { ok: false, message: messageOf(error), fieldErrors, current };
    }
  }
}
