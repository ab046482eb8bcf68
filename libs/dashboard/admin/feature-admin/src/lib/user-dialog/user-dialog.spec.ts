import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { User } from '@sillon/contracts';
import { DirectoryStore, UserAdminStore, aLab, aUser } from '@sillon/dashboard/admin/data-access';
import { UserDialog } from './user-dialog';

// Lets awaited answers reach the component, then waits for the view to be drawn.
async function settle(fixture: { whenStable(): Promise<unknown> }): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }
}

async function open(user: User | null) {
  const close = jest.fn();
  TestBed.configureTestingModule({
    providers: [
      UserAdminStore,
      DirectoryStore,
      provideHttpClient(),
      provideHttpClientTesting(),
      provideNoopAnimations(),
      { provide: MAT_DIALOG_DATA, useValue: { user } },
      { provide: MatDialogRef, useValue: { close } },
    ],
  });
  TestBed.inject(DirectoryStore).labs.set([aLab()]);
  const fixture = TestBed.createComponent(UserDialog);
  await settle(fixture);
  const element = fixture.nativeElement as HTMLElement;
  const http = TestBed.inject(HttpTestingController);
  const field = (label: string) => {
    const formField = [...element.querySelectorAll('mat-form-field')].find((f) => f.querySelector('mat-label')?.textContent?.trim() === label);
    return formField?.querySelector<HTMLInputElement>('input') ?? null;
  };
  const type = (label: string, text: string) => {
    const input = field(label);
    if (!input) throw new Error(`no field ${label}`);
    input.value = text;
    input.dispatchEvent(new Event('input'));
  };
  const submit = async () => {
    // jsdom has no implicit submission: the form gets the event a click on its submit button sends.
    element.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(fixture);
  };
  const loader = TestbedHarnessEnvironment.loader(fixture);
  const choose = async (label: string, option: string) => {
    const formField = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
    const select = (await formField.getControl(MatSelectHarness)) as MatSelectHarness;
    await select.open();
    await select.clickOptions({ text: option });
  };
  return { fixture, element, http, field, type, submit, close, choose };
}

describe('UserDialog', () => {
  it('refuses a short password before asking the API', async () => {
    const { fixture, http, type, submit, element } = await open(null);
    type('Adresse e-mail', 'zoe.petit@demo.sillon.fr');
    type('Nom affiché', 'Zoé Petit');
    type('Mot de passe initial', 'court');
    await submit();
    await settle(fixture);
    http.expectNone('/api/v1/users');
    expect(element.textContent).toContain('Le mot de passe doit compter de 8 à 128 caractères.');
    expect(element.textContent).toContain('Choisissez le lab de la personne.');
  });

  it("puts the server's errors next to their fields and keeps what was typed", async () => {
    const { fixture, http, type, submit, element, field, close, choose } = await open(null);
    type('Adresse e-mail', 'zoe.petit@demo.sillon.fr');
    type('Nom affiché', 'Zoé Petit');
    type('Mot de passe initial', 'un-bon-mot-de-passe');
    await choose('Lab', 'Lab ESS Lille (LIL)');
    await submit();
    const request = http.expectOne('/api/v1/users');
    expect(request.request.body).toEqual({
      email: 'zoe.petit@demo.sillon.fr',
      displayName: 'Zoé Petit',
      role: 'project_lead',
      password: 'un-bon-mot-de-passe',
      labId: aLab().id,
      regionId: null,
    });
    request.flush(
      { type: 'about:blank', title: 'Données invalides', status: 400, errors: [{ field: 'email', message: 'Cette adresse est refusée.', code: 'x' }] },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);

    expect(element.querySelector('mat-error')?.textContent).toContain('Cette adresse est refusée.');
    expect(field('Nom affiché')?.value).toBe('Zoé Petit');
    expect(close).not.toHaveBeenCalled();
  });

  it('on a stale version shows the current values, keeps the edit and saves over them when asked again', async () => {
    const { fixture, http, type, submit, element, field, close } = await open(aUser({ version: 2 }));
    type('Nom affiché', 'Camille Martin-Roy');
    await submit();
    const current = aUser({ displayName: 'C. Martin', role: 'lab_manager', version: 3 });
    http.expectOne(`/api/v1/users/${aUser().id}`).flush(
      { type: 'about:blank', title: 'Conflit', status: 409, detail: "Ce compte a été modifié entre-temps par quelqu'un d'autre.", current },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(fixture);

    const alert = element.querySelector('[role="alert"]')?.textContent ?? '';
    expect(alert).toContain("Ce compte a été modifié entre-temps par quelqu'un d'autre.");
    expect(alert).toContain('C. Martin');
    expect(alert).toContain('Responsable de lab');
    expect(field('Nom affiché')?.value).toBe('Camille Martin-Roy');

    await submit();
    const retry = http.expectOne(`/api/v1/users/${aUser().id}`);
    expect(retry.request.body).toMatchObject({ displayName: 'Camille Martin-Roy', version: 3 });
    retry.flush(aUser({ displayName: 'Camille Martin-Roy', version: 4 }));
    await settle(fixture);
    expect(close).toHaveBeenCalledWith(aUser({ displayName: 'Camille Martin-Roy', version: 4 }));
  });
});
